#pragma once

#include <QMainWindow>

#include "core/model/Article.h"

class QListView;
class QTextBrowser;
class QLabel;

namespace dossier::core {
class Library;
}

namespace dossier::ui {

class ArticleListModel;

// The reader window: the library's articles at the left, the open article at the
// centre with its entity mentions marked.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(core::Library& library, QWidget* parent = nullptr);

    void reloadArticles();
    void openArticle(core::ArticleId id);
    core::ArticleId currentArticle() const { return current_; }
    QString articleHtml() const;  // what the article view shows, for tests

private:
    core::Library& library_;
    ArticleListModel* articles_;
    QListView* list_;
    QTextBrowser* view_;
    QLabel* status_;
    core::ArticleId current_ = 0;
};

}  // namespace dossier::ui
