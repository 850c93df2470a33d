#pragma once

#include <QWidget>

#include "core/model/Article.h"

class QAction;
class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QTimer;
class QAbstractItemModel;

namespace dossier::core {
class Library;
struct SearchFilter;
}

namespace dossier::ui {

class ArticleListModel;
class SearchResultsModel;

// The left side of the window: a search field and filters above the articles.
// With no query the list is every article, newest first, read a page at a time as
// it scrolls; with one it is the full-text hits, best first, each with its snippet.
// Filters (an entity's name, a range of publication dates) narrow either list; the
// library applies them in its queries, so no match is missed behind a page limit.
class LibraryPanel : public QWidget {
    Q_OBJECT
public:
    explicit LibraryPanel(core::Library& library, QWidget* parent = nullptr);

    // Ctrl+F, active while the focus is inside the panel. The window may put it in
    // a menu and widen its context; it should not bind Ctrl+F a second time, as
    // two active shortcuts on one key are ambiguous and neither fires.
    QAction* findAction() const { return findAction_; }

    QString query() const;
    QString searchMessage() const;  // the explanation of a malformed query, or why the list is empty
    bool isShowingSearchResults() const;
    QListView* listView() const { return list_; }
    core::ArticleId currentArticle() const { return current_; }

public Q_SLOTS:
    void reload();  // the library changed (imports, removals)
    void runSearch();  // now, without waiting for the typing pause
    void setCurrentArticle(qint64 id);  // selects its row (if listed and read) without emitting
    void focusSearch();
    void setQuery(const QString& query);  // for the window (e.g. "search for this name")

Q_SIGNALS:
    void articleActivated(qint64 articleId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh(int keepRows);  // keepRows: how many listed rows to read again at once
    core::SearchFilter currentFilter() const;
    QString emptyReason(const core::SearchFilter& filter, const QString& query);
    void showModel(QAbstractItemModel* model);
    void selectCurrent();
    void onCurrentChanged(const QModelIndex& index);
    void activate(const QModelIndex& index);
    void setMessage(const QString& text, bool error);
    void updateDateRange();

    core::Library& library_;
    QLineEdit* search_;
    QLineEdit* entity_;
    QCheckBox* dateEnabled_;
    QDateEdit* from_;
    QDateEdit* to_;
    QLabel* message_;
    QListView* list_;
    ArticleListModel* articles_;
    SearchResultsModel* results_;
    QTimer* debounce_;
    QAction* findAction_;
    core::ArticleId current_ = 0;
    bool quiet_ = false;  // selecting rows from code: no articleActivated
    bool messageIsError_ = false;
};

}  // namespace dossier::ui
