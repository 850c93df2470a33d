#pragma once

#include <QRect>
#include <QString>
#include <QStyledItemDelegate>

#include <vector>

namespace dossier::ui {

// Paints one chronology event as a stretch of a vertical time axis: the date at the
// left, a dot for a day or a bar for a longer period (a bracket for decades and
// centuries) on the axis, the sentence and the names of its entities at the right.
// A row that starts a new year opens with the year on the axis, dotted when whole
// years pass without events; the publication date is a dashed line across.
// Without the axis (setShowsAxis(false)) it paints the sentence and names only, for
// the undated background.
class TimelineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit TimelineDelegate(QObject* parent = nullptr);

    void setShowsAxis(bool shows) { showsAxis_ = shows; }
    bool showsAxis() const { return showsAxis_; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    struct EntityLink {
        QRect rect;  // in the coordinates of option.rect
        QString id;
        QString name;
    };
    // Where the entity names of the event are drawn, so that the view can tell a
    // click on a name from a click on the event.
    std::vector<EntityLink> entityLinks(const QStyleOptionViewItem& option, const QModelIndex& index) const;

private:
    struct Layout;
    Layout layout(const QStyleOptionViewItem& option, const QModelIndex& index, int width) const;
    static int availableWidth(const QStyleOptionViewItem& option);

    bool showsAxis_ = true;
};

}  // namespace dossier::ui
