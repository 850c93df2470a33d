#include "core/storage/EntityRepository.h"

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;
using dossier::test::TempLibrary;

using dossier::test::importText;

TEST(EntityRepository, ProfileFollowsAPersonAcrossArticles) {
    TempLibrary t;
    importText(t.library(), "First", Date(2025, 3, 10),
        "Mexican President Claudia Sheinbaum met Canadian Prime Minister Mark Carney in Ottawa on Friday.");
    importText(t.library(), "Second", Date(2025, 6, 2),
        "Claudia Sheinbaum will meet Mark Carney again on Thursday. Sheinbaum said Mexico wants a deal.");
    importText(t.library(), "Unrelated", Date(2025, 6, 3), "Norway and Sweden signed a fisheries accord.");

    const auto ref = t.library().entities().find("Claudia Sheinbaum");
    ASSERT_TRUE(ref);
    EXPECT_EQ(ref->type, EntityType::Person);
    const EntityProfile p = t.library().entities().profile(*ref);

    ASSERT_EQ(p.articles.size(), 2u);
    EXPECT_EQ(p.articles[0].article.meta.title, "Second");  // newest first
    EXPECT_EQ(p.articles[0].mentions, 2);

    ASSERT_FALSE(p.cooccurring.empty());
    EXPECT_EQ(p.cooccurring[0].entity.name, "Mark Carney");
    EXPECT_EQ(p.cooccurring[0].articles, 2);

    const auto meets = std::find_if(p.relations.begin(), p.relations.end(),
                                    [](const AggregatedRelation& r) { return r.type == "meets"; });
    ASSERT_NE(meets, p.relations.end());
    EXPECT_EQ(meets->articles, 2);

    std::vector<std::string> when;
    for (const auto& ev : p.chronology) when.push_back(ev.when);
    EXPECT_EQ(when, (std::vector<std::string>{"2025-03-07", "2025-06-05"}));
}

TEST(EntityRepository, FindPrefersTheRequestedTypeAndKnowsWhatIsMissing) {
    TempLibrary t;
    importText(t.library(), "Georgia", Date(2025, 1, 1), "Georgia's president visited Tbilisi.");
    EXPECT_EQ(t.library().entities().find("Georgia")->type, EntityType::Country);
    EXPECT_FALSE(t.library().entities().find("Georgia", EntityType::Person));
    EXPECT_FALSE(t.library().entities().find("Atlantis"));
}
