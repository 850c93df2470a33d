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
