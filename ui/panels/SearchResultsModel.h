#pragma once

#include <QAbstractListModel>
#include <QString>

#include <string>
#include <vector>

#include "core/storage/ArticleRepository.h"
#include "ui/ArticleListModel.h"

namespace dossier::ui {

// Full-text search hits for the library panel: the article's title and subtitle,
// as ArticleListModel gives them (so one delegate draws both lists), plus the
// snippet with the matched terms marked.
class SearchResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = ArticleListModel::IdRole,
        SubtitleRole = ArticleListModel::SubtitleRole,
        SnippetRole,      // plain text, marks removed
        SnippetHtmlRole,  // escaped HTML, matched terms in <b>
    };

    using QAbstractListModel::QAbstractListModel;

    // Marks that cannot occur in article text (control characters), so the snippet
    // can be HTML-escaped first and the marks turned into tags afterwards.
    static core::SnippetMarks snippetMarks();
    static QString snippetToHtml(const std::string& snippet);
    static QString snippetToPlain(const std::string& snippet);

    void setHits(std::vector<core::SearchHit> hits);
    const core::SearchHit* hitAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    std::vector<core::SearchHit> hits_;
};

}  // namespace dossier::ui
