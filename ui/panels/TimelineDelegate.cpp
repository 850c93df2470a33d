#include "ui/panels/TimelineDelegate.h"

#include <QAbstractItemView>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

#include "ui/panels/ChronologyModel.h"

using namespace Qt::StringLiterals;

namespace dossier::ui {

namespace {

constexpr int kPadX = 8;      // left and right margin
constexpr int kPadY = 6;      // above and below the content of a row
constexpr int kAxisGap = 14;  // date column to axis, axis to text
constexpr int kNameGap = 12;  // between entity names
constexpr int kBigHeight = 100000;

using Granularity = ChronologyModel::Granularity;

QFont bold(QFont f) {
    f.setBold(true);
    return f;
}

QFont small(QFont f, bool italic = false) {
    if (f.pointSizeF() > 0) f.setPointSizeF(f.pointSizeF() * 0.88);
    else f.setPixelSize(std::max(8, f.pixelSize() * 7 / 8));
    f.setItalic(italic);
    return f;
}

int wrappedHeight(const QFont& font, int width, const QString& text) {
    if (text.isEmpty()) return 0;
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, kBigHeight), Qt::TextWordWrap, text).height();
}

QColor withAlpha(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

// Bar lengths grow with the period, so a year reads longer than a week at a glance.
int barLength(Granularity g, int contentHeight) {
    switch (g) {
    case Granularity::Week:
    case Granularity::Weekend: return 12;
    case Granularity::Month: return 18;
    case Granularity::Season:
    case Granularity::Quarter: return 24;
    case Granularity::Half: return 30;
    default: return std::max(30, contentHeight - 4);
    }
}

}  // namespace

struct TimelineDelegate::Layout {
    int markerAbove = 0;  // heights of the bands above the content
    int yearBand = 0;
    int contentTop = 0;
    int contentHeight = 0;
    int markerBelow = 0;
    int height = 0;
    int axisX = 0;
    int dateWidth = 0;
    int markY = 0;  // centre of the dot, level with the first line of the date
    QRect label, expression, text;
    std::vector<EntityLink> names;
};

TimelineDelegate::TimelineDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

int TimelineDelegate::availableWidth(const QStyleOptionViewItem& option) {
    // QListView asks for sizes before it has given rows a rectangle: use its viewport.
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget)) return view->viewport()->width();
    return option.rect.width() > 0 ? option.rect.width() : 360;
}

TimelineDelegate::Layout TimelineDelegate::layout(const QStyleOptionViewItem& option, const QModelIndex& index,
                                                  int width) const {
    Layout l;
    const QFont base = option.font;
    const QFontMetrics fm(base);
    const QFontMetrics smallFm(small(base));
    int textX = kPadX;
    if (showsAxis_) {
        l.dateWidth = QFontMetrics(bold(base)).horizontalAdvance(u"28 Sep 2025"_s) + 6;
        l.axisX = kPadX + l.dateWidth + kAxisGap;
        textX = l.axisX + kAxisGap;
        const bool heading = !index.data(ChronologyModel::HeadingRole).toString().isEmpty() ||
                             index.data(ChronologyModel::GapYearsRole).toInt() > 0;
        const int marker = index.data(ChronologyModel::PublishedMarkerRole).toInt();
        if (marker == ChronologyModel::MarkerAbove) l.markerAbove = smallFm.height() + 8;
        if (marker == ChronologyModel::MarkerBelow) l.markerBelow = smallFm.height() + 10;
        l.yearBand = heading ? fm.height() + 10 : index.data(ChronologyModel::NewYearRole).toBool() ? 8 : 0;
    }
    const int textWidth = std::max(60, width - textX - kPadX);
    l.contentTop = l.markerAbove + l.yearBand + kPadY;

    int dateHeight = 0;
    if (showsAxis_) {
        const QString label = index.data(ChronologyModel::DateLabelRole).toString();
        const QString expression = index.data(ChronologyModel::ExpressionRole).toString();
        const int labelHeight = wrappedHeight(bold(base), l.dateWidth, label);
        l.label = QRect(kPadX, l.contentTop, l.dateWidth, labelHeight);
        // The model leaves the expression out of the label when it only repeats the date.
        if (index.data(ChronologyModel::LabelRole).toString() != label) {
            const int h = wrappedHeight(small(base, true), l.dateWidth, u"← "_s + expression);
            l.expression = QRect(kPadX, l.label.bottom() + 1, l.dateWidth, h);
        }
        dateHeight = (l.expression.isValid() ? l.expression.bottom() : l.label.bottom()) + 1 - l.contentTop;
        l.markY = l.contentTop + QFontMetrics(bold(base)).height() / 2;
    }

    const QString text = index.data(ChronologyModel::TextRole).toString();
    l.text = QRect(textX, l.contentTop, textWidth, wrappedHeight(base, textWidth, text));

    // Entity names flow like words, wrapping at the right edge.
    const QStringList ids = index.data(ChronologyModel::EntitiesRole).toStringList();
    const QStringList names = index.data(ChronologyModel::EntityNamesRole).toStringList();
    int x = textX;
    int y = l.text.bottom() + 4;
    for (qsizetype i = 0; i < ids.size() && i < names.size(); ++i) {
        const int w = std::min(textWidth, smallFm.horizontalAdvance(names[i]) + 2);
        if (x > textX && x + w > textX + textWidth) {
            x = textX;
            y += smallFm.height() + 2;
        }
        l.names.push_back({QRect(x, y, w, smallFm.height()), ids[i], names[i]});
        x += w + kNameGap;
    }
    const int textBottom = l.names.empty() ? l.text.bottom() + 1 : l.names.back().rect.bottom() + 1;
    l.contentHeight = std::max(dateHeight, textBottom - l.contentTop);
    if (showsAxis_) {  // room for the whole bar of a period, so a year never looks like a day
        const auto g = static_cast<Granularity>(index.data(ChronologyModel::GranularityRole).toInt());
        if (g != Granularity::Day && g != Granularity::Unknown)
            l.contentHeight = std::max(l.contentHeight, std::min(barLength(g, 0), 36) + (l.markY - l.contentTop));
    }
    l.height = l.contentTop + l.contentHeight + kPadY + l.markerBelow;
    return l;
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int width = availableWidth(opt);
    return {width, layout(opt, index, width).height};
}

std::vector<TimelineDelegate::EntityLink> TimelineDelegate::entityLinks(const QStyleOptionViewItem& option,
                                                                        const QModelIndex& index) const {
    auto links = layout(option, index, option.rect.width()).names;
    for (EntityLink& link : links) link.rect.translate(option.rect.topLeft());
    return links;
}

void TimelineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const Layout l = layout(option, index, option.rect.width());
    const QRect r = option.rect;
    const QPalette& pal = option.palette;
    const QColor accent = pal.color(QPalette::Highlight);
    const QColor muted = pal.color(QPalette::PlaceholderText);
    const bool highlighted = index.data(ChronologyModel::HighlightedRole).toBool();
    const QFont base = option.font;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(r.topLeft());
    const QRect body(0, l.markerAbove + l.yearBand, r.width(), l.height - l.markerAbove - l.yearBand - l.markerBelow);

    // The reader's focus first: an entity picked elsewhere tints its events like a highlighter.
    if (highlighted) {
        painter->fillRect(body, QColor(255, 210, 40, 70));
        painter->fillRect(QRect(0, body.top(), 3, body.height()), QColor(220, 150, 0));
    }
    if (option.state & QStyle::State_Selected) painter->fillRect(body, withAlpha(accent, 50));
    else if (option.state & QStyle::State_MouseOver) painter->fillRect(body, withAlpha(accent, 18));

    if (showsAxis_) {
        const int rowNumber = index.row();
        const bool last = rowNumber == index.model()->rowCount() - 1;
        const int gap = index.data(ChronologyModel::GapYearsRole).toInt();
        QPen axis(pal.color(QPalette::Mid), 2);
        painter->setPen(axis);
        // Above the content: solid from the row before, dotted over years without events.
        const int bandTop = l.markerAbove;
        if (rowNumber > 0) painter->drawLine(l.axisX, 0, l.axisX, bandTop);
        if (l.yearBand > 0) {
            QPen bandPen = axis;
            if (gap > 0) bandPen.setStyle(Qt::DotLine);
            painter->setPen(bandPen);
            if (rowNumber > 0) painter->drawLine(l.axisX, bandTop, l.axisX, bandTop + l.yearBand);
        }
        painter->setPen(axis);
        // The first row starts the axis at its year's tick, or at its own mark.
        const int firstStart = l.yearBand > 0 ? l.markerAbove + l.yearBand / 2 : l.markY;
        const int axisStart = rowNumber > 0 ? l.markerAbove + l.yearBand : firstStart;
        const int axisEnd = last ? (l.markerBelow > 0 ? l.height - l.markerBelow / 2 : l.markY) : l.height;
        if (axisEnd > axisStart) painter->drawLine(l.axisX, axisStart, l.axisX, axisEnd);

        // The year band: the year at the axis, a tick across it, and how long the silence was.
        const QString heading = index.data(ChronologyModel::HeadingRole).toString();
        if (l.yearBand > 0 && (!heading.isEmpty() || gap > 0)) {
            const int mid = bandTop + l.yearBand / 2;
            painter->setPen(QPen(pal.color(QPalette::Text), 2));
            painter->drawLine(l.axisX - 6, mid, l.axisX + 6, mid);
            if (!heading.isEmpty()) {
                QFont f = bold(base);
                f.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 1.1 : 10);
                painter->setFont(f);
                painter->drawText(QRect(kPadX, bandTop, l.dateWidth, l.yearBand), Qt::AlignRight | Qt::AlignVCenter,
                                  heading);
            }
            if (gap > 0) {
                painter->setFont(small(base, true));
                painter->setPen(muted);
                painter->drawText(QRect(l.axisX + kAxisGap, bandTop, r.width() - l.axisX - kAxisGap - kPadX, l.yearBand),
                                  Qt::AlignLeft | Qt::AlignVCenter, tr("%1 years later").arg(gap));
            }
        }

        // The publication date: a dashed line across, so what is announced stands apart from what happened.
        auto publishedLine = [&](int top, int height) {
            const int y = top + height / 2;
            const QColor red(200, 60, 50);
            painter->setPen(QPen(red, 1, Qt::DashLine));
            painter->drawLine(kPadX, y, r.width() - kPadX, y);
            painter->setFont(small(base));
            const QString text = tr("published");
            const QFontMetrics sfm(painter->font());
            const QRect box(l.axisX + kAxisGap, top, sfm.horizontalAdvance(text) + 8, height);
            painter->fillRect(box.adjusted(0, 2, 0, -2), pal.color(QPalette::Base));
            painter->setPen(red);
            painter->drawText(box, Qt::AlignCenter, text);
            painter->setBrush(red);
            painter->setPen(Qt::NoPen);
            painter->drawEllipse(QPoint(l.axisX, y), 3, 3);
        };
        if (l.markerAbove > 0) publishedLine(0, l.markerAbove);
        if (l.markerBelow > 0) publishedLine(l.height - l.markerBelow, l.markerBelow);

        // The mark: a dot for a day, a bar as long as the period roughly is, a bracket beyond a year.
        const auto g = static_cast<Granularity>(index.data(ChronologyModel::GranularityRole).toInt());
        const bool future = index.data(ChronologyModel::AfterPublishedRole).toBool();
        painter->setPen(QPen(accent, 2));
        painter->setBrush(future ? pal.color(QPalette::Base) : accent);
        if (g == Granularity::Day || g == Granularity::Unknown) {
            painter->drawEllipse(QPoint(l.axisX, l.markY), 5, 5);
        } else {
            const int top = l.markY - 6;
            const int length = std::min(barLength(g, l.contentHeight), l.contentTop + l.contentHeight - top);
            const QRectF bar(l.axisX - 4, top, 8, std::max(12, length));
            if (!future) painter->setBrush(withAlpha(accent, g >= Granularity::Year ? 110 : 200));
            painter->drawRoundedRect(bar, 4, 4);
            if (g >= Granularity::Decade) {
                const qreal x = bar.left() - 5;
                QPainterPath bracket;
                bracket.moveTo(x + 4, bar.top());
                bracket.lineTo(x, bar.top());
                bracket.lineTo(x, bar.bottom());
                bracket.lineTo(x + 4, bar.bottom());
                painter->setBrush(Qt::NoBrush);
                painter->setPen(QPen(accent, 1.5));
                painter->drawPath(bracket);
            }
        }

        // The date column.
        painter->setPen(pal.color(QPalette::Text));
        painter->setFont(bold(base));
        painter->drawText(l.label, Qt::AlignRight | Qt::AlignTop | Qt::TextWordWrap,
                          index.data(ChronologyModel::DateLabelRole).toString());
        if (l.expression.isValid()) {
            painter->setPen(muted);
            painter->setFont(small(base, true));
            painter->drawText(l.expression, Qt::AlignRight | Qt::AlignTop | Qt::TextWordWrap,
                              u"← "_s + index.data(ChronologyModel::ExpressionRole).toString());
        }
    }

    painter->setPen(pal.color(QPalette::Text));
    painter->setFont(base);
    painter->drawText(l.text, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                      index.data(ChronologyModel::TextRole).toString());

    const QString chosen = qobject_cast<const ChronologyModel*>(index.model())
                               ? static_cast<const ChronologyModel*>(index.model())->highlightedEntity()
                               : QString();
    painter->setFont(small(base));
    for (std::size_t i = 0; i < l.names.size(); ++i) {
        const EntityLink& link = l.names[i];
        if (link.id == chosen) painter->fillRect(link.rect.adjusted(-2, 0, 2, 0), QColor(255, 200, 0, 140));
        if (i > 0 && link.rect.left() > l.text.left()) {
            painter->setPen(muted);
            painter->drawText(QRect(link.rect.left() - kNameGap, link.rect.top(), kNameGap, link.rect.height()),
                              Qt::AlignCenter, u"·"_s);
        }
        painter->setPen(pal.color(QPalette::Link));
        painter->drawText(link.rect, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(painter->font()).elidedText(link.name, Qt::ElideRight, link.rect.width()));
    }
    painter->restore();
}

}  // namespace dossier::ui
