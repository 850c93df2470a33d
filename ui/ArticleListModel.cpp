#include "ui/ArticleListModel.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/storage/StorageError.h"

namespace dossier::ui {

std::vector<core::ArticleSummary> ArticleListModel::read(int limit) {
    std::optional<core::ListPosition> after;
    if (!articles_.empty()) after = core::ListPosition::of(articles_.back());
    // One row more than asked tells whether there is a next page, so the view stops asking
    // exactly at the end.
    auto page = source_(after, limit + 1);
    atEnd_ = static_cast<int>(page.size()) <= limit;
    if (!atEnd_) page.resize(static_cast<std::size_t>(limit));
    return page;
}

void ArticleListModel::setSource(PageSource source, int keepRows) {
    beginResetModel();
    source_ = std::move(source);
    articles_.clear();
    atEnd_ = true;
    try {
        articles_ = read(std::max(kPageSize, keepRows));
    } catch (...) {
        endResetModel();
        throw;
    }
    endResetModel();
}

const core::ArticleSummary* ArticleListModel::articleAt(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= articles_.size()) return nullptr;
    return &articles_[static_cast<std::size_t>(row)];
}

int ArticleListModel::rowOf(core::ArticleId id) const {
    const auto it = std::find_if(articles_.begin(), articles_.end(), [id](const auto& a) { return a.id == id; });
    return it == articles_.end() ? -1 : static_cast<int>(it - articles_.begin());
}

int ArticleListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(articles_.size());
}

bool ArticleListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && source_ && !atEnd_;
}

void ArticleListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    std::vector<core::ArticleSummary> page;
    try {
        page = read(kPageSize);
    } catch (const core::StorageError& e) {
        // The view asks from its event handling, where nothing could catch it: stop here, with
        // the rows read so far; the next reload tries again.
        spdlog::warn("cannot read more articles: {}", e.what());
        atEnd_ = true;
        return;
    }
    if (page.empty()) return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    std::move(page.begin(), page.end(), std::back_inserter(articles_));
    endInsertRows();
}

QVariant ArticleListModel::data(const QModelIndex& index, int role) const {
    const core::ArticleSummary* a = articleAt(index.row());
    if (!a) return {};
    if (role == IdRole) return QVariant::fromValue(static_cast<qint64>(a->id));
    if (role == Qt::ToolTipRole) return QString::fromStdString(a->meta.title);
    if (role != Qt::DisplayRole && role != SubtitleRole) return {};
    const QString date = a->meta.published ? QString::fromStdString(a->meta.published->toIso()) : tr("undated");
    const QString subtitle =
        a->meta.source.empty() ? date : date + QStringLiteral(" · ") + QString::fromStdString(a->meta.source);
    if (role == SubtitleRole) return subtitle;
    return QString(QString::fromStdString(a->meta.title) + u'\n' + subtitle);
}

}  // namespace dossier::ui
