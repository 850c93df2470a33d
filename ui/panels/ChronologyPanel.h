#pragma once

#include <QString>
#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace dossier::ui {

class ArticleDocument;
class ChronologyModel;
class TimelineView;

// The article's chronology: its publication date (editable, since relative dates such
// as "on Friday" are resolved against it), the dated events on a time axis, and the
// undated background below in a list that folds away.
class ChronologyPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChronologyPanel(ArticleDocument* document, QWidget* parent = nullptr);

    ChronologyModel* model() const { return model_; }
    ChronologyModel* backgroundModel() const { return backgroundModel_; }
    TimelineView* timeline() const { return timeline_; }

public Q_SLOTS:
    // Marks the events that involve the entity and scrolls to the first; empty clears.
    void selectEntity(const QString& id);

Q_SIGNALS:
    void evidenceActivated(qint64 start, qint64 end);
    void entityActivated(const QString& id);

private:
    void showPublished();     // document -> date controls
    void commitPublished();   // date controls -> document
    void updateState();       // empty text, background count
    void setBackgroundShown(bool shown);

    ArticleDocument* document_;
    ChronologyModel* model_;
    ChronologyModel* backgroundModel_;
    QDateEdit* publishedEdit_;
    QCheckBox* noDate_;
    QStackedWidget* stack_;
    TimelineView* timeline_;
    QLabel* empty_;
    QToolButton* backgroundToggle_;
    TimelineView* background_;
};

}  // namespace dossier::ui
