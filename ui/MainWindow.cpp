#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QThread>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>

#include "core/analysis/Analyzer.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/Library.h"
#include "ui/AnalysisSettings.h"
#include "ui/ArticleDocument.h"
#include "ui/ArticleView.h"
#include "ui/EntityMenu.h"
#include "ui/ImportJob.h"
#include "ui/panels/AnnotationDialog.h"
#include "ui/panels/AnnotationsPanel.h"
#include "ui/panels/ChronologyPanel.h"
#include "ui/panels/EntityCard.h"
#include "ui/panels/LibraryPanel.h"
#include "ui/panels/MergeEntityDialog.h"
#include "ui/panels/PeopleModel.h"
#include "ui/panels/PlacesModel.h"
#include "ui/panels/RelationsPanel.h"

namespace dossier::ui {

namespace {
constexpr int kMaxRecent = 10;

QDockWidget* libraryDockFor(QMainWindow* w) { return w->findChild<QDockWidget*>(QStringLiteral("libraryDock")); }

QTreeView* entityTree(QAbstractItemModel* model, const QString& name) {
    auto* view = new QTreeView;
    view->setObjectName(name);
    view->setModel(model);
    view->setRootIsDecorated(name == u"placesView");
    view->setAlternatingRowColors(true);
    view->setUniformRowHeights(true);
    view->header()->setStretchLastSection(false);
    view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    return view;
}
}  // namespace

MainWindow::MainWindow(core::Library& library, QWidget* parent)
    : QMainWindow(parent),
      library_(library),
      analyzer_(std::make_unique<core::Analyzer>(AnalysisSettings::names())),
      document_(new ArticleDocument(library, *analyzer_, this)),
      view_(new ArticleView(document_)) {
    setWindowTitle(tr("Dossier"));
    setAcceptDrops(true);
    setCentralWidget(view_);
    setDockNestingEnabled(true);
    createDocks();
    createActions();
    status_ = new QLabel;
    statusBar()->addPermanentWidget(status_);

    connect(view_, &ArticleView::entityActivated, this, &MainWindow::showEntity);
    connect(view_, &ArticleView::annotateRequested, this, &MainWindow::annotateSelection);
    connect(view_, &ArticleView::markRequested, this, [this](core::EntityType type) {
        const core::Span s = view_->selectedSpan();
        if (s.end > s.start)
            document_->markEntity(s, type, QString::fromStdString(core::sliceCodePoints(document_->article().text, s.start, s.end)));
    });
    connect(view_, &ArticleView::removeMentionRequested, this, [this](qint64 cp) { document_->removeMention({cp, cp + 1}); });
    connect(view_, &ArticleView::changeTypeRequested, this,
            [this](const QString& id, core::EntityType t) { document_->changeEntityType(id.toStdString(), t); });
    connect(view_, &ArticleView::mergeRequested, this,
            [this](const QString& from, const QString& into) { document_->mergeEntities(from.toStdString(), into.toStdString()); });
    connect(view_, &ArticleView::mergeInLibraryRequested, this, &MainWindow::mergeInLibrary);
    connect(view_, &ArticleView::splitRequested, this, &MainWindow::splitInLibrary);
    connect(document_, &ArticleDocument::opened, this, &MainWindow::updateTitle);
    // A merge made the shown entity one with another: show that one.
    connect(document_, &ArticleDocument::entityReplaced, this, [this](const QString& oldId, const QString& newId) {
        if (card_->entity() == oldId) navigate({document_->articleId(), newId}, false);
    });

    resize(1400, 900);
    restoreSettings();
    const auto articles = library_.articles().list(1);  // the newest: one step into the date index
    if (!articles.empty()) openArticle(articles.front().id);
    updateStatus();
    updateTitle();
}

MainWindow::~MainWindow() {
    if (thread_) {
        thread_->quit();
        thread_->wait();
    }
}

void MainWindow::createDocks() {
    auto dock = [this](const QString& title, const QString& name, QWidget* widget, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);  // restoreState needs names
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    libraryPanel_ = new LibraryPanel(library_);
    dock(tr("Library"), QStringLiteral("libraryDock"), libraryPanel_, Qt::LeftDockWidgetArea);
    connect(libraryPanel_, &LibraryPanel::articleActivated, this, [this](qint64 id) { openArticle(id); });

    people_ = new PeopleModel(document_, this);
    peopleView_ = entityTree(people_, QStringLiteral("peopleView"));
    auto* peopleDock = dock(tr("People"), QStringLiteral("peopleDock"), peopleView_, Qt::RightDockWidgetArea);
    places_ = new PlacesModel(document_, this);
    placesView_ = entityTree(places_, QStringLiteral("placesView"));
    auto* placesDock = dock(tr("Places"), QStringLiteral("placesDock"), placesView_, Qt::RightDockWidgetArea);
    card_ = new EntityCard(document_);
    auto* cardDock = dock(tr("Context"), QStringLiteral("contextDock"), card_, Qt::RightDockWidgetArea);
    relations_ = new RelationsPanel(document_);
    auto* relationsDock = dock(tr("Relations"), QStringLiteral("relationsDock"), relations_, Qt::BottomDockWidgetArea);
    chronology_ = new ChronologyPanel(document_);
    auto* chronologyDock = dock(tr("Chronology"), QStringLiteral("chronologyDock"), chronology_, Qt::BottomDockWidgetArea);
    annotations_ = new AnnotationsPanel(document_);
    auto* annotationsDock = dock(tr("Annotations"), QStringLiteral("annotationsDock"), annotations_, Qt::RightDockWidgetArea);
    tabifyDockWidget(placesDock, peopleDock);
    peopleDock->raise();
    tabifyDockWidget(annotationsDock, cardDock);
    cardDock->raise();
    splitDockWidget(relationsDock, chronologyDock, Qt::Horizontal);
    resizeDocks({relationsDock}, {300}, Qt::Vertical);
    resizeDocks({peopleDock, libraryDockFor(this)}, {430, 300}, Qt::Horizontal);

    for (QTreeView* v : {peopleView_, placesView_}) {
        connect(v, &QTreeView::clicked, this, [this](const QModelIndex& i) {
            const QString id = i.siblingAtColumn(0).data(PeopleModel::EntityIdRole).toString();
            if (!id.isEmpty()) showEntity(id);
        });
        v->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(v, &QWidget::customContextMenuRequested, this, [this, v](const QPoint& pos) { showEntityMenu(v, pos); });
    }
    auto toSpan = [this](qint64 s, qint64 e) { view_->showSpan(s, e); };
    connect(relations_, &RelationsPanel::entityActivated, this, &MainWindow::showEntity);
    connect(relations_, &RelationsPanel::evidenceActivated, this, toSpan);
    connect(chronology_, &ChronologyPanel::entityActivated, this, &MainWindow::showEntity);
    connect(chronology_, &ChronologyPanel::evidenceActivated, this, toSpan);
    connect(annotations_, &AnnotationsPanel::evidenceActivated, this, toSpan);
    connect(card_, &EntityCard::spanActivated, this, toSpan);
    connect(card_, &EntityCard::entityActivated, this, &MainWindow::showEntity);
    connect(card_, &EntityCard::articleActivated, this, [this](qint64 id) { openArticle(id); });
    connect(card_, &EntityCard::mergeRequested, this, &MainWindow::mergeInLibrary);
    connect(card_, &EntityCard::splitRequested, this, &MainWindow::splitInLibrary);
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open or import…"), this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import articles"), {},
                                                                tr("Articles (*.txt *.md *.markdown *.html *.htm *.xhtml)"));
        if (!files.isEmpty()) importFiles(files);
    });
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Import &folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import a folder of articles"));
        if (!dir.isEmpty()) importFiles({dir});
    });
    file->addAction(tr("Import feed &file…"), this, [this] {
        const QString feed = QFileDialog::getOpenFileName(this, tr("Import an RSS or Atom feed"), {},
                                                          tr("Feeds (*.xml *.rss *.atom *.rdf);;All files (*)"));
        if (!feed.isEmpty()) importFeed(feed);
    });
    file->addAction(tr("Import feed from &address…"), this, [this] {
        bool ok = false;
        const QString url = QInputDialog::getText(this, tr("Import a feed"),
                                                  tr("Address of an RSS or Atom feed (fetched now, with the pages of "
                                                     "items that carry only a summary):"),
                                                  QLineEdit::Normal, QStringLiteral("https://"), &ok)
                                .trimmed();
        if (ok && !url.isEmpty() && url != u"https://") importFeed(url);
    });
    recentMenu_ = file->addMenu(tr("Open &recent"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* annotate = edit->addAction(tr("&Annotate selection…"), this, &MainWindow::annotateSelection);
    annotate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    // The library panel owns Ctrl+F; a second action on the same key would make both ambiguous.
    QAction* find = edit->addAction(tr("&Search the library"), this, [this] { libraryPanel_->focusSearch(); });
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    backAction_ = go->addAction(tr("&Back"), this, [this] { navigate(history_.back(), false); });
    backAction_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    forwardAction_ = go->addAction(tr("&Forward"), this, [this] { navigate(history_.forward(), false); });
    forwardAction_->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    taggerAction_ = analysis->addAction(tr("Find names with the trained &tagger"));
    taggerAction_->setCheckable(true);
    taggerAction_->setChecked(analyzer_->names() == core::Analyzer::Names::RulesAndTagger);
    taggerAction_->setStatusTip(tr("Better at names no list holds and at telling organisations from places; "
                                   "analysis takes about twice as long. For imports and re-analysis from now on."));
    connect(taggerAction_, &QAction::toggled, this, &MainWindow::setTagger);
    analysis->addAction(tr("&Re-analyse this article"), this, [this] { document_->reanalyze(); });

    QMenu* panels = menuBar()->addMenu(tr("&Panels"));
    for (QDockWidget* d : findChildren<QDockWidget*>()) panels->addAction(d->toggleViewAction());

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->addAction(open);
    bar->addSeparator();
    bar->addAction(backAction_);
    bar->addAction(forwardAction_);
    bar->addSeparator();
    bar->addAction(annotate);
    // The menu's undo/redo say what they undo ("Undo Annotate passage"); the toolbar keeps short words.
    QUndoStack* stack = document_->undoStack();
    QAction* undoButton = bar->addAction(tr("Undo"), stack, &QUndoStack::undo);
    QAction* redoButton = bar->addAction(tr("Redo"), stack, &QUndoStack::redo);
    undoButton->setEnabled(false);
    redoButton->setEnabled(false);
    connect(stack, &QUndoStack::canUndoChanged, undoButton, &QAction::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, redoButton, &QAction::setEnabled);
    connect(stack, &QUndoStack::undoTextChanged, undoButton, [undoButton](const QString& t) { undoButton->setToolTip(tr("Undo %1").arg(t)); });
    connect(stack, &QUndoStack::redoTextChanged, redoButton, [redoButton](const QString& t) { redoButton->setToolTip(tr("Redo %1").arg(t)); });
    updateRecentMenu();
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (const QByteArray g = settings.value(QStringLiteral("window/geometry")).toByteArray(); !g.isEmpty()) restoreGeometry(g);
    if (const QByteArray s = settings.value(QStringLiteral("window/state")).toByteArray(); !s.isEmpty()) restoreState(s);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

core::ArticleId MainWindow::currentArticle() const { return document_->articleId(); }

void MainWindow::openArticle(core::ArticleId id) { navigate({id, {}}, true); }

void MainWindow::showEntity(const QString& entityId) { navigate({document_->articleId(), entityId}, true); }

void MainWindow::navigate(const NavigationHistory::Place& place, bool record) {
    if (place.article == 0) return;
    if (place.article != document_->articleId()) {
        if (!document_->open(place.article)) return;
        libraryPanel_->setCurrentArticle(place.article);
    }
    view_->showEntity(place.entity);
    card_->showEntity(place.entity);
    relations_->selectEntity(place.entity);
    chronology_->selectEntity(place.entity);
    for (auto [view, index] : {std::pair<QTreeView*, QModelIndex>{peopleView_, people_->indexOf(place.entity)},
                               std::pair<QTreeView*, QModelIndex>{placesView_, places_->indexOf(place.entity)}}) {
        if (index.isValid()) {
            view->setCurrentIndex(index);
            view->scrollTo(index);
        } else {
            view->clearSelection();
        }
    }
    if (record) history_.visit(place);
    backAction_->setEnabled(history_.canGoBack());
    forwardAction_->setEnabled(history_.canGoForward());
}

void MainWindow::annotateSelection() {
    const core::Span span = view_->selectedSpan();
    if (span.end <= span.start) {
        statusBar()->showMessage(tr("Select a passage of the article first."), 4000);
        return;
    }
    const QString quote = QString::fromStdString(core::sliceCodePoints(document_->article().text, span.start, span.end));
    const auto result = AnnotationDialog::ask(this, quote, AnnotationDialog::Result{});
    if (result) document_->annotate(span, result->color, result->note, result->tags);
}

void MainWindow::mergeInLibrary(const QString& entityId) {
    const auto from = document_->libraryEntity(entityId.toStdString());
    if (!from) return;
    if (const auto into = MergeEntityDialog::ask(this, library_, *from))
        document_->mergeInLibrary(entityId.toStdString(), *into);
}

void MainWindow::splitInLibrary(qint64 aliasId) {
    if (const auto alias = library_.entities().get(aliasId)) document_->splitInLibrary(*alias);
}

void MainWindow::showEntityMenu(QTreeView* view, const QPoint& pos) {
    const QString id = view->indexAt(pos).siblingAtColumn(0).data(PeopleModel::EntityIdRole).toString();
    if (id.isEmpty()) return;
    QMenu menu;
    menu.addAction(tr("Show in the text"), this, [this, id] { showEntity(id); });
    menu.addSeparator();
    EntityMenu::addLibraryActions(
        &menu, document_, id, [this](const QString& entityId) { mergeInLibrary(entityId); },
        [this](qint64 alias) { splitInLibrary(alias); });
    menu.exec(view->viewport()->mapToGlobal(pos));
}

void MainWindow::importFiles(const QStringList& paths) {
    if (thread_ || paths.isEmpty()) return;
    addRecentFiles(paths);
    startImport(new ImportJob(library_.path(), paths, analyzer_->names()));
}

void MainWindow::importFeed(const QString& fileOrUrl) {
    if (thread_ || fileOrUrl.isEmpty()) return;
    startImport(ImportJob::feed(library_.path(), fileOrUrl, analyzer_->names()));
}

void MainWindow::setTagger(bool on) {
    const auto names = on ? core::Analyzer::Names::RulesAndTagger : core::Analyzer::Names::Rules;
    if (names == analyzer_->names()) return;
    AnalysisSettings::setNames(names);
    // Loading the model and its word table takes a fifth of a second, once.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto next = std::make_unique<core::Analyzer>(names);
    document_->setAnalyzer(*next);  // before the old one goes
    analyzer_ = std::move(next);
    QApplication::restoreOverrideCursor();
    statusBar()->showMessage(on ? tr("Names: rules and the trained tagger, for imports and re-analysis")
                                : tr("Names: rules alone, for imports and re-analysis"),
                             8000);
}

void MainWindow::startImport(ImportJob* job) {
    thread_ = new QThread(this);
    job->moveToThread(thread_);
    progress_ = new QProgressDialog(tr("Importing…"), tr("Cancel"), 0, 0, this);
    progress_->setWindowModality(Qt::WindowModal);
    progress_->setMinimumDuration(300);
    connect(progress_, &QProgressDialog::canceled, this, [job] { job->cancel(); }, Qt::DirectConnection);
    connect(thread_, &QThread::started, job, &ImportJob::run);
    connect(job, &ImportJob::progress, this, [this](int done, int total, const QString& current) {
        if (!progress_) return;
        progress_->setMaximum(total);
        progress_->setValue(done);
        progress_->setLabelText(tr("Importing %1 of %2: %3").arg(done + 1).arg(total).arg(current));
    });
    connect(job, &ImportJob::finished, this,
            [this, job](int imported, int duplicates, const QStringList& refused, bool cancelled) {
                if (progress_) progress_->deleteLater();
                thread_->quit();
                thread_->wait();
                thread_->deleteLater();
                thread_ = nullptr;
                job->deleteLater();
                libraryPanel_->reload();
                statusBar()->showMessage(tr("%1 imported, %2 already in the library%3")
                                             .arg(imported)
                                             .arg(duplicates)
                                             .arg(cancelled ? tr(", cancelled") : QString()),
                                         8000);
                if (!refused.isEmpty() && isVisible() && !QApplication::platformName().contains(u"offscreen"))
                    QMessageBox::warning(this, tr("Some files were not imported"), refused.join(u'\n'));
                if (document_->articleId() == 0) {
                    const auto articles = library_.articles().list(1);
                    if (!articles.empty()) openArticle(articles.front().id);
                }
                updateStatus();
                updateTitle();
                Q_EMIT importFinished(imported, refused);
            });
    thread_->start();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList files;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile()) files << url.toLocalFile();
    importFiles(files);
}

void MainWindow::addRecentFiles(const QStringList& files) {
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& f : files) {
        recent.removeAll(f);
        recent.prepend(f);
    }
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, kMaxRecent));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& f : recent) recentMenu_->addAction(f, this, [this, f] { importFiles({f}); });
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::updateStatus() {
    // Counting reads a whole index: once at start and after imports, not at every article opened.
    status_->setText(tr("%n article(s) · %1", nullptr, static_cast<int>(library_.articles().count()))
                         .arg(QString::fromStdString(library_.path())));
}

void MainWindow::updateTitle() {
    setWindowTitle(document_->isOpen() ? tr("%1 — Dossier").arg(QString::fromStdString(document_->article().meta.title))
                                       : tr("Dossier"));
}

}  // namespace dossier::ui
