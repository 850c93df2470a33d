#pragma once

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
};

}  // namespace dossier::ui
