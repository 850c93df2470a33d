#include "ui/commands/CorrectMentionsCommand.h"

#include "core/storage/AnalysisRepository.h"
#include "core/storage/Library.h"
#include "core/storage/Transaction.h"
#include "ui/ArticleDocument.h"

namespace dossier::ui {

CorrectMentionsCommand::CorrectMentionsCommand(ArticleDocument* document, const QString& text,
                                               std::vector<core::Span> rejected, std::vector<Change> added)
    : document_(document), rejected_(std::move(rejected)), added_(std::move(added)) {
    setText(text);
}

void CorrectMentionsCommand::redo() {
    auto& library = document_->library();
    auto tx = library.transaction();
    for (const core::Span& s : rejected_) library.analyses().rejectMention(document_->articleId(), s);
    for (const Change& c : added_) library.analyses().addUserMention(document_->articleId(), c.entity, c.mention);
    tx.commit();
    document_->reloadAnalysis();
}

void CorrectMentionsCommand::undo() {
    auto& library = document_->library();
    auto tx = library.transaction();
    for (const Change& c : added_)
        library.analyses().removeUserMention(document_->articleId(), c.entity.name, c.entity.type, c.mention.span);
    for (const core::Span& s : rejected_) library.analyses().unrejectMention(document_->articleId(), s);
    tx.commit();
    document_->reloadAnalysis();
}

}  // namespace dossier::ui
