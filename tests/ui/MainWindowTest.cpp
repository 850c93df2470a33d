// The reader window on real widgets (offscreen) and a real library file.
#include "ui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QMouseEvent>
#include <QTreeView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <functional>
#include <utility>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "core/storage/AnalysisRepository.h"
#include "core/storage/AnnotationRepository.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/ArticleRepository.h"
#include "tests/support/TempLibrary.h"
#include "ui/AnalysisSettings.h"
#include "ui/ArticleDocument.h"
#include "ui/ArticleView.h"
#include "ui/panels/EntityCard.h"

using namespace dossier;
using namespace Qt::StringLiterals;

namespace {

// An article of our own with people, countries, dates and relations.
constexpr const char* kArticle =
    "title: Leaders meet in Ottawa\npublished: 2025-03-10\nsource: Test Wire\n\n"
    "Mexican President Claudia Sheinbaum will meet Canadian Prime Minister Mark Carney in Ottawa on Thursday. "
    "Sheinbaum said trade would top the agenda.\n"
    "Carney told reporters on Friday that Canada and Mexico remain close partners. "
    "Sheinbaum’s visit to Ottawa is her first since 2019.";

struct Fixture {
    test::TempLibrary temp;
    core::Analyzer analyzer;
    core::ArticleId id = 0;
    Fixture() {
        QCoreApplication::setOrganizationName(QStringLiteral("DossierTest"));
        const auto path = test::writeFile(temp.dir(), "ottawa.txt", kArticle);
        id = core::ArticleImporter(temp.library(), analyzer).importFile(path).id;
    }
};

QStringList column(QAbstractItemModel* model, int column) {
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r) out << model->index(r, column).data().toString();
    return out;
}

}  // namespace

TEST(MainWindow, PeoplePanelListsThePeopleWithRolesMostMentionedFirst) {
    Fixture f;
    ui::MainWindow window(f.temp.library());
    window.openArticle(f.id);
    auto* people = window.findChild<QTreeView*>(QStringLiteral("peopleView"))->model();
    EXPECT_EQ(column(people, 0), (QStringList{u"Claudia Sheinbaum"_s, u"Mark Carney"_s}));
    EXPECT_EQ(column(people, 1), (QStringList{u"President"_s, u"Prime Minister"_s}));
    EXPECT_EQ(column(people, 2), (QStringList{u"Mexico"_s, u"Canada"_s}));
}

TEST(MainWindow, ClickingAPersonHighlightsExactlyTheirMentions) {
    Fixture f;
    ui::MainWindow window(f.temp.library());
    window.show();
    window.openArticle(f.id);
    auto* people = window.findChild<QTreeView*>(QStringLiteral("peopleView"));
    const QModelIndex first = people->model()->index(0, 0);
    Q_EMIT people->clicked(first);
    EXPECT_EQ(window.articleView()->highlightedTexts(),
              (QStringList{u"Claudia Sheinbaum"_s, u"Sheinbaum"_s, u"Sheinbaum"_s}));
    // The view scrolled to the first mention and the cursor sits on it.
    EXPECT_EQ(window.articleView()->textCursor().position(),
              window.articleView()->bodyStart() + static_cast<int>(QString::fromUtf8("Mexican President ").size()));
}

TEST(MainWindow, ClickingAMentionInTheTextShowsItsEntity) {
    Fixture f;
    ui::MainWindow window(f.temp.library());
    window.show();
    window.openArticle(f.id);
    ui::ArticleView* view = window.articleView();
    QTextCursor c(view->document());
    c.setPosition(view->bodyStart() +
                  static_cast<int>(QString::fromUtf8("Mexican President Claudia Sheinbaum will meet Canadian Prime Minister Ma").size()));
    const QRect r = view->cursorRect(c);
    QMouseEvent press(QEvent::MouseButtonPress, r.center(), view->viewport()->mapToGlobal(r.center()), Qt::LeftButton,
                      Qt::LeftButton, Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, r.center(), view->viewport()->mapToGlobal(r.center()), Qt::LeftButton,
                        Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &press);
    QApplication::sendEvent(view->viewport(), &release);
    EXPECT_EQ(view->shownEntity(), u"person/mark-carney"_s);
    EXPECT_EQ(view->highlightedTexts(), (QStringList{u"Mark Carney"_s, u"Carney"_s}));
}

TEST(MainWindow, AnnotationSurvivesClosingAndUndoRemovesIt) {
    Fixture f;
    const qint64 start = 0, end = 7;  // "Mexican"
    {
        ui::MainWindow window(f.temp.library());
        window.openArticle(f.id);
        window.document()->annotate({start, end}, u"#a5d6a7"_s, u"check the spelling"_s, {u"style"_s});
    }
    f.temp.reopen();
    ui::MainWindow window(f.temp.library());
    window.openArticle(f.id);
    ASSERT_EQ(window.document()->annotations().size(), 1u);
    const auto& a = window.document()->annotations().front();
    EXPECT_EQ(a.quote, "Mexican");
    EXPECT_EQ(a.note, "check the spelling");
    EXPECT_EQ(a.color, "#a5d6a7");
    EXPECT_EQ(a.tags, std::vector<std::string>{"style"});

    window.document()->annotate({8, 17}, u"#ffd54f"_s, {}, {});
    EXPECT_EQ(f.temp.library().annotations().forArticle(f.id).size(), 2u);
    window.document()->undoStack()->undo();
    EXPECT_EQ(f.temp.library().annotations().forArticle(f.id).size(), 1u);
    window.document()->undoStack()->redo();
    EXPECT_EQ(f.temp.library().annotations().forArticle(f.id).size(), 2u);
}

TEST(MainWindow, ChangingThePublicationDateMovesTheChronology) {
    Fixture f;
    ui::MainWindow window(f.temp.library());
    window.openArticle(f.id);
    auto dates = [&] {
        std::vector<std::string> out;
        for (const auto& ev : window.document()->analysis().chronology) out.push_back(ev.when);
        return out;
    };
    EXPECT_EQ(dates(), (std::vector<std::string>{"2019", "2025-03-07", "2025-03-13"}));
    window.document()->setPublished(core::Date(2025, 4, 7));
    EXPECT_EQ(dates(), (std::vector<std::string>{"2019", "2025-04-04", "2025-04-10"}));
    window.document()->undoStack()->undo();
    EXPECT_EQ(dates(), (std::vector<std::string>{"2019", "2025-03-07", "2025-03-13"}));
}

TEST(MainWindow, CorrectionSurvivesReanalysis) {
    Fixture f;
    ui::MainWindow window(f.temp.library());
    window.openArticle(f.id);
    auto* doc = window.document();
    const core::Entity* ottawa = nullptr;
    for (const auto& e : doc->analysis().entities)
        if (e.name == "Ottawa") ottawa = &e;
    ASSERT_TRUE(ottawa);
    doc->changeEntityType(ottawa->id, core::EntityType::Organization);  // the user disagrees
    doc->reanalyze();                                                    // e.g. a new pipeline version
    bool asOrganization = false, asPlace = false;
    for (const auto& e : doc->analysis().entities) {
        if (e.name != "Ottawa") continue;
        asOrganization = asOrganization || (e.type == core::EntityType::Organization && e.mentions.size() == 2);
        asPlace = asPlace || e.type == core::EntityType::Place;
    }
    EXPECT_TRUE(asOrganization);
    EXPECT_FALSE(asPlace);
    doc->undoStack()->undo();
    bool placeAgain = false;
    for (const auto& e : doc->analysis().entities) placeAgain = placeAgain || (e.name == "Ottawa" && e.type == core::EntityType::Place);
    EXPECT_TRUE(placeAgain);
}

TEST(MainWindow, TheTaggerChoiceIsKeptAndReanalysisUsesIt) {
    test::TempLibrary temp;
    QCoreApplication::setOrganizationName(QStringLiteral("DossierTest"));
    ui::AnalysisSettings::setNames(core::Analyzer::Names::Rules);
    const auto id = test::importText(temp.library(), "County cricket", core::Date(2025, 6, 1),
                                     "Leicestershire beat Somerset by an innings at Grace Road on Saturday.\n"
                                     "Arsenal striker Ian Wright scored twice as Arsenal beat Everton 3-1.");
    const auto organizations = [](const ui::MainWindow& w) {
        QStringList out;
        for (const auto& e : w.document()->analysis().entities)
            if (e.type == core::EntityType::Organization) out << QString::fromStdString(e.name);
        out.sort();
        return out;
    };
    const auto action = [](const ui::MainWindow& w, const QString& text) -> QAction* {
        for (QAction* a : w.findChildren<QAction*>())
            if (a->text() == text) return a;
        return nullptr;
    };
    const QString tagger = u"Find names with the trained &tagger"_s, reanalyse = u"&Re-analyse this article"_s;
    {
        ui::MainWindow window(temp.library());
        window.openArticle(id);
        EXPECT_TRUE(organizations(window).isEmpty());  // the rules know no clubs
        QAction* choice = action(window, tagger);
        ASSERT_TRUE(choice && action(window, reanalyse));
        EXPECT_FALSE(choice->isChecked());
        choice->trigger();
        EXPECT_EQ(ui::AnalysisSettings::names(), core::Analyzer::Names::RulesAndTagger);
        action(window, reanalyse)->trigger();
        EXPECT_EQ(organizations(window), (QStringList{u"Arsenal"_s, u"Everton"_s, u"Leicestershire"_s, u"Somerset"_s}));
    }
    ui::MainWindow again(temp.library());  // the next start keeps the choice
    QAction* choice = action(again, tagger);
    ASSERT_TRUE(choice);
    EXPECT_TRUE(choice->isChecked());
    choice->trigger();
    EXPECT_EQ(ui::AnalysisSettings::names(), core::Analyzer::Names::Rules);
}

TEST(MainWindow, LibraryMergeRefreshesPanelsAndCardAndSplitsFromTheCardUndoably) {
    Fixture f;
    auto& lib = f.temp.library();
    const auto chair = test::importText(lib, "Quotas", core::Date(2025, 3, 5),
                                        "The CFB chair, Maria Okafor, met Norway officials on Monday.");
    test::importText(lib, "Minister", core::Date(2025, 3, 6),
                     "Fisheries minister Maria Okafor-Lind said on Friday the talks went well.");
    ui::MainWindow window(lib);
    window.openArticle(chair);
    auto* people = window.findChild<QTreeView*>(u"peopleView"_s)->model();
    auto* card = window.findChild<ui::EntityCard*>(u"entityCard"_s);
    ASSERT_EQ(column(people, 0), QStringList{u"Maria Okafor"_s});
    window.showEntity(u"person/maria-okafor"_s);

    // What choosing "Maria Okafor-Lind" in the merge dialog does.
    window.document()->mergeInLibrary("person/maria-okafor", *lib.entities().find("Maria Okafor-Lind"));
    EXPECT_EQ(column(people, 0), QStringList{u"Maria Okafor-Lind"_s});
    EXPECT_TRUE(card->toPlainText().contains(u"Also called Maria Okafor"_s)) << card->toPlainText().toStdString();
    EXPECT_TRUE(card->toPlainText().contains(u"Minister"_s));  // her other article, under the other name

    const qint64 alias = lib.entities().find("Maria Okafor")->id;
    Q_EMIT card->anchorClicked(QUrl(u"split:%1"_s.arg(alias)));
    EXPECT_EQ(column(people, 0), QStringList{u"Maria Okafor"_s});
    EXPECT_FALSE(card->toPlainText().contains(u"Also called"_s));

    QUndoStack* stack = window.document()->undoStack();
    stack->undo();  // the split
    EXPECT_EQ(column(people, 0), QStringList{u"Maria Okafor-Lind"_s});
    stack->undo();  // the merge
    EXPECT_EQ(column(people, 0), QStringList{u"Maria Okafor"_s});
    EXPECT_EQ(lib.analyses().articlesMentioning("Maria Okafor-Lind", core::EntityType::Person).size(), 1u);
}

TEST(MainWindow, TheCardFollowsAnEntityMergedIntoAnotherOfTheArticle) {
    Fixture f;
    auto& lib = f.temp.library();
    const auto both = test::importText(lib, "Both", core::Date(2025, 3, 5),
                                       "The Coastal Fisheries Board said on Monday that quotas would fall. "
                                       "The CFB chair met Norway officials.");
    ui::MainWindow window(lib);
    window.openArticle(both);
    window.showEntity(u"organization/cfb"_s);
    window.document()->mergeInLibrary("organization/cfb", *lib.entities().find("Coastal Fisheries Board"));
    auto* card = window.findChild<ui::EntityCard*>(u"entityCard"_s);
    EXPECT_EQ(card->entity(), u"organization/coastal-fisheries-board"_s);
    EXPECT_TRUE(card->toPlainText().contains(u"Mentions (2)"_s));
    EXPECT_EQ(window.articleView()->highlightedTexts(), (QStringList{u"Coastal Fisheries Board"_s, u"CFB"_s}));
}

TEST(MainWindow, BackAndForwardBetweenEntities) {
    Fixture f;
    ui::MainWindow window(f.temp.library());
    window.openArticle(f.id);
    window.showEntity(u"person/claudia-sheinbaum"_s);
    window.showEntity(u"person/mark-carney"_s);
    for (QAction* a : window.findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Left)) a->trigger();
    EXPECT_EQ(window.articleView()->shownEntity(), u"person/claudia-sheinbaum"_s);
    for (QAction* a : window.findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Right)) a->trigger();
    EXPECT_EQ(window.articleView()->shownEntity(), u"person/mark-carney"_s);
}

TEST(MainWindow, BackgroundImportAddsArticlesWithoutBlockingAndReportsRefusals) {
    Fixture f;
    ui::MainWindow window(f.temp.library());
    const auto good = test::writeFile(f.temp.dir(), "good.txt", "title: Port strike\n\nDockers in Rotterdam walked out.");
    const auto bad = test::writeFile(f.temp.dir(), "bad.txt", "caf\xe9");
    int imported = -1;
    QStringList refused;
    QObject::connect(&window, &ui::MainWindow::importFinished, [&](int n, const QStringList& r) {
        imported = n;
        refused = r;
    });
    window.importFiles({QString::fromStdString(good), QString::fromStdString(bad)});
    QElapsedTimer timer;
    timer.start();
    while (window.importRunning() && timer.elapsed() < 20000) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    EXPECT_EQ(imported, 1);
    ASSERT_EQ(refused.size(), 1);
    EXPECT_TRUE(refused.front().contains(u"bad.txt"_s));
    EXPECT_EQ(f.temp.library().articles().count(), 2);
}

namespace {
// Runs an import started on the window to its end; returns (imported, problems).
std::pair<int, QStringList> waitForImport(ui::MainWindow& window, const std::function<void()>& start) {
    int imported = -1;
    QStringList problems;
    const auto c = QObject::connect(&window, &ui::MainWindow::importFinished, [&](int n, const QStringList& r) {
        imported = n;
        problems = r;
    });
    start();
    QElapsedTimer timer;
    timer.start();
    while (window.importRunning() && timer.elapsed() < 20000) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QObject::disconnect(c);
    return {imported, problems};
}
}  // namespace

TEST(MainWindow, FeedFileIsImportedInTheBackgroundItemByItem) {
    Fixture f;
    ui::MainWindow window(f.temp.library());
    const auto before = f.temp.library().articles().count();
    const auto feed = test::writeFile(f.temp.dir(), "harbour.rss", R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour News</title>
<item><title>Port strike ends</title><link>https://example.org/a</link>
<pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate>
<description>Dockers in Rotterdam returned to work on Monday after a week-long strike.</description></item>
<item><title>New ferry route</title><link>https://example.org/b</link>
<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate>
<description>A ferry will link Oslo and Kiel from June, the operator said.</description></item>
</channel></rss>)");
    const auto [imported, problems] = waitForImport(window, [&] { window.importFeed(QString::fromStdString(feed)); });
    EXPECT_EQ(imported, 2);
    EXPECT_TRUE(problems.isEmpty()) << problems.join(u'\n').toStdString();
    EXPECT_EQ(f.temp.library().articles().count(), before + 2);
    const auto hits = f.temp.library().articles().search("ferry");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].article.meta.title, "New ferry route");
    ASSERT_TRUE(hits[0].article.meta.published);
    EXPECT_EQ(hits[0].article.meta.published->toIso(), "2025-03-04");
}

TEST(MainWindow, BrokenFeedIsExplainedAndImportsNothing) {
    Fixture f;
    ui::MainWindow window(f.temp.library());
    const auto before = f.temp.library().articles().count();
    const auto feed = test::writeFile(f.temp.dir(), "broken.xml", "<rss><channel><item><title>Half");
    const auto [imported, problems] = waitForImport(window, [&] { window.importFeed(QString::fromStdString(feed)); });
    EXPECT_EQ(imported, 0);
    ASSERT_EQ(problems.size(), 1);
    EXPECT_TRUE(problems.front().contains(u"broken.xml"_s)) << problems.front().toStdString();
    EXPECT_EQ(f.temp.library().articles().count(), before);
}

TEST(MainWindow, RendersAllPanelsFilled) {
    Fixture f;
    core::ArticleImporter(f.temp.library(), f.analyzer).importBundledSamples();
    ui::MainWindow window(f.temp.library());
    window.resize(1400, 900);
    window.show();
    window.openArticle(f.id);
    window.showEntity(u"person/claudia-sheinbaum"_s);
    window.document()->annotate({0, 7}, u"#aed581"_s, u"a note"_s, {u"check"_s});
    const QImage image = window.grab().toImage();
    ASSERT_FALSE(image.isNull());
    if (const QByteArray dir = qgetenv("DOSSIER_SCREENSHOTS"); !dir.isEmpty())
        image.save(QString::fromUtf8(dir) + u"/main-window.png"_s);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5) colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 50);
}
