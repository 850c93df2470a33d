#pragma once

#include <QFont>
#include <QHash>
#include <QStyledItemDelegate>

namespace dossier::ui {

// One row of the library list: the title in bold (wrapped, never cut), the date and
// source smaller and greyed, and for search hits the snippet with the matched
// terms in bold. Reads ArticleListModel and SearchResultsModel rows alike.
class LibraryItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    // Row heights by article id, per model, for the width and font they were measured at.
    // QListView measures every row again whenever rows are added, so a list read 10,000 rows
    // deep would otherwise lay out 10,000 titles for each page it reads.
    struct Heights {
        int width = -1;
        QFont font;
        QHash<qint64, int> byId;
    };
    Heights& heightsFor(const QAbstractItemModel* model) const;
    mutable QHash<const QAbstractItemModel*, Heights> heights_;
};

}  // namespace dossier::ui
