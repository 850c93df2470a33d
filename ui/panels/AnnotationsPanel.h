#pragma once

#include <QWidget>

#include "core/model/Annotation.h"

class QLabel;
class QListView;
class QModelIndex;
class QPushButton;

namespace dossier::ui {

class AnnotationDialog;
class AnnotationsModel;
class ArticleDocument;

// The open article's annotations, with Edit and Delete. Choosing one (click,
// Enter) asks the window to show its passage. Deleting asks nothing: it is one
// step on the document's undo stack.
class AnnotationsPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnnotationsPanel(ArticleDocument* document, QWidget* parent = nullptr);

    AnnotationsModel* model() const { return model_; }
    QListView* listView() const { return list_; }
    core::AnnotationId currentAnnotation() const;  // 0 when none is selected
    QString emptyText() const;

public Q_SLOTS:
    // Opens the dialog for the selected annotation (window-modal, returns at once);
    // its OK edits the annotation through the document. Returns the dialog, or null.
    AnnotationDialog* editCurrent();
    void deleteCurrent();
    void selectAnnotation(qint64 id);  // e.g. when the reader clicks a highlight; emits nothing

Q_SIGNALS:
    void evidenceActivated(qint64 start, qint64 end);

private:
    void activate(const QModelIndex& index);
    void rememberSelection();
    void restoreSelection();
    void updateState();

    ArticleDocument* document_;
    AnnotationsModel* model_;
    QListView* list_;
    QLabel* empty_;
    QPushButton* edit_;
    QPushButton* delete_;
    // Across a model reset: the selected annotation, its row, and the article.
    core::AnnotationId selectedId_ = 0;
    int selectedRow_ = -1;
    core::ArticleId article_ = 0;
};

}  // namespace dossier::ui
