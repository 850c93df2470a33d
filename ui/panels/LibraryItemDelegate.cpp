#include "ui/panels/LibraryItemDelegate.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>

#include "ui/panels/SearchResultsModel.h"

namespace dossier::ui {

namespace {

constexpr int kHMargin = 8;
constexpr int kVMargin = 6;
constexpr int kGap = 2;

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() * (1 - t) + b.redF() * t),
                            static_cast<float>(a.greenF() * (1 - t) + b.greenF() * t),
                            static_cast<float>(a.blueF() * (1 - t) + b.blueF() * t));
}

QFont smaller(QFont font) {
    if (font.pointSizeF() > 0) font.setPointSizeF(font.pointSizeF() * 0.9);
    else font.setPixelSize(std::max(8, font.pixelSize() * 9 / 10));
    return font;
}

// Where the parts of a row go; computed the same way for sizeHint and paint so
// that the row is exactly as tall as what it draws.
struct RowLayout {
    QString title;
    QString subtitle;
    QFont titleFont;
    QFont subtitleFont;
    QRect titleRect;
    QRect subtitleRect;
    std::unique_ptr<QTextDocument> snippet;  // null when the row has none
    QPoint snippetAt;
    int height = 0;
};

int availableWidth(const QStyleOptionViewItem& option) {
    // QListView asks sizeHint with an empty rect; the viewport is what rows get.
    if (option.rect.width() > 0) return option.rect.width();
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        return view->viewport()->width();
    return 300;
}

RowLayout layoutRow(const QStyleOptionViewItem& option, const QModelIndex& index) {
    RowLayout l;
    const QString display = index.data(Qt::DisplayRole).toString();
    l.title = display.section(u'\n', 0, 0);
    l.subtitle = index.data(SearchResultsModel::SubtitleRole).toString();
    l.titleFont = option.font;
    l.titleFont.setBold(true);
    l.subtitleFont = smaller(option.font);
    const int width = std::max(40, availableWidth(option) - 2 * kHMargin);

    int y = kVMargin;
    const QRect titleBox =
        QFontMetrics(l.titleFont).boundingRect(QRect(0, 0, width, INT_MAX), Qt::TextWordWrap, l.title);
    l.titleRect = QRect(kHMargin, y, width, titleBox.height());
    y += titleBox.height() + kGap;
    if (!l.subtitle.isEmpty()) {
        l.subtitleRect = QRect(kHMargin, y, width, QFontMetrics(l.subtitleFont).height());
        y += l.subtitleRect.height() + kGap;
    }
    const QString snippet = index.data(SearchResultsModel::SnippetHtmlRole).toString();
    if (!snippet.isEmpty()) {
        l.snippet = std::make_unique<QTextDocument>();
        l.snippet->setDocumentMargin(0);
        l.snippet->setDefaultFont(l.subtitleFont);
        l.snippet->setHtml(snippet);
        l.snippet->setTextWidth(width);
        l.snippetAt = QPoint(kHMargin, y + kGap);
        y += kGap + static_cast<int>(std::ceil(l.snippet->size().height())) + kGap;
    }
    l.height = y - kGap + kVMargin;
    return l;
}

}  // namespace

LibraryItemDelegate::Heights& LibraryItemDelegate::heightsFor(const QAbstractItemModel* model) const {
    if (auto it = heights_.find(model); it != heights_.end()) return *it;
    // Rows read later keep the heights measured; anything that may change a row's text forgets them.
    const auto forget = [this, model] { heights_[model].byId.clear(); };
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, forget);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, forget);
    connect(model, &QAbstractItemModel::dataChanged, this, forget);
    connect(model, &QAbstractItemModel::rowsRemoved, this, forget);
    connect(model, &QObject::destroyed, this, [this, model] { heights_.remove(model); });
    return heights_[model];
}

QSize LibraryItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const int width = availableWidth(option);
    Heights& heights = heightsFor(index.model());
    if (heights.width != width || heights.font != option.font) {
        heights.byId.clear();
        heights.width = width;
        heights.font = option.font;
    }
    const qint64 id = index.data(SearchResultsModel::IdRole).toLongLong();
    if (const auto it = heights.byId.constFind(id); it != heights.byId.cend()) return {width, *it};
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int height = layoutRow(opt, index).height;
    heights.byId.insert(id, height);
    return {width, height};
}

void LibraryItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const RowLayout l = layoutRow(opt, index);

    // The style draws the background, selection and focus; we draw the text.
    opt.text.clear();
    opt.icon = {};
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor back = opt.palette.color(group, selected ? QPalette::Highlight : QPalette::Base);
    const QColor muted = mix(text, back, 0.35);

    painter->save();
    painter->translate(opt.rect.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), opt.rect.size()));
    painter->setPen(text);
    painter->setFont(l.titleFont);
    painter->drawText(l.titleRect, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, l.title);
    if (!l.subtitle.isEmpty()) {
        painter->setPen(muted);
        painter->setFont(l.subtitleFont);
        const QString elided =
            QFontMetrics(l.subtitleFont).elidedText(l.subtitle, Qt::ElideRight, l.subtitleRect.width());
        painter->drawText(l.subtitleRect, Qt::AlignLeft | Qt::AlignTop, elided);
    }
    if (l.snippet) {
        painter->translate(l.snippetAt);
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = opt.palette;
        context.palette.setColor(QPalette::Text, text);
        l.snippet->documentLayout()->draw(painter, context);
    }
    painter->restore();
}

}  // namespace dossier::ui
