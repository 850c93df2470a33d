#pragma once

#include <QUndoCommand>

#include "core/storage/EntityRepository.h"

namespace dossier::ui {

class ArticleDocument;

// Makes two entities one across the whole library (every article, the profile,
// search, later imports); undo puts back exactly the links it changed.
class MergeEntitiesCommand : public QUndoCommand {
public:
    MergeEntitiesCommand(ArticleDocument* document, core::EntityRef from, core::EntityRef into);
    void redo() override;
    void undo() override;

private:
    ArticleDocument* document_;
    core::EntityRef from_;
    core::EntityRef into_;
    core::AliasChanges changes_;  // of the last redo
};

}  // namespace dossier::ui
