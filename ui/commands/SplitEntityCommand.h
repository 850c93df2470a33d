#pragma once

#include <QUndoCommand>

#include "core/storage/EntityRepository.h"

namespace dossier::ui {

class ArticleDocument;

// Makes a name merged into another entity its own entity again, library-wide (for a
// canonical entity: every name merged into it); undo merges them back.
class SplitEntityCommand : public QUndoCommand {
public:
    SplitEntityCommand(ArticleDocument* document, core::EntityRef entity, const core::EntityRef& from);
    void redo() override;
    void undo() override;

private:
    ArticleDocument* document_;
    core::EntityRef entity_;
    core::AliasChanges changes_;  // of the last redo
};

}  // namespace dossier::ui
