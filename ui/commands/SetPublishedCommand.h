#pragma once

#include <QUndoCommand>

#include <optional>

#include "core/model/Date.h"

namespace dossier::ui {

class ArticleDocument;

// Changes the article's publication date and resolves its dates again.
class SetPublishedCommand : public QUndoCommand {
public:
    SetPublishedCommand(ArticleDocument* document, std::optional<core::Date> before, std::optional<core::Date> after);
    void redo() override;
    void undo() override;

private:
    void apply(const std::optional<core::Date>& date);
    ArticleDocument* document_;
    std::optional<core::Date> before_;
    std::optional<core::Date> after_;
};

}  // namespace dossier::ui
