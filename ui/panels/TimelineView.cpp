#include "ui/panels/TimelineView.h"

#include <QKeyEvent>
#include <QMouseEvent>

#include "ui/panels/ChronologyModel.h"
#include "ui/panels/TimelineDelegate.h"

namespace dossier::ui {

TimelineView::TimelineView(QWidget* parent) : QListView(parent), delegate_(new TimelineDelegate(this)) {
    setItemDelegate(delegate_);
    // Rows are as tall as their wrapped sentence, so they are laid out again on every resize.
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(false);
    setWordWrap(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setMouseTracking(true);  // hover tint and the hand over names
}

void TimelineView::setShowsAxis(bool shows) {
    delegate_->setShowsAxis(shows);
    scheduleDelayedItemsLayout();
}

QString TimelineView::entityAt(const QPoint& viewportPos) const {
    const QModelIndex index = indexAt(viewportPos);
    if (!index.isValid()) return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    for (const auto& link : delegate_->entityLinks(option, index))
        if (link.rect.contains(viewportPos)) return link.id;
    return {};
}

QRect TimelineView::entityRect(const QModelIndex& index, const QString& entityId) const {
    if (!index.isValid()) return {};
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    for (const auto& link : delegate_->entityLinks(option, index))
        if (link.id == entityId) return link.rect;
    return {};
}

void TimelineView::activate(const QModelIndex& index) {
    if (!index.isValid()) return;
    Q_EMIT evidenceActivated(index.data(ChronologyModel::EvidenceStartRole).toLongLong(),
                             index.data(ChronologyModel::EvidenceEndRole).toLongLong());
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
    pressed_ = indexAt(event->position().toPoint());
    QListView::mousePressEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    const QModelIndex index = indexAt(pos);
    const bool click = event->button() == Qt::LeftButton && index.isValid() && index == pressed_;
    pressed_ = QPersistentModelIndex();
    QListView::mouseReleaseEvent(event);
    if (!click) return;
    if (const QString id = entityAt(pos); !id.isEmpty()) Q_EMIT entityActivated(id);
    else activate(index);
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
    QListView::mouseMoveEvent(event);
    if (event->buttons() == Qt::NoButton)
        viewport()->setCursor(entityAt(event->position().toPoint()).isEmpty() ? Qt::ArrowCursor : Qt::PointingHandCursor);
}

void TimelineView::keyPressEvent(QKeyEvent* event) {
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        activate(currentIndex());
        event->accept();
        return;
    }
    QListView::keyPressEvent(event);
}

}  // namespace dossier::ui
