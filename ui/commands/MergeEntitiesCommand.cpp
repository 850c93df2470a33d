#include "ui/commands/MergeEntitiesCommand.h"

#include <QObject>

#include "core/storage/Library.h"
#include "ui/ArticleDocument.h"

namespace dossier::ui {

MergeEntitiesCommand::MergeEntitiesCommand(ArticleDocument* document, core::EntityRef from, core::EntityRef into)
    : document_(document), from_(std::move(from)), into_(std::move(into)) {
    setText(QObject::tr("Merge “%1” into “%2” (whole library)")
                .arg(QString::fromStdString(from_.name), QString::fromStdString(into_.name)));
}

void MergeEntitiesCommand::redo() {
    changes_ = document_->library().entities().merge(from_, into_);
    document_->reloadAnalysis();
}

void MergeEntitiesCommand::undo() {
    document_->library().entities().revert(changes_);
    document_->reloadAnalysis();
}

}  // namespace dossier::ui
