#pragma once

#include <QUndoCommand>

#include "core/model/Annotation.h"

namespace dossier::ui {

class ArticleDocument;

// Deletes an annotation; undo brings it back with the same id, note and tags.
class RemoveAnnotationCommand : public QUndoCommand {
public:
    RemoveAnnotationCommand(ArticleDocument* document, core::Annotation annotation);
    void redo() override;
    void undo() override;

private:
    ArticleDocument* document_;
    core::Annotation annotation_;
};

}  // namespace dossier::ui
