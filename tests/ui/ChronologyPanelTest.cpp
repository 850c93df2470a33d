#include "ui/panels/ChronologyPanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "tests/support/TempLibrary.h"
#include "ui/ArticleDocument.h"
#include "ui/panels/ChronologyModel.h"
#include "ui/panels/TimelineView.h"

using namespace dossier;
using namespace Qt::StringLiterals;
using ui::ChronologyModel;

// Readable failures: gtest finds this for QString and QStringList by argument-dependent lookup.
void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }

namespace {

// Published on Monday 10 March 2025: "on Friday" in the past tense is 7 March, "will
// resume on Thursday" the coming 13 March.
constexpr const char* kText =
    "Prime Minister Luc Frieden visited Berlin on Friday. Talks will resume on Thursday. "
    "The two countries signed a treaty in 1957.";
constexpr qint64 kFridayStart = 0;
constexpr qint64 kFridayEnd = 52;

core::ArticleId importText(core::Library& library, const core::Analyzer& analyzer, const std::string& text,
                           std::optional<core::Date> published) {
    core::ImportedDocument doc;
    doc.meta.title = "Chronology test";
    doc.meta.published = published;
    doc.text = text;
    return core::ArticleImporter(library, analyzer).importDocument(doc).id;
}

QStringList column(const QAbstractItemModel& model, int role) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) out << model.index(row, 0).data(role).toString();
    return out;
}

int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

// With DOSSIER_SCREENSHOTS=dir the rendering tests also save their pictures there, to be looked at.
void saveScreenshot(QWidget& widget, const QString& name) {
    const QString dir = qEnvironmentVariable("DOSSIER_SCREENSHOTS");
    if (dir.isEmpty()) return;
    QDir().mkpath(dir);
    QApplication::processEvents();  // pending layout after a new article
    widget.grab().save(dir + u'/' + name);
}

class ChronologyPanelTest : public ::testing::Test {
protected:
    void SetUp() override {
        id = importText(t.library(), analyzer, kText, core::Date(2025, 3, 10));
        ASSERT_TRUE(document.open(id));
    }

    test::TempLibrary t;
    core::Analyzer analyzer;
    ui::ArticleDocument document{t.library(), analyzer};
    core::ArticleId id = 0;
};

}  // namespace

TEST_F(ChronologyPanelTest, ListsTheDatedEventsInDateOrderWithTheirExpressions) {
    ui::ChronologyPanel panel(&document);
    EXPECT_EQ(panel.objectName(), u"chronologyPanel"_s);
    const ChronologyModel& m = *panel.model();
    EXPECT_EQ(column(m, ChronologyModel::LabelRole),
              QStringList({u"1957"_s, u"7 Mar 2025 ← Friday"_s, u"13 Mar 2025 ← Thursday"_s}));
    EXPECT_EQ(column(m, ChronologyModel::WhenRole), QStringList({u"1957"_s, u"2025-03-07"_s, u"2025-03-13"_s}));
    EXPECT_EQ(column(m, ChronologyModel::ExpressionRole), QStringList({u"1957"_s, u"Friday"_s, u"Thursday"_s}));

    const QModelIndex friday = m.index(1, 0);
    EXPECT_EQ(friday.data(ChronologyModel::TextRole).toString(), u"Prime Minister Luc Frieden visited Berlin on Friday."_s);
    QStringList ids = friday.data(ChronologyModel::EntitiesRole).toStringList();
    ids.sort();
    EXPECT_EQ(ids, QStringList({u"person/luc-frieden"_s, u"place/berlin"_s}));
    QStringList names = friday.data(ChronologyModel::EntityNamesRole).toStringList();
    names.sort();
    EXPECT_EQ(names, QStringList({u"Berlin"_s, u"Luc Frieden"_s}));
    EXPECT_EQ(friday.data(ChronologyModel::EvidenceStartRole).toLongLong(), kFridayStart);
    EXPECT_EQ(friday.data(ChronologyModel::EvidenceEndRole).toLongLong(), kFridayEnd);

    // What the axis needs: the day ranges, the granularity, the new year after 68 silent years,
    // and the publication date between what happened and what is announced.
    const QModelIndex treaty = m.index(0, 0);
    EXPECT_EQ(treaty.data(ChronologyModel::FirstDayRole).toDate(), QDate(1957, 1, 1));
    EXPECT_EQ(treaty.data(ChronologyModel::LastDayRole).toDate(), QDate(1957, 12, 31));
    EXPECT_EQ(treaty.data(ChronologyModel::GranularityRole).toInt(), int(ChronologyModel::Granularity::Year));
    EXPECT_EQ(friday.data(ChronologyModel::GranularityRole).toInt(), int(ChronologyModel::Granularity::Day));
    EXPECT_EQ(friday.data(ChronologyModel::FirstDayRole).toDate(), QDate(2025, 3, 7));
    EXPECT_EQ(friday.data(ChronologyModel::HeadingRole).toString(), u"2025"_s);
    EXPECT_TRUE(friday.data(ChronologyModel::NewYearRole).toBool());
    EXPECT_EQ(friday.data(ChronologyModel::GapYearsRole).toInt(), 68);
    EXPECT_FALSE(friday.data(ChronologyModel::AfterPublishedRole).toBool());
    EXPECT_TRUE(m.index(2, 0).data(ChronologyModel::AfterPublishedRole).toBool());
    EXPECT_EQ(m.index(2, 0).data(ChronologyModel::PublishedMarkerRole).toInt(), int(ChronologyModel::MarkerAbove));
    EXPECT_LT(treaty.data(ChronologyModel::SortKeyRole).toLongLong(), friday.data(ChronologyModel::SortKeyRole).toLongLong());

    auto* edit = panel.findChild<QDateEdit*>(u"publishedEdit"_s);
    ASSERT_NE(edit, nullptr);
    EXPECT_EQ(edit->date(), QDate(2025, 3, 10));
    EXPECT_TRUE(edit->calendarPopup());
    EXPECT_FALSE(panel.findChild<QCheckBox*>(u"noDateCheck"_s)->isChecked());
}

TEST(ChronologyModelLabels, NameTheDateWithItsGranularity) {
    EXPECT_EQ(ChronologyModel::dateLabel("2026-01-05"), u"5 Jan 2026"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("2025-11"), u"Nov 2025"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("2019"), u"2019"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("201"), u"2010s"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("199X"), u"1990s"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("19"), u"20th century"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("20"), u"21st century"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("2025-W46"), u"week of 10 Nov 2025"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("2025-W46-WE"), u"15–16 Nov 2025"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("2026-Q1"), u"Q1 2026"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("2025-FA"), u"autumn 2025"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("2025-WI"), u"winter 2025–26"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("2026-H2"), u"second half of 2026"_s);
    EXPECT_EQ(ChronologyModel::dateLabel("2025-11-20TMO"), u"20 Nov 2025, morning"_s);
    EXPECT_EQ(ChronologyModel::granularityOf("2025-11"), ChronologyModel::Granularity::Month);
    EXPECT_EQ(ChronologyModel::granularityOf("19"), ChronologyModel::Granularity::Century);
}

TEST_F(ChronologyPanelTest, ChangingThePublicationDateResolvesTheDatesAgainAndUndoes) {
    ui::ChronologyPanel panel(&document);
    auto* edit = panel.findChild<QDateEdit*>(u"publishedEdit"_s);
    ASSERT_NE(edit, nullptr);

    // Thursday 20 March: the Friday before is the 14th; "will resume on Thursday" is that very day.
    edit->setDate(QDate(2025, 3, 20));
    EXPECT_EQ(document.article().meta.published, core::Date(2025, 3, 20));
    EXPECT_EQ(column(*panel.model(), ChronologyModel::LabelRole),
              QStringList({u"1957"_s, u"14 Mar 2025 ← Friday"_s, u"20 Mar 2025 ← Thursday"_s}));
    EXPECT_EQ(document.undoStack()->count(), 1);

    document.undoStack()->undo();
    EXPECT_EQ(column(*panel.model(), ChronologyModel::LabelRole),
              QStringList({u"1957"_s, u"7 Mar 2025 ← Friday"_s, u"13 Mar 2025 ← Thursday"_s}));
    EXPECT_EQ(edit->date(), QDate(2025, 3, 10));
    EXPECT_EQ(document.undoStack()->count(), 1);  // the controls followed the undo without a new step

    // "No date": the weekdays cannot be placed any more; only the year stays.
    auto* noDate = panel.findChild<QCheckBox*>(u"noDateCheck"_s);
    noDate->setChecked(true);
    EXPECT_FALSE(document.article().meta.published.has_value());
    EXPECT_FALSE(edit->isEnabled());
    EXPECT_EQ(column(*panel.model(), ChronologyModel::LabelRole), QStringList({u"1957"_s}));
    document.undoStack()->undo();
    EXPECT_FALSE(noDate->isChecked());
    EXPECT_EQ(panel.model()->rowCount(), 3);
}

TEST_F(ChronologyPanelTest, ClickingAnEventReportsItsSentenceAndANameItsEntity) {
    ui::ChronologyPanel panel(&document);
    panel.resize(420, 600);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    auto* view = panel.findChild<ui::TimelineView*>(u"timeline"_s);
    ASSERT_NE(view, nullptr);
    ASSERT_TRUE(view->isVisible());

    const QModelIndex friday = panel.model()->index(1, 0);
    const QRect row = view->visualRect(friday);
    ASSERT_FALSE(row.isEmpty());
    const QPoint onEvent(row.left() + 12, row.bottom() - 4);
    ASSERT_TRUE(view->entityAt(onEvent).isEmpty());

    QSignalSpy evidence(&panel, &ui::ChronologyPanel::evidenceActivated);
    QSignalSpy entities(&panel, &ui::ChronologyPanel::entityActivated);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onEvent);
    ASSERT_EQ(evidence.count(), 1);
    EXPECT_EQ(evidence.at(0).at(0).toLongLong(), kFridayStart);
    EXPECT_EQ(evidence.at(0).at(1).toLongLong(), kFridayEnd);
    EXPECT_EQ(entities.count(), 0);

    const QRect name = view->entityRect(friday, u"person/luc-frieden"_s);
    ASSERT_TRUE(row.contains(name));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, name.center());
    ASSERT_EQ(entities.count(), 1);
    EXPECT_EQ(entities.at(0).at(0).toString(), u"person/luc-frieden"_s);
    EXPECT_EQ(evidence.count(), 1);
}

TEST_F(ChronologyPanelTest, SelectingAnEntityHighlightsTheEventsThatInvolveIt) {
    ui::ChronologyPanel panel(&document);
    panel.selectEntity(u"place/berlin"_s);
    QList<bool> highlighted;
    for (int row = 0; row < panel.model()->rowCount(); ++row)
        highlighted << panel.model()->index(row, 0).data(ChronologyModel::HighlightedRole).toBool();
    EXPECT_EQ(highlighted, QList<bool>({false, true, false}));
    panel.selectEntity({});
    EXPECT_FALSE(panel.model()->index(1, 0).data(ChronologyModel::HighlightedRole).toBool());
}

TEST(ChronologyPanel, SaysSoWhenNothingIsDated) {
    test::TempLibrary t;
    core::Analyzer analyzer;
    ui::ArticleDocument document(t.library(), analyzer);
    ui::ChronologyPanel panel(&document);  // before anything is open: follows opened()
    auto* stack = panel.findChild<QStackedWidget*>();
    auto* empty = panel.findChild<QLabel*>(u"chronologyEmpty"_s);
    ASSERT_NE(empty, nullptr);
    EXPECT_EQ(stack->currentWidget(), empty);

    ASSERT_TRUE(document.open(importText(t.library(), analyzer, "Ministers met in Berlin on Friday.", std::nullopt)));
    EXPECT_EQ(panel.model()->rowCount(), 0);
    EXPECT_EQ(stack->currentWidget(), empty);
    EXPECT_TRUE(empty->text().contains(u"publication date"_s)) << empty->text().toStdString();

    // Giving the date places the Friday.
    panel.findChild<QCheckBox*>(u"noDateCheck"_s)->setChecked(false);
    EXPECT_EQ(panel.model()->rowCount(), 1);
    EXPECT_EQ(stack->currentWidget(), panel.timeline());
}

TEST_F(ChronologyPanelTest, RendersTheAxisNotABlankPanel) {
    ui::ChronologyPanel panel(&document);
    panel.resize(420, 520);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    const QImage image = panel.grab().toImage();
    ASSERT_FALSE(image.isNull());
    EXPECT_GT(distinctColours(image), 10);
    saveScreenshot(panel, u"chronology-short.png"_s);
}

TEST(ChronologyPanel, StaysReadableWithARealArticleAndWithFiftyEvents) {
    test::TempLibrary t;
    core::Analyzer analyzer;
    ui::ArticleDocument document(t.library(), analyzer);
    const auto sample = core::ArticleImporter(t.library(), analyzer)
                            .importFile(DOSSIER_SOURCE_DIR "/resources/samples/brazil-climate-talks.txt");
    ASSERT_TRUE(document.open(sample.id));
    ui::ChronologyPanel panel(&document);
    panel.resize(440, 900);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    EXPECT_GT(panel.model()->rowCount(), 5);
    EXPECT_GT(panel.backgroundModel()->rowCount(), 0);
    EXPECT_GT(distinctColours(panel.grab().toImage()), 10);
    panel.selectEntity(u"person/marina-silva"_s);
    saveScreenshot(panel, u"chronology-brazil.png"_s);
    panel.selectEntity({});

    // One event: a single dot, no axis running off into nothing.
    ASSERT_TRUE(document.open(importText(t.library(), analyzer, "Ministers met in Berlin on Friday.", core::Date(2025, 3, 10))));
    EXPECT_EQ(panel.model()->rowCount(), 1);
    saveScreenshot(panel, u"chronology-one.png"_s);

    // Fifty dated sentences over two centuries: the view scrolls, each row keeps its height.
    std::string text;
    for (int i = 0; i < 50; ++i)
        text += "The council met again in " + std::to_string(1900 + i * 4) + " to discuss the harbour. ";
    ASSERT_TRUE(document.open(importText(t.library(), analyzer, text, core::Date(2025, 3, 10))));
    EXPECT_EQ(panel.model()->rowCount(), 50);
    for (int row = 0; row < 50; ++row)  // every four years is the rhythm here, not a gap worth marking
        EXPECT_EQ(panel.model()->index(row, 0).data(ChronologyModel::GapYearsRole).toInt(), 0) << row;
    QApplication::processEvents();
    const QRect first = panel.timeline()->visualRect(panel.model()->index(0, 0));
    EXPECT_GT(first.height(), panel.timeline()->fontMetrics().height());
    EXPECT_TRUE(panel.timeline()->verticalScrollBar()->isVisible());
    saveScreenshot(panel, u"chronology-fifty.png"_s);
}
