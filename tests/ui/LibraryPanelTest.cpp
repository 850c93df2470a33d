#include "ui/panels/LibraryPanel.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "core/storage/ArticleRepository.h"
#include "tests/support/TempLibrary.h"
#include "ui/ArticleListModel.h"
#include "ui/panels/SearchResultsModel.h"

using namespace dossier;

namespace {

class LibraryPanelTest : public ::testing::Test {
protected:
    void SetUp() override { core::ArticleImporter(t.library(), analyzer).importBundledSamples(); }

    core::ArticleId idOf(const std::string& titleStart) {
        for (const auto& a : t.library().articles().list())
            if (a.meta.title.starts_with(titleStart)) return a.id;
        ADD_FAILURE() << "no article " << titleStart;
        return 0;
    }

    static std::vector<core::ArticleId> shown(const ui::LibraryPanel& panel) {
        std::vector<core::ArticleId> ids;
        const QAbstractItemModel* m = panel.listView()->model();
        for (int row = 0; row < m->rowCount(); ++row)
            ids.push_back(m->index(row, 0).data(ui::ArticleListModel::IdRole).toLongLong());
        return ids;
    }

    static void save(QWidget& w, const char* name) {
        // DOSSIER_SCREENSHOTS=folder keeps a picture of the panel for a human to look at.
        const QString dir = qEnvironmentVariable("DOSSIER_SCREENSHOTS");
        if (!dir.isEmpty()) w.grab().save(dir + u'/' + QString::fromLatin1(name));
    }

    test::TempLibrary t;
    core::Analyzer analyzer;
};

TEST_F(LibraryPanelTest, ListsEveryArticleNewestFirstWithDateAndSource) {
    ui::LibraryPanel panel(t.library());
    std::vector<core::ArticleId> expected;
    for (const auto& a : t.library().articles().list()) expected.push_back(a.id);
    ASSERT_EQ(expected.size(), 4u);
    EXPECT_EQ(shown(panel), expected);
    EXPECT_FALSE(panel.isShowingSearchResults());
    const QModelIndex first = panel.listView()->model()->index(0, 0);
    EXPECT_EQ(first.data(ui::ArticleListModel::IdRole).toLongLong(), idOf("Brazil presses"));  // 2025-11-21
    EXPECT_EQ(first.data(ui::ArticleListModel::SubtitleRole).toString(),
              QStringLiteral("2025-11-21 · Dossier Sample Wire"));
    EXPECT_TRUE(panel.searchMessage().isEmpty());
}

TEST_F(LibraryPanelTest, AQueryShowsOnlyMatchingArticlesWithTheTermMarked) {
    ui::LibraryPanel panel(t.library());
    auto* field = panel.findChild<QLineEdit*>(QStringLiteral("searchField"));
    ASSERT_NE(field, nullptr);
    field->setText(QStringLiteral("tariffs"));
    // The query runs after the typing pause, not at once.
    EXPECT_FALSE(panel.isShowingSearchResults());
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.isShowingSearchResults(); }, 3000));
    EXPECT_EQ(shown(panel), std::vector<core::ArticleId>{idOf("India and US")});
    const QModelIndex hit = panel.listView()->model()->index(0, 0);
    EXPECT_TRUE(hit.data(ui::SearchResultsModel::SnippetHtmlRole)
                    .toString()
                    .contains(QStringLiteral("<b>tariffs</b>")));
    EXPECT_FALSE(hit.data(ui::SearchResultsModel::SnippetRole).toString().contains(u'\x01'));
    EXPECT_EQ(hit.data(ui::SearchResultsModel::SubtitleRole).toString(),
              QStringLiteral("2025-09-17 · Dossier Sample Wire"));

    panel.setQuery(QStringLiteral("\"tropical forests\""));
    EXPECT_EQ(shown(panel), std::vector<core::ArticleId>{idOf("Brazil presses")});

    field->clear();
    panel.runSearch();
    EXPECT_FALSE(panel.isShowingSearchResults());
    EXPECT_EQ(shown(panel).size(), 4u);
}

TEST_F(LibraryPanelTest, SnippetTextIsEscapedAndOnlyTheMarksBecomeBold) {
    const std::string snippet = "a <i>tag</i> & \x01" "x\x02 " "\x01" "y\x02";
    EXPECT_EQ(ui::SearchResultsModel::snippetToHtml(snippet),
              QStringLiteral("a &lt;i&gt;tag&lt;/i&gt; &amp; <b>x</b> <b>y</b>"));
    EXPECT_EQ(ui::SearchResultsModel::snippetToPlain(snippet), QStringLiteral("a <i>tag</i> & x y"));

    // And through the library: markup in an article stays text in the snippet.
    core::ImportedDocument doc;
    doc.meta.title = "Markup";
    doc.text = "The <b>budget</b> & the zeppelin report.";
    core::ArticleImporter(t.library(), analyzer).importDocument(doc);
    ui::LibraryPanel panel(t.library());
    panel.setQuery(QStringLiteral("zeppelin"));
    ASSERT_EQ(shown(panel).size(), 1u);
    const QString html =
        panel.listView()->model()->index(0, 0).data(ui::SearchResultsModel::SnippetHtmlRole).toString();
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;b&gt;budget&lt;/b&gt; &amp; the <b>zeppelin</b>")))
        << html.toStdString();
}

TEST_F(LibraryPanelTest, AMalformedQueryIsExplainedUnderTheField) {
    ui::LibraryPanel panel(t.library());
    panel.resize(320, 600);
    panel.show();
    panel.setQuery(QStringLiteral("\"unclosed"));
    EXPECT_TRUE(panel.searchMessage().contains(QStringLiteral("not valid")))
        << panel.searchMessage().toStdString();
    EXPECT_TRUE(panel.findChild<QLabel*>(QStringLiteral("searchMessage"))->isVisible());
    save(panel, "library-bad-query.png");
    panel.setQuery(QStringLiteral("\"forest fund\""));
    EXPECT_EQ(shown(panel), std::vector<core::ArticleId>{idOf("Brazil presses")});
    EXPECT_FALSE(panel.findChild<QLabel*>(QStringLiteral("searchMessage"))->isVisible());
}

TEST_F(LibraryPanelTest, TheEntityFilterKeepsArticlesMentioningIt) {
    ui::LibraryPanel panel(t.library());
    auto* entity = panel.findChild<QLineEdit*>(QStringLiteral("entityFilter"));
    ASSERT_NE(entity, nullptr);
    entity->setText(QStringLiteral("Brazil"));
    panel.runSearch();
    EXPECT_EQ(shown(panel), std::vector<core::ArticleId>{idOf("Brazil presses")});

    // Together with a query: "talks" is in the Brazil and the India articles.
    panel.setQuery(QStringLiteral("talks"));
    EXPECT_EQ(shown(panel), std::vector<core::ArticleId>{idOf("Brazil presses")});

    entity->setText(QStringLiteral("Atlantis"));
    panel.runSearch();
    EXPECT_TRUE(shown(panel).empty());
    EXPECT_TRUE(panel.searchMessage().contains(QStringLiteral("Atlantis")));
}

TEST_F(LibraryPanelTest, TheDateFilterKeepsArticlesPublishedInTheRange) {
    ui::LibraryPanel panel(t.library());
    // Unticked, the range spans the library.
    EXPECT_EQ(panel.findChild<QDateEdit*>(QStringLiteral("dateFrom"))->date(), QDate(2025, 9, 17));
    EXPECT_EQ(panel.findChild<QDateEdit*>(QStringLiteral("dateTo"))->date(), QDate(2025, 11, 21));
    panel.findChild<QDateEdit*>(QStringLiteral("dateFrom"))->setDate(QDate(2025, 10, 1));
    panel.findChild<QDateEdit*>(QStringLiteral("dateTo"))->setDate(QDate(2025, 10, 31));
    panel.findChild<QCheckBox*>(QStringLiteral("dateFilter"))->setChecked(true);
    EXPECT_EQ(shown(panel), std::vector<core::ArticleId>{idOf("EU leaders")});
    panel.findChild<QCheckBox*>(QStringLiteral("dateFilter"))->setChecked(false);
    EXPECT_EQ(shown(panel).size(), 4u);
}

TEST_F(LibraryPanelTest, ClickingARowEmitsItsIdAndSettingTheCurrentArticleDoesNot) {
    ui::LibraryPanel panel(t.library());
    panel.resize(320, 700);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy spy(&panel, &ui::LibraryPanel::articleActivated);
    QListView* list = panel.listView();
    const QModelIndex second = list->model()->index(1, 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(second).center());
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toLongLong(), second.data(ui::ArticleListModel::IdRole).toLongLong());

    const qint64 third = list->model()->index(2, 0).data(ui::ArticleListModel::IdRole).toLongLong();
    panel.setCurrentArticle(third);
    EXPECT_EQ(list->currentIndex().row(), 2);
    EXPECT_EQ(spy.count(), 1);

    // The selection survives a search that still lists the article, and reload().
    panel.setQuery(QStringLiteral("Sahel OR elections OR sanctions OR talks"));
    EXPECT_EQ(list->currentIndex().data(ui::ArticleListModel::IdRole).toLongLong(), third);
    panel.reload();
    EXPECT_EQ(list->currentIndex().data(ui::ArticleListModel::IdRole).toLongLong(), third);
    EXPECT_EQ(spy.count(), 1);
}

TEST_F(LibraryPanelTest, KeyboardFindFocusesTheFieldAndDownEntersTheList) {
    ui::LibraryPanel panel(t.library());
    panel.resize(320, 700);
    panel.show();
    panel.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
    panel.listView()->setFocus();
    QTest::keyClick(panel.listView(), Qt::Key_F, Qt::ControlModifier);
    auto* field = panel.findChild<QLineEdit*>(QStringLiteral("searchField"));
    EXPECT_TRUE(field->hasFocus());

    QSignalSpy spy(&panel, &ui::LibraryPanel::articleActivated);
    QTest::keyClick(field, Qt::Key_Down);
    EXPECT_TRUE(panel.listView()->hasFocus());
    EXPECT_EQ(panel.listView()->currentIndex().row(), 0);
    EXPECT_EQ(spy.count(), 0);  // entering the list opens nothing...
    QTest::keyClick(panel.listView(), Qt::Key_Down);
    ASSERT_EQ(spy.count(), 1);  // ...moving in it does
    EXPECT_EQ(spy.at(0).at(0).toLongLong(),
              panel.listView()->model()->index(1, 0).data(ui::ArticleListModel::IdRole).toLongLong());
}

TEST_F(LibraryPanelTest, RendersReadably) {
    ui::LibraryPanel panel(t.library());
    panel.resize(320, 640);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    panel.setCurrentArticle(idOf("EU leaders"));
    save(panel, "library-all.png");
    panel.setQuery(QStringLiteral("talks"));
    ASSERT_FALSE(shown(panel).empty());
    save(panel, "library-search.png");
    // Every row is tall enough for a bold title and a subtitle line.
    const QRect row = panel.listView()->visualRect(panel.listView()->model()->index(0, 0));
    EXPECT_GE(row.height(), 2 * panel.fontMetrics().height());
    EXPECT_LE(row.right(), panel.listView()->viewport()->width());
}

TEST_F(LibraryPanelTest, RowsReflowWhenThePanelIsResized) {
    ui::LibraryPanel panel(t.library());
    panel.resize(700, 640);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QListView* list = panel.listView();
    const auto firstRowHeight = [&] {
        QTest::qWait(20);  // the layout follows the resize
        list->doItemsLayout();
        return list->visualRect(list->model()->index(0, 0)).height();
    };
    const int wide = firstRowHeight();
    panel.resize(150, 640);
    const int narrow = firstRowHeight();
    EXPECT_GT(narrow, wide);  // the title wraps onto more lines, and is not cut
    panel.resize(700, 640);
    EXPECT_EQ(firstRowHeight(), wide);
}

// A library of 1,000 short articles, made once for the tests that need more rows than a page.
// Every article mentions the harvest, 999 of them in the title; the other one only in passing,
// in an article about Brazil from 2019, so it ranks last of all hits for "harvest".
class LargeLibraryPanelTest : public ::testing::Test {
protected:
    static constexpr int kArticles = 1000;

    static void SetUpTestSuite() {
        temp_ = std::make_unique<test::TempLibrary>();
        auto& lib = temp_->library();
        auto tx = lib.transaction();
        for (int i = 0; i < kArticles - 1; ++i) {
            // Dates over 2023 and 2024, several articles a day, every tenth undated.
            const std::optional<core::Date> date =
                i % 10 == 0 ? std::nullopt : std::optional<core::Date>(core::Date(2023, 1, 1).addDays(i * 7 % 700));
            const std::string n = std::to_string(i);
            test::importText(lib, "Harvest report " + n, date, "The harvest report number " + n + " is in.");
        }
        brazil_ = test::importText(lib, "Coffee prices", core::Date(2019, 6, 3),
                                   "Growers in Brazil said the coffee crop was late this year, and prices rose on the "
                                   "markets as traders waited. The harvest would come in the autumn, they said.");
        tx.commit();
    }
    static void TearDownTestSuite() { temp_.reset(); }

    static core::Library& library() { return temp_->library(); }

    // The whole library in listing order, read in one query.
    static std::vector<core::ArticleId> everyArticle() {
        std::vector<core::ArticleId> ids;
        for (const auto& a : library().articles().list()) ids.push_back(a.id);
        return ids;
    }

    static std::vector<core::ArticleId> shown(const ui::LibraryPanel& panel) {
        std::vector<core::ArticleId> ids;
        const QAbstractItemModel* m = panel.listView()->model();
        for (int row = 0; row < m->rowCount(); ++row)
            ids.push_back(m->index(row, 0).data(ui::ArticleListModel::IdRole).toLongLong());
        return ids;
    }

    // Scrolls to the end of the list, as a reader dragging the bar down, until the view has
    // read `rows` rows or there is nothing more.
    static void scrollUntil(ui::LibraryPanel& panel, int rows) {
        QListView* list = panel.listView();
        for (int guard = 0; guard < 50 && list->model()->rowCount() < rows; ++guard) {
            QCoreApplication::processEvents();  // the view lays out the rows it has, then scrolls
            list->scrollToBottom();
            if (!list->model()->canFetchMore({})) break;
        }
    }

    inline static std::unique_ptr<test::TempLibrary> temp_;
    inline static core::ArticleId brazil_ = 0;
};

TEST_F(LargeLibraryPanelTest, ShowsTheNewestFirstAndReadsMoreRowsWhenScrolledToTheEnd) {
    ui::LibraryPanel panel(library());
    panel.resize(320, 600);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QAbstractItemModel* model = panel.listView()->model();
    const std::vector<core::ArticleId> all = everyArticle();
    ASSERT_EQ(all.size(), static_cast<std::size_t>(kArticles));

    // One page at first, starting with the newest article.
    EXPECT_EQ(model->rowCount(), ui::ArticleListModel::kPageSize);
    EXPECT_TRUE(model->canFetchMore({}));
    EXPECT_EQ(model->index(0, 0).data(ui::ArticleListModel::SubtitleRole).toString().left(10),
              QString::fromStdString(library().articles().dateRange()->newest.toIso()));
    EXPECT_EQ(shown(panel), std::vector<core::ArticleId>(all.begin(), all.begin() + ui::ArticleListModel::kPageSize));

    // Scrolled to the end, the view asks for the next page, and so on to the last undated row.
    panel.listView()->scrollToBottom();
    EXPECT_GT(model->rowCount(), ui::ArticleListModel::kPageSize);
    EXPECT_LT(model->rowCount(), kArticles);
    scrollUntil(panel, kArticles);
    EXPECT_FALSE(model->canFetchMore({}));
    EXPECT_EQ(shown(panel), all);
    EXPECT_EQ(model->index(kArticles - 1, 0).data(ui::ArticleListModel::SubtitleRole).toString(),
              QStringLiteral("undated"));
}

TEST_F(LargeLibraryPanelTest, ReloadKeepsTheRowsReadAndTheSelectedArticle) {
    ui::LibraryPanel panel(library());
    panel.resize(320, 600);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    scrollUntil(panel, 450);
    ASSERT_GE(panel.listView()->model()->rowCount(), 450);
    const core::ArticleId chosen = everyArticle().at(420);
    panel.setCurrentArticle(chosen);
    EXPECT_EQ(panel.listView()->currentIndex().row(), 420);
    panel.reload();
    EXPECT_GE(panel.listView()->model()->rowCount(), 450);
    EXPECT_EQ(panel.listView()->currentIndex().data(ui::ArticleListModel::IdRole).toLongLong(), chosen);
}

TEST_F(LargeLibraryPanelTest, AFilteredSearchFindsAMatchBeyondTheFirstPageOfHits) {
    ui::LibraryPanel panel(library());
    panel.setQuery(QStringLiteral("harvest"));
    ASSERT_TRUE(panel.isShowingSearchResults());
    // Unfiltered, the Brazil article is not among the hits shown (a page of the best).
    const std::vector<core::ArticleId> hits = shown(panel);
    EXPECT_LT(hits.size(), static_cast<std::size_t>(kArticles));
    EXPECT_EQ(std::find(hits.begin(), hits.end(), brazil_), hits.end());

    // Filtered by the entity, or by its date, it is found.
    panel.findChild<QLineEdit*>(QStringLiteral("entityFilter"))->setText(QStringLiteral("Brazil"));
    panel.runSearch();
    EXPECT_EQ(shown(panel), std::vector<core::ArticleId>{brazil_});
    panel.findChild<QLineEdit*>(QStringLiteral("entityFilter"))->clear();
    panel.findChild<QDateEdit*>(QStringLiteral("dateFrom"))->setDate(QDate(2019, 1, 1));
    panel.findChild<QDateEdit*>(QStringLiteral("dateTo"))->setDate(QDate(2019, 12, 31));
    panel.findChild<QCheckBox*>(QStringLiteral("dateFilter"))->setChecked(true);
    EXPECT_EQ(shown(panel), std::vector<core::ArticleId>{brazil_});
}

TEST_F(LargeLibraryPanelTest, TheDateFilterListsTheWholeRangeFromTheLibrary) {
    ui::LibraryPanel panel(library());
    // Unticked, the range spans the dated articles.
    EXPECT_EQ(panel.findChild<QDateEdit*>(QStringLiteral("dateFrom"))->date(), QDate(2019, 6, 3));
    panel.findChild<QDateEdit*>(QStringLiteral("dateFrom"))->setDate(QDate(2023, 3, 1));
    panel.findChild<QDateEdit*>(QStringLiteral("dateTo"))->setDate(QDate(2023, 3, 31));
    panel.findChild<QCheckBox*>(QStringLiteral("dateFilter"))->setChecked(true);
    std::vector<core::ArticleId> expected;
    for (const auto& a : library().articles().list())
        if (a.meta.published && a.meta.published->toIso().starts_with("2023-03")) expected.push_back(a.id);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(shown(panel), expected);
    EXPECT_FALSE(panel.listView()->model()->canFetchMore({}));
}

}  // namespace
