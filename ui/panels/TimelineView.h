#pragma once

#include <QListView>
#include <QPersistentModelIndex>
#include <QRect>
#include <QString>

namespace dossier::ui {

class TimelineDelegate;

// The chronology's events on a vertical time axis, one row per event (see
// TimelineDelegate). A list view underneath, so scrolling, selection and keyboard
// navigation stay the platform's. Clicking an event (or Return on it) reports its
// sentence; clicking a name in it reports the entity instead.
class TimelineView : public QListView {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    // Off for the undated background: the same rows without dates or axis.
    void setShowsAxis(bool shows);
    TimelineDelegate* timelineDelegate() const { return delegate_; }

    // The entity whose name is drawn at the point of the viewport, or empty.
    QString entityAt(const QPoint& viewportPos) const;
    // Where the entity's name is drawn in the event's row (viewport coordinates), or a null rect.
    QRect entityRect(const QModelIndex& index, const QString& entityId) const;

Q_SIGNALS:
    void evidenceActivated(qint64 start, qint64 end);
    void entityActivated(const QString& entityId);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void activate(const QModelIndex& index);
    TimelineDelegate* delegate_;
    QPersistentModelIndex pressed_;  // a click is a press and a release on the same event
};

}  // namespace dossier::ui
