#include "ui/panels/LibraryPanel.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

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

}  // namespace
