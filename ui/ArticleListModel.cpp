#include "ui/ArticleListModel.h"

namespace dossier::ui {

void ArticleListModel::setArticles(std::vector<core::ArticleSummary> articles) {
    beginResetModel();
    articles_ = std::move(articles);
    endResetModel();
}

const core::ArticleSummary* ArticleListModel::articleAt(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= articles_.size()) return nullptr;
    return &articles_[static_cast<std::size_t>(row)];
}

int ArticleListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(articles_.size());
}

QVariant ArticleListModel::data(const QModelIndex& index, int role) const {
    const core::ArticleSummary* a = articleAt(index.row());
    if (!a) return {};
    const QString date = a->meta.published ? QString::fromStdString(a->meta.published->toIso()) : tr("undated");
    const QString subtitle =
        a->meta.source.empty() ? date : date + QStringLiteral(" · ") + QString::fromStdString(a->meta.source);
    switch (role) {
        case Qt::DisplayRole: return QString(QString::fromStdString(a->meta.title) + u'\n' + subtitle);
        case Qt::ToolTipRole: return QString::fromStdString(a->meta.title);
        case IdRole: return QVariant::fromValue(static_cast<qint64>(a->id));
        case SubtitleRole: return subtitle;
        default: return {};
    }
}

}  // namespace dossier::ui
