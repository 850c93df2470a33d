#include "ui/MainWindow.h"

#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>

#include "core/model/Analysis.h"
#include "core/storage/AnalysisRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Library.h"
#include "ui/ArticleListModel.h"
#include "ui/ArticleRenderer.h"

namespace dossier::ui {

MainWindow::MainWindow(core::Library& library, QWidget* parent)
    : QMainWindow(parent),
      library_(library),
      articles_(new ArticleListModel(this)),
      list_(new QListView),
      view_(new QTextBrowser),
      status_(new QLabel) {
    setWindowTitle(tr("Dossier"));
    list_->setModel(articles_);
    list_->setAlternatingRowColors(true);
    list_->setWordWrap(true);
    list_->setUniformItemSizes(false);
    list_->setAccessibleName(tr("Articles"));
    view_->setOpenLinks(false);
    view_->setAccessibleName(tr("Article"));

    auto* splitter = new QSplitter;
    splitter->addWidget(list_);
    splitter->addWidget(view_);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({300, 900});
    setCentralWidget(splitter);
    statusBar()->addPermanentWidget(status_);

    connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& index) {
        if (const auto* a = articles_->articleAt(index.row())) openArticle(a->id);
    });
    reloadArticles();
    resize(1280, 800);
}

void MainWindow::reloadArticles() {
    articles_->setArticles(library_.articles().list());
    status_->setText(tr("%n article(s) in %1", nullptr, articles_->rowCount())
                         .arg(QString::fromStdString(library_.path())));
    if (articles_->rowCount() > 0 && current_ == 0) list_->setCurrentIndex(articles_->index(0));
}

void MainWindow::openArticle(core::ArticleId id) {
    const auto article = library_.articles().get(id);
    if (!article) return;
    current_ = id;
    const core::Analysis analysis = library_.analyses().load(id);
    view_->setHtml(ArticleRenderer::toHtml(*article, analysis));
}

QString MainWindow::articleHtml() const { return view_->toHtml(); }

}  // namespace dossier::ui
