#include "ui/commands/SplitEntityCommand.h"

#include <QObject>

#include "core/storage/Library.h"
#include "ui/ArticleDocument.h"

namespace dossier::ui {

SplitEntityCommand::SplitEntityCommand(ArticleDocument* document, core::EntityRef entity, const core::EntityRef& from)
    : document_(document), entity_(std::move(entity)) {
    setText(entity_.id == from.id
                ? QObject::tr("Split the names merged into “%1” (whole library)").arg(QString::fromStdString(from.name))
                : QObject::tr("Split “%1” off “%2” (whole library)")
                      .arg(QString::fromStdString(entity_.name), QString::fromStdString(from.name)));
}

void SplitEntityCommand::redo() {
    changes_ = document_->library().entities().split(entity_);
    document_->reloadAnalysis();
}

void SplitEntityCommand::undo() {
    document_->library().entities().revert(changes_);
    document_->reloadAnalysis();
}

}  // namespace dossier::ui
