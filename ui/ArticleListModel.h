#pragma once

#include <QAbstractListModel>

#include <functional>
#include <optional>
#include <vector>

#include "core/model/Article.h"
#include "core/storage/ArticleRepository.h"

namespace dossier::ui {

// The library's articles, newest first, for the list at the window's left. It reads them a page
// at a time as the list scrolls to its end (canFetchMore/fetchMore), so a library of 100,000
// articles costs one page at start-up and the model holds only the rows the reader has reached.
class ArticleListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, SubtitleRole };

    // Up to `limit` articles following `after` (from the top when empty), in list order.
    using PageSource =
        std::function<std::vector<core::ArticleSummary>(const std::optional<core::ListPosition>& after, int limit)>;

    static constexpr int kPageSize = 200;

    using QAbstractListModel::QAbstractListModel;

    // Starts over with a new source and reads its first page, or at least `keepRows` rows, so
    // that a refreshed list keeps what the reader had scrolled to. Throws what the source throws.
    void setSource(PageSource source, int keepRows = 0);
    const core::ArticleSummary* articleAt(int row) const;
    int rowOf(core::ArticleId id) const;  // -1 when not (yet) read

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    std::vector<core::ArticleSummary> read(int limit);

    PageSource source_;
    std::vector<core::ArticleSummary> articles_;
    bool atEnd_ = true;
};

}  // namespace dossier::ui
