#include "ui/commands/SetPublishedCommand.h"

#include <QObject>

#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"
#include "ui/ArticleDocument.h"

namespace dossier::ui {

SetPublishedCommand::SetPublishedCommand(ArticleDocument* document, std::optional<core::Date> before,
                                         std::optional<core::Date> after)
    : document_(document), before_(before), after_(after) {
    setText(QObject::tr("Change publication date"));
}

void SetPublishedCommand::redo() { apply(after_); }
void SetPublishedCommand::undo() { apply(before_); }

void SetPublishedCommand::apply(const std::optional<core::Date>& date) {
    document_->library().articles().setPublished(document_->articleId(), date);
    document_->reanalyze();
}

}  // namespace dossier::ui
