#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

#include "core/model/Analysis.h"
#include "core/model/Article.h"
#include "ui/NavigationHistory.h"

class QDockWidget;
class QLabel;
class QProgressDialog;
class QThread;
class QTreeView;

namespace dossier::core {
class Analyzer;
class Library;
}  // namespace dossier::core

namespace dossier::ui {

class AnnotationsPanel;
class ArticleDocument;
class ArticleView;
class ChronologyPanel;
class EntityCard;
class ImportJob;
class LibraryPanel;
class PeopleModel;
class PlacesModel;
class RelationsPanel;

// The reader window: the library at the left, the article in the middle, and dock
// panels for people, places, relations, chronology, the selected entity's context
// and annotations. It wires parts together and does no domain work itself.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(core::Library& library, QWidget* parent = nullptr);
    ~MainWindow() override;

    void openArticle(core::ArticleId id);
    void showEntity(const QString& entityId);
    void importFiles(const QStringList& paths);  // in the background, with progress and cancel
    void importFeed(const QString& fileOrUrl);    // an RSS or Atom feed, likewise

    core::ArticleId currentArticle() const;
    ArticleDocument* document() const { return document_; }
    ArticleView* articleView() const { return view_; }
    bool importRunning() const { return thread_ != nullptr; }
    // Whether names are found with the trained tagger besides the rules (Analysis menu;
    // kept in the settings): for imports and re-analysis from now on.
    void setTagger(bool on);

Q_SIGNALS:
    void importFinished(int imported, const QStringList& refused);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void startImport(ImportJob* job);
    void createDocks();
    void createActions();
    void restoreSettings();
    void annotateSelection();
    // Library-wide identity edits, asked for from the text, the panels or the Context card.
    void mergeInLibrary(const QString& entityId);
    void splitInLibrary(qint64 aliasId);
    void showEntityMenu(QTreeView* view, const QPoint& pos);
    void navigate(const NavigationHistory::Place& place, bool record);
    void addRecentFiles(const QStringList& files);
    void updateRecentMenu();
    void updateStatus();  // the article count
    void updateTitle();

    core::Library& library_;
    std::unique_ptr<core::Analyzer> analyzer_;
    ArticleDocument* document_;
    ArticleView* view_;
    LibraryPanel* libraryPanel_ = nullptr;
    PeopleModel* people_ = nullptr;
    PlacesModel* places_ = nullptr;
    QTreeView* peopleView_ = nullptr;
    QTreeView* placesView_ = nullptr;
    RelationsPanel* relations_ = nullptr;
    ChronologyPanel* chronology_ = nullptr;
    EntityCard* card_ = nullptr;
    AnnotationsPanel* annotations_ = nullptr;
    QLabel* status_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QAction* backAction_ = nullptr;
    QAction* taggerAction_ = nullptr;
    QAction* forwardAction_ = nullptr;
    NavigationHistory history_;
    QThread* thread_ = nullptr;
    QPointer<QProgressDialog> progress_;
};

}  // namespace dossier::ui
