#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "tests/support/TempLibrary.h"
#include "ui/ArticleDocument.h"
#include "ui/panels/RelationGraphView.h"
#include "ui/panels/RelationsModel.h"
#include "ui/panels/RelationsPanel.h"

#include <QGraphicsItem>
#include <QImage>
#include <QLabel>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace dossier;
using namespace Qt::StringLiterals;
using Model = ui::RelationsModel;

namespace {

// The emoji line shifts UTF-16 positions against code points, so the evidence shows
// whether the model converts the analysis's offsets.
constexpr const char* kSummit =
    "🌍 World briefing\n"
    "Mexican President Claudia Sheinbaum will meet Canadian Prime Minister Mark Carney in Ottawa on Monday. "
    "Russia supports Belarus.\n"
    "The dispute between China and Japan grew in November.\n";
constexpr const char* kSummitMeeting =
    "Mexican President Claudia Sheinbaum will meet Canadian Prime Minister Mark Carney in Ottawa on Monday.";

// Many small groups of relations: a harder case for the layout.
constexpr const char* kCrowded =
    "French President Emmanuel Macron met German Chancellor Friedrich Merz in Berlin on Tuesday. "
    "Macron also met Italian Prime Minister Giorgia Meloni. Spain backs Portugal. The rivalry between India "
    "and Pakistan deepened in 2025. Brazil and Argentina signed a trade deal. Poland is a close US ally. "
    "China claims Taiwan. Russia criticized Finland. Kenyan President William Ruto visited Ethiopia. "
    "Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa.\n";

class RelationsPanelTest : public ::testing::Test {
protected:
    core::ArticleId import(const char* text, const std::string& title) {
        core::ImportedDocument doc;
        doc.meta.title = title;
        doc.meta.published = core::Date(2026, 1, 4);
        doc.text = text;
        return core::ArticleImporter(lib.library(), analyzer).importDocument(doc).id;
    }

    // The model row whose Source, Type and Target read as given, or -1.
    static int findRow(const QAbstractItemModel& model, const QString& source, const QString& type,
                       const QString& target) {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, Model::SourceColumn).data() == source &&
                model.index(row, Model::TypeColumn).data() == type &&
                model.index(row, Model::TargetColumn).data() == target)
                return row;
        return -1;
    }

    static void expectNoOverlaps(const ui::RelationGraphView& graph) {
        const QStringList ids = graph.entityIds();
        for (qsizetype i = 0; i < ids.size(); ++i)
            for (qsizetype j = i + 1; j < ids.size(); ++j)
                EXPECT_FALSE(graph.nodeItem(ids[i])->sceneBoundingRect().intersects(
                    graph.nodeItem(ids[j])->sceneBoundingRect()))
                    << ids[i].toStdString() << " overlaps " << ids[j].toStdString();
    }

    test::TempLibrary lib;
    core::Analyzer analyzer;
};

TEST(RelationsModelFormat, WritesTimeValuesForPeople) {
    EXPECT_EQ(Model::formatWhen(u"2026-01-05"_s), u"5 Jan 2026"_s);
    EXPECT_EQ(Model::formatWhen(u"2025-11"_s), u"Nov 2025"_s);
    EXPECT_EQ(Model::formatWhen(u"2019"_s), u"2019"_s);
    EXPECT_EQ(Model::formatWhen(u"19"_s), u"20th century"_s);
    EXPECT_EQ(Model::formatWhen(u"20"_s), u"21st century"_s);
    EXPECT_EQ(Model::formatWhen(u"198"_s), u"1980s"_s);
    EXPECT_EQ(Model::formatWhen(u"2025-W52"_s), u"week 52, 2025"_s);
    EXPECT_EQ(Model::formatWhen(u"2026-SU"_s), u"summer 2026"_s);
    EXPECT_EQ(Model::formatWhen(u"2026-01-05TEV"_s), u"5 Jan 2026, evening"_s);
    EXPECT_EQ(Model::formatWhen(u"PRESENT_REF"_s), u"now"_s);
    EXPECT_EQ(Model::formatWhen(QString()), u"—"_s);
}

TEST_F(RelationsPanelTest, TableListsRelationsByNameWithDatesAndEvidence) {
    ui::ArticleDocument doc(lib.library(), analyzer);
    ASSERT_TRUE(doc.open(import(kSummit, "Summit")));
    ui::RelationsPanel panel(&doc);
    auto* table = panel.findChild<QTableView*>(u"relationsTable"_s);
    ASSERT_NE(table, nullptr);
    const QAbstractItemModel& model = *table->model();
    ASSERT_EQ(model.rowCount(), 5);
    EXPECT_FALSE(panel.isEmpty());

    const int meets = findRow(model, u"Claudia Sheinbaum"_s, u"meets"_s, u"Mark Carney"_s);
    ASSERT_GE(meets, 0);
    EXPECT_EQ(model.index(meets, Model::WhenColumn).data(), u"5 Jan 2026"_s);
    EXPECT_EQ(model.index(meets, Model::EvidenceColumn).data().toString(), QString::fromUtf8(kSummitMeeting));
    EXPECT_EQ(model.index(meets, 0).data(Model::SourceIdRole), u"person/claudia-sheinbaum"_s);
    EXPECT_EQ(model.index(meets, 0).data(Model::TargetIdRole), u"person/mark-carney"_s);
    EXPECT_EQ(model.index(meets, 0).data(Model::EvidenceStartRole).toLongLong(),
              17);  // code points, after "🌍 World briefing\n"
    EXPECT_EQ(model.index(meets, 0).data(Model::EvidenceEndRole).toLongLong(), 119);
    EXPECT_TRUE(
        model.index(meets, Model::SourceColumn).data(Qt::ToolTipRole).toString().contains(u"President"_s));

    const int tension = findRow(model, u"China"_s, u"tension"_s, u"Japan"_s);
    ASSERT_GE(tension, 0);
    EXPECT_EQ(model.index(tension, Model::WhenColumn).data(), u"Nov 2025"_s);
    EXPECT_EQ(model.index(tension, Model::EvidenceColumn).data(),
              u"The dispute between China and Japan grew in November."_s);
    const int supports = findRow(model, u"Russia"_s, u"supports"_s, u"Belarus"_s);
    ASSERT_GE(supports, 0);
    EXPECT_EQ(model.index(supports, Model::WhenColumn).data(), u"—"_s);
    EXPECT_GE(findRow(model, u"Mark Carney"_s, u"leads"_s, u"Canada"_s), 0);

    // Sorting by date puts the undated relation first and keeps every role with its row.
    table->sortByColumn(Model::WhenColumn, Qt::AscendingOrder);
    EXPECT_EQ(model.index(0, Model::SourceColumn).data(), u"Russia"_s);
    EXPECT_EQ(model.index(4, Model::WhenColumn).data(), u"5 Jan 2026"_s);
}

TEST_F(RelationsPanelTest, GraphHasANodePerEntityAndAnEdgePerRelation) {
    ui::ArticleDocument doc(lib.library(), analyzer);
    ASSERT_TRUE(doc.open(import(kSummit, "Summit")));
    ui::RelationsPanel panel(&doc);
    auto* graph = panel.findChild<ui::RelationGraphView*>(u"relationsGraph"_s);
    ASSERT_NE(graph, nullptr);
    QStringList ids = graph->entityIds();
    ids.sort();
    const QStringList expected = {u"country/belarus"_s,
                                  u"country/canada"_s,
                                  u"country/china"_s,
                                  u"country/japan"_s,
                                  u"country/mexico"_s,
                                  u"country/russia"_s,
                                  u"person/claudia-sheinbaum"_s,
                                  u"person/mark-carney"_s};
    EXPECT_EQ(ids, expected);  // Ottawa is named but in no relation
    EXPECT_EQ(graph->edgeCount(), 5);
    for (int row = 0; row < 5; ++row) EXPECT_NE(graph->edgeItem(row), nullptr);
    expectNoOverlaps(*graph);
}

TEST_F(RelationsPanelTest, NodeBoxesDoNotOverlapInACrowdedArticle) {
    ui::ArticleDocument doc(lib.library(), analyzer);
    ASSERT_TRUE(doc.open(import(kCrowded, "Crowded")));
    ui::RelationsPanel panel(&doc);
    ASSERT_GE(panel.graph()->edgeCount(), 12);
    EXPECT_GE(panel.graph()->entityIds().size(), 20);
    expectNoOverlaps(*panel.graph());
    // Labels sit clear of the boxes.
    for (int row = 0; row < panel.graph()->edgeCount(); ++row)
        for (const QString& id : panel.graph()->entityIds())
            EXPECT_FALSE(panel.graph()->edgeLabelItem(row)->sceneBoundingRect().intersects(
                panel.graph()->nodeItem(id)->sceneBoundingRect()))
                << "label of row " << row << " covers " << id.toStdString();
}

TEST_F(RelationsPanelTest, ClickingANodeActivatesItsEntity) {
    ui::ArticleDocument doc(lib.library(), analyzer);
    ASSERT_TRUE(doc.open(import(kSummit, "Summit")));
    ui::RelationsPanel panel(&doc);
    panel.resize(900, 700);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    ui::RelationGraphView* graph = panel.graph();
    QSignalSpy graphSpy(graph, &ui::RelationGraphView::entityActivated);
    QSignalSpy panelSpy(&panel, &ui::RelationsPanel::entityActivated);

    const QGraphicsItem* node = graph->nodeItem(u"country/japan"_s);
    ASSERT_NE(node, nullptr);
    QTest::mouseClick(graph->viewport(), Qt::LeftButton, {},
                      graph->mapFromScene(node->sceneBoundingRect().center()));
    ASSERT_EQ(graphSpy.count(), 1);
    EXPECT_EQ(graphSpy.at(0).at(0).toString(), u"country/japan"_s);
    ASSERT_EQ(panelSpy.count(), 1);
    EXPECT_EQ(panelSpy.at(0).at(0).toString(), u"country/japan"_s);
    EXPECT_EQ(graph->selectedEntity(), u"country/japan"_s);
    // The table follows: its current row is the one about Japan.
    EXPECT_EQ(panel.table()->currentIndex().siblingAtColumn(Model::TargetColumn).data(), u"Japan"_s);
}

TEST_F(RelationsPanelTest, ClickingARelationShowsItsEvidence) {
    ui::ArticleDocument doc(lib.library(), analyzer);
    ASSERT_TRUE(doc.open(import(kSummit, "Summit")));
    ui::RelationsPanel panel(&doc);
    panel.resize(900, 700);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    const int row = findRow(*panel.model(), u"Claudia Sheinbaum"_s, u"meets"_s, u"Mark Carney"_s);
    ui::RelationGraphView* graph = panel.graph();
    QSignalSpy relationSpy(graph, &ui::RelationGraphView::relationActivated);
    QSignalSpy evidenceSpy(&panel, &ui::RelationsPanel::evidenceActivated);

    const QGraphicsItem* label = graph->edgeLabelItem(row);
    ASSERT_NE(label, nullptr);
    QTest::mouseClick(graph->viewport(), Qt::LeftButton, {},
                      graph->mapFromScene(label->sceneBoundingRect().center()));
    ASSERT_EQ(relationSpy.count(), 1);
    EXPECT_EQ(relationSpy.at(0).at(0).toInt(), row);
    ASSERT_EQ(evidenceSpy.count(), 1);
    EXPECT_EQ(evidenceSpy.at(0).at(0).toLongLong(), 17);
    EXPECT_EQ(evidenceSpy.at(0).at(1).toLongLong(), 119);
    EXPECT_EQ(graph->selectedRelation(), row);

    // Enter on a table row activates it the same way, through the sorting proxy.
    panel.table()->sortByColumn(Model::WhenColumn, Qt::AscendingOrder);  // "—" (Russia, 120–144) first
    panel.table()->setFocus();
    panel.table()->setCurrentIndex(panel.table()->model()->index(0, Model::EvidenceColumn));
    QTest::keyClick(panel.table(), Qt::Key_Return);
    ASSERT_EQ(evidenceSpy.count(), 2);
    EXPECT_EQ(evidenceSpy.at(1).at(0).toLongLong(), 120);
    EXPECT_EQ(evidenceSpy.at(1).at(1).toLongLong(), 144);
}

TEST_F(RelationsPanelTest, SelectEntityHighlightsTheNodeAndItsFirstRow) {
    ui::ArticleDocument doc(lib.library(), analyzer);
    ASSERT_TRUE(doc.open(import(kSummit, "Summit")));
    ui::RelationsPanel panel(&doc);
    QSignalSpy spy(&panel, &ui::RelationsPanel::entityActivated);
    panel.selectEntity(u"person/mark-carney"_s);
    EXPECT_EQ(spy.count(), 0);  // a choice made elsewhere is not echoed back
    EXPECT_EQ(panel.graph()->selectedEntity(), u"person/mark-carney"_s);
    const QModelIndex current = panel.table()->currentIndex();
    ASSERT_TRUE(current.isValid());
    EXPECT_TRUE(current.data(Model::SourceIdRole) == u"person/mark-carney"_s ||
                current.data(Model::TargetIdRole) == u"person/mark-carney"_s);
    // Its node and relations stand out; the rest fades.
    EXPECT_DOUBLE_EQ(panel.graph()->nodeItem(u"person/mark-carney"_s)->opacity(), 1.0);
    EXPECT_DOUBLE_EQ(panel.graph()->nodeItem(u"country/canada"_s)->opacity(), 1.0);
    EXPECT_LT(panel.graph()->nodeItem(u"country/russia"_s)->opacity(), 1.0);

    // Ottawa is in no relation: no highlight and no row.
    panel.selectEntity(u"place/ottawa"_s);
    EXPECT_TRUE(panel.graph()->selectedEntity().isEmpty());
    EXPECT_FALSE(panel.table()->selectionModel()->hasSelection());
}

TEST_F(RelationsPanelTest, ShowsAnEmptyStateAndFollowsTheDocument) {
    const core::ArticleId quiet = import("The weather stayed mild all week.\n", "Quiet");
    const core::ArticleId summit = import(kSummit, "Summit");
    ui::ArticleDocument doc(lib.library(), analyzer);
    ASSERT_TRUE(doc.open(quiet));
    ui::RelationsPanel panel(&doc);
    EXPECT_TRUE(panel.isEmpty());
    auto* label = panel.findChild<QLabel*>(u"relationsEmpty"_s);
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->text(), u"No relations found in this article"_s);

    ASSERT_TRUE(doc.open(summit));  // opened() rebuilds
    EXPECT_FALSE(panel.isEmpty());
    EXPECT_EQ(panel.table()->model()->rowCount(), 5);
    EXPECT_EQ(panel.graph()->edgeCount(), 5);

    QSignalSpy reset(panel.model(), &QAbstractItemModel::modelReset);
    doc.reanalyze();  // analysisChanged() rebuilds
    EXPECT_GE(reset.count(), 1);
    EXPECT_EQ(panel.graph()->edgeCount(), 5);
}

TEST_F(RelationsPanelTest, RendersToANonBlankPicture) {
    ui::ArticleDocument doc(lib.library(), analyzer);
    ASSERT_TRUE(doc.open(import(kCrowded, "Crowded")));
    ui::RelationsPanel panel(&doc);
    panel.resize(900, 760);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    const QImage image = panel.grab().toImage();
    ASSERT_FALSE(image.isNull());
    // For looking at the picture: DOSSIER_TEST_SCREENSHOT=/tmp/relations-panel.png
    if (const QString path = qEnvironmentVariable("DOSSIER_TEST_SCREENSHOT"); !path.isEmpty())
        image.save(path);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5) colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 10);
}

}  // namespace
