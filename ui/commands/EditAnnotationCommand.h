#pragma once

#include <QUndoCommand>

#include "core/model/Annotation.h"

namespace dossier::ui {

class ArticleDocument;

// Changes an annotation's colour, note or tags.
class EditAnnotationCommand : public QUndoCommand {
public:
    EditAnnotationCommand(ArticleDocument* document, core::Annotation before, core::Annotation after);
    void redo() override;
    void undo() override;

private:
    ArticleDocument* document_;
    core::Annotation before_;
    core::Annotation after_;
};

}  // namespace dossier::ui
