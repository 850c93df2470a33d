#pragma once

#include <QAbstractListModel>

#include <vector>

#include "core/model/Article.h"

namespace dossier::ui {

// The library's articles, newest first, for the list at the window's left.
class ArticleListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, SubtitleRole };

    using QAbstractListModel::QAbstractListModel;

    void setArticles(std::vector<core::ArticleSummary> articles);
    const core::ArticleSummary* articleAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    std::vector<core::ArticleSummary> articles_;
};

}  // namespace dossier::ui
