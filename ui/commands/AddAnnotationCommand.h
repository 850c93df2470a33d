#pragma once

#include <QUndoCommand>

#include "core/model/Annotation.h"

namespace dossier::ui {

class ArticleDocument;

// Highlights a passage, with its colour, note and tags.
class AddAnnotationCommand : public QUndoCommand {
public:
    AddAnnotationCommand(ArticleDocument* document, core::Annotation annotation);
    void redo() override;
    void undo() override;

private:
    ArticleDocument* document_;
    core::Annotation annotation_;  // id 0 until first stored; then kept so redo restores the same row
};

}  // namespace dossier::ui
