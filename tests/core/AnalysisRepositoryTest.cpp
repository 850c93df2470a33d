#include "core/storage/AnalysisRepository.h"

#include <gtest/gtest.h>

#include "core/storage/ArticleRepository.h"
#include "core/storage/Database.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/Statement.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;
using dossier::test::TempLibrary;

namespace {
const std::string kText = "Lee met Xi in Beijing on Monday. Lee said so.";

Analysis sampleAnalysis() {
    Analysis a;
    a.entities.push_back({"person/lee", "Lee Jae Myung", EntityType::Person, "President", "South Korea", "",
                          {{{0, 3}, "Lee"}, {{33, 36}, "Lee"}}});
    a.entities.push_back({"person/xi", "Xi Jinping", EntityType::Person, "", "China", "", {{{8, 10}, "Xi"}}});
    a.entities.push_back({"place/beijing", "Beijing", EntityType::Place, "", "China", "China", {{{14, 21}, "Beijing"}}});
    a.timex.push_back({{25, 31}, "Monday", TimexType::Date, "2026-01-05", ""});
    a.relations.push_back({"person/lee", "person/xi", "meets", "2026-01-05", {0, 32}});
    a.chronology.push_back({"2026-01-05", "Lee met Xi in Beijing on Monday.", {"person/lee", "person/xi"}, {0, 32}, "Monday"});
    a.background.push_back({"", "Lee said so.", {"person/lee"}, {33, 45}, ""});
    return a;
}

ArticleId addArticle(Library& lib, const std::string& text = kText) {
    ArticleMeta m;
    m.title = "t";
    return lib.articles().add(m, text).id;
}
}  // namespace

TEST(AnalysisRepository, StoredAnalysisLoadsBackWhole) {
    TempLibrary t;
    const auto id = addArticle(t.library());
    t.library().analyses().store(id, sampleAnalysis(), 1);
    t.reopen();
    const Analysis a = t.library().analyses().load(id);
    ASSERT_EQ(a.entities.size(), 3u);
    const Entity* lee = a.findEntity("person/lee");
    ASSERT_TRUE(lee);
    EXPECT_EQ(lee->name, "Lee Jae Myung");
    EXPECT_EQ(lee->role, "President");
    EXPECT_EQ(lee->country, "South Korea");
    ASSERT_EQ(lee->mentions.size(), 2u);
    EXPECT_EQ(lee->mentions[1].span, (Span{33, 36}));
    EXPECT_EQ(a.findEntity("place/beijing")->standsFor, "China");
    ASSERT_EQ(a.timex.size(), 1u);
    EXPECT_EQ(a.timex[0].value, "2026-01-05");
    ASSERT_EQ(a.relations.size(), 1u);
    EXPECT_EQ(a.relations[0].type, "meets");
    EXPECT_EQ(a.relations[0].target, "person/xi");
    ASSERT_EQ(a.chronology.size(), 1u);
    EXPECT_EQ(a.chronology[0].entities.size(), 2u);
    EXPECT_EQ(a.chronology[0].timexText, "Monday");
    ASSERT_EQ(a.background.size(), 1u);
}

TEST(AnalysisRepository, SamePersonInTwoArticlesIsOneEntity) {
    TempLibrary t;
    const auto first = addArticle(t.library());
    const auto second = addArticle(t.library(), kText + " Again.");
    t.library().analyses().store(first, sampleAnalysis(), 1);
    t.library().analyses().store(second, sampleAnalysis(), 1);
    const auto articles = t.library().analyses().articlesMentioning("Lee Jae Myung", EntityType::Person);
    ASSERT_EQ(articles.size(), 2u);
    EXPECT_EQ(articles[0].mentions, 2);
    EXPECT_TRUE(t.library().analyses().articlesMentioning("Lee Jae Myung", EntityType::Place).empty());
}

TEST(AnalysisRepository, ReanalysisReplacesAutomaticResultsWithoutDuplicates) {
    TempLibrary t;
    const auto id = addArticle(t.library());
    t.library().analyses().store(id, sampleAnalysis(), 1);
    Analysis changed = sampleAnalysis();
    changed.timex[0].value = "2026-01-12";
    changed.relations.clear();
    t.library().analyses().store(id, changed, 2);
    const Analysis a = t.library().analyses().load(id);
    EXPECT_EQ(a.findEntity("person/lee")->mentions.size(), 2u);
    ASSERT_EQ(a.timex.size(), 1u);
    EXPECT_EQ(a.timex[0].value, "2026-01-12");
    EXPECT_TRUE(a.relations.empty());
}

TEST(AnalysisRepository, UserCorrectionsSurviveReanalysis) {
    TempLibrary t;
    auto& repo = t.library().analyses();
    const auto id = addArticle(t.library());
    repo.store(id, sampleAnalysis(), 1);
    // The user marks "Monday" as... a policy (any user entity will do) and rejects the second "Lee".
    repo.addUserMention(id, {"policy/monday", "Monday talks", EntityType::Policy, "", "", "", {}},
                        {{25, 31}, "Monday", Origin::User});
    repo.rejectMention(id, {33, 36});
    repo.store(id, sampleAnalysis(), 2);  // analysed again

    const Analysis a = repo.load(id);
    const Entity* user = a.findEntity("policy/monday");
    ASSERT_TRUE(user);
    ASSERT_EQ(user->mentions.size(), 1u);
    EXPECT_EQ(user->mentions[0].origin, Origin::User);
    const Entity* lee = a.findEntity("person/lee");
    ASSERT_TRUE(lee);
    ASSERT_EQ(lee->mentions.size(), 1u);
    EXPECT_EQ(lee->mentions[0].span, (Span{0, 3}));
}

TEST(AnalysisRepository, MergedEntitiesLoadAsOneWithoutRelationsToThemselves) {
    TempLibrary t;
    const auto id = addArticle(t.library());
    t.library().analyses().store(id, sampleAnalysis(), 1);
    auto& entities = t.library().entities();
    // Contrived, to see every part of the article follow: Xi is said to be Lee.
    entities.merge(*entities.find("Xi Jinping"), *entities.find("Lee Jae Myung"));

    const Analysis a = t.library().analyses().load(id);
    ASSERT_EQ(a.entities.size(), 2u);
    const Entity* lee = a.findEntity("person/lee");  // the canonical entity's own id in the article
    ASSERT_TRUE(lee);
    EXPECT_FALSE(a.findEntity("person/xi"));
    EXPECT_EQ(lee->role, "President");
    ASSERT_EQ(lee->mentions.size(), 3u);
    EXPECT_EQ(lee->mentions[1].text, "Xi");  // in text order
    EXPECT_TRUE(a.relations.empty());         // "Lee meets Xi" is now a relation of one entity with itself
    ASSERT_EQ(a.chronology.size(), 1u);
    EXPECT_EQ(a.chronology[0].entities, std::vector<std::string>{"person/lee"});
}
