#include "ui/panels/EntityCard.h"

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "tests/support/TempLibrary.h"
#include "ui/ArticleDocument.h"

using namespace dossier;


TEST(EntityCard, ShowsRoleMentionsInContextRelationsAndOtherArticles) {
    test::TempLibrary t;
    core::Analyzer analyzer;
    const auto first = test::importText(t.library(), "Ottawa talks", core::Date(2025, 3, 10),
                           "Mexican President Claudia Sheinbaum met Canadian Prime Minister Mark Carney on Friday. "
                           "Sheinbaum said trade came first.");
    test::importText(t.library(), "Second round", core::Date(2025, 6, 2),
        "Claudia Sheinbaum will meet Mark Carney again on Thursday.");
    ui::ArticleDocument doc(t.library(), analyzer);
    ASSERT_TRUE(doc.open(first));
    ui::EntityCard card(&doc);
    card.showEntity(QStringLiteral("person/claudia-sheinbaum"));
    const QString text = card.toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("President")));
    EXPECT_TRUE(text.contains(QStringLiteral("Mentions (2)")));
    EXPECT_TRUE(text.contains(QStringLiteral("said trade came first")));  // keyword in context
    EXPECT_TRUE(text.contains(QStringLiteral("meets")));
    EXPECT_TRUE(text.contains(QStringLiteral("Second round")));            // the other article
    EXPECT_TRUE(text.contains(QStringLiteral("Across the library")));
    EXPECT_TRUE(text.contains(QStringLiteral("2025-06-05")));              // its chronology from the other article
}

TEST(EntityCard, LinksJumpToMentionsAndOpenArticles) {
    test::TempLibrary t;
    core::Analyzer analyzer;
    const auto id = test::importText(t.library(), "Ottawa talks", core::Date(2025, 3, 10),
                        "Mexican President Claudia Sheinbaum met Canadian Prime Minister Mark Carney on Friday.");
    ui::ArticleDocument doc(t.library(), analyzer);
    doc.open(id);
    ui::EntityCard card(&doc);
    card.showEntity(QStringLiteral("person/claudia-sheinbaum"));
    qint64 start = -1, end = -1;
    QObject::connect(&card, &ui::EntityCard::spanActivated, [&](qint64 s, qint64 e) {
        start = s;
        end = e;
    });
    Q_EMIT card.anchorClicked(QUrl(QStringLiteral("span:18:35")));
    EXPECT_EQ(start, 18);
    EXPECT_EQ(end, 35);
}

TEST(EntityCard, ListsNamesMergedIntoTheEntityWithLinksToSplitOrMerge) {
    test::TempLibrary t;
    core::Analyzer analyzer;
    const auto id = test::importText(t.library(), "Both", core::Date(2025, 3, 5),
                                     "The Coastal Fisheries Board said on Monday that quotas would fall. "
                                     "The CFB chair, Maria Okafor, met Norway officials.");
    test::importText(t.library(), "Acronym only", core::Date(2025, 3, 4), "The CFB said on Friday that it would review the quotas.");
    auto& entities = t.library().entities();
    const auto cfb = *entities.find("CFB");
    ui::ArticleDocument doc(t.library(), analyzer);
    ASSERT_TRUE(doc.open(id));
    ui::EntityCard card(&doc);
    card.showEntity(QStringLiteral("organization/coastal-fisheries-board"));
    EXPECT_FALSE(card.toPlainText().contains(QStringLiteral("Also called")));
    EXPECT_FALSE(card.toPlainText().contains(QStringLiteral("Acronym only")));

    entities.merge(cfb, *entities.find("Coastal Fisheries Board"));
    doc.reloadAnalysis();  // what the merge command does
    const QString text = card.toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Also called CFB split off"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Mentions (2)")));
    EXPECT_TRUE(text.contains(QStringLiteral("Acronym only")));  // the other article, by the other name
    EXPECT_TRUE(card.toHtml().contains(QStringLiteral("split:%1").arg(cfb.id)));

    qint64 split = 0;
    QString merge;
    QObject::connect(&card, &ui::EntityCard::splitRequested, [&](qint64 alias) { split = alias; });
    QObject::connect(&card, &ui::EntityCard::mergeRequested, [&](const QString& entity) { merge = entity; });
    Q_EMIT card.anchorClicked(QUrl(QStringLiteral("split:%1").arg(cfb.id)));
    Q_EMIT card.anchorClicked(QUrl(QStringLiteral("merge:")));
    EXPECT_EQ(split, cfb.id);
    EXPECT_EQ(merge, QStringLiteral("organization/coastal-fisheries-board"));
}
