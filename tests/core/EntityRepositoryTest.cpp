#include "core/storage/EntityRepository.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "core/storage/ArticleRepository.h"
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

namespace {
// An organisation the knowledge base does not know, named in full in one article, by its
// acronym in another, and both ways in a third: the analysis makes two entities of it.
constexpr const char* kFullName = "The Coastal Fisheries Board said on Monday that quotas would fall.";
constexpr const char* kAcronym = "The CFB said on Friday that it would review the quotas. Norway welcomed the review.";
constexpr const char* kBoth =
    "The Coastal Fisheries Board said on Monday that quotas would fall. The CFB chair, Maria Okafor, met Norway officials.";

struct Board {
    TempLibrary t;
    ArticleId full = 0, acronym = 0, both = 0;
    Board() {
        full = importText(t.library(), "Board", Date(2025, 3, 3), kFullName);
        acronym = importText(t.library(), "Acronym", Date(2025, 3, 4), kAcronym);
        both = importText(t.library(), "Both", Date(2025, 3, 5), kBoth);
    }
    EntityRepository& entities() { return t.library().entities(); }
    EntityRef ref(const std::string& name) { return *entities().find(name, EntityType::Organization); }
    std::size_t mentioning(const std::string& name) {
        return t.library().analyses().articlesMentioning(name, EntityType::Organization).size();
    }
    std::size_t found(const std::string& entity) {
        SearchFilter f;
        f.entity = entity;
        return t.library().articles().search("quotas", f).size();
    }
};

// What a reader sees of an article's entities: name, type and mention texts with spans.
std::vector<std::string> seen(Library& lib, ArticleId id) {
    std::vector<std::string> out;
    const Analysis a = lib.analyses().load(id);
    for (const Entity& e : a.entities) {
        std::string line = std::string(toString(e.type)) + " " + e.name + ":";
        for (const Mention& m : e.mentions)
            line += " " + m.text + "@" + std::to_string(m.span.start) + "-" + std::to_string(m.span.end);
        out.push_back(line);
    }
    for (const Relation& r : a.relations) out.push_back(r.source + " " + r.type + " " + r.target);
    for (const ChronologyEvent& ev : a.chronology) {
        std::string line = ev.when;
        for (const auto& local : ev.entities) line += " " + local;
        out.push_back(line);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> names(const std::vector<EntityRef>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs) out.push_back(r.name);
    return out;
}
}  // namespace

TEST(EntityRepository, MergedNamesAreOneEntityInEveryArticleProfileAndSearch) {
    Board b;
    ASSERT_TRUE(b.entities().find("CFB", EntityType::Organization));
    EXPECT_EQ(b.mentioning("CFB"), 2u);
    EXPECT_EQ(b.found("Coastal Fisheries Board"), 2u);

    EXPECT_FALSE(b.entities().merge(b.ref("CFB"), b.ref("Coastal Fisheries Board")).empty());

    for (const char* name : {"CFB", "Coastal Fisheries Board"}) {
        EXPECT_EQ(b.mentioning(name), 3u) << name;
        EXPECT_EQ(b.found(name), 3u) << name;
    }
    const EntityProfile p = b.entities().profile(b.ref("CFB"));  // asked by the merged-away name
    EXPECT_EQ(p.entity.name, "Coastal Fisheries Board");
    EXPECT_EQ(names(p.aliases), std::vector<std::string>{"CFB"});
    ASSERT_EQ(p.articles.size(), 3u);
    EXPECT_EQ(p.articles[0].article.meta.title, "Both");
    EXPECT_EQ(p.articles[0].mentions, 2);  // both names count
    ASSERT_FALSE(p.cooccurring.empty());
    EXPECT_EQ(p.cooccurring[0].entity.name, "Norway");
    EXPECT_EQ(p.cooccurring[0].articles, 2);
    for (const auto& c : p.cooccurring) EXPECT_NE(c.entity.name, "CFB");  // not with itself

    // In the article that says only "CFB" it is the Board; where both are named, one entity.
    const Analysis acronym = b.t.library().analyses().load(b.acronym);
    const auto board = std::find_if(acronym.entities.begin(), acronym.entities.end(),
                                    [](const Entity& e) { return e.type == EntityType::Organization; });
    ASSERT_NE(board, acronym.entities.end());
    EXPECT_EQ(board->name, "Coastal Fisheries Board");
    EXPECT_EQ(board->mentions.at(0).text, "CFB");
    const auto lines = seen(b.t.library(), b.both);
    EXPECT_EQ(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.starts_with("organization"); }), 1);
    EXPECT_NE(std::find(lines.begin(), lines.end(), "organization Coastal Fisheries Board: Coastal Fisheries Board@4-27 CFB@71-74"),
              lines.end());
}

TEST(EntityRepository, MergeHoldsAfterReanalysisNewImportsAndReopening) {
    Board b;
    b.entities().merge(b.ref("CFB"), b.ref("Coastal Fisheries Board"));
    const Analyzer analyzer;
    ArticleImporter(b.t.library(), analyzer).reanalyze(b.acronym);  // replaces the automatic rows
    const auto later = importText(b.t.library(), "Later", Date(2025, 4, 1), "The CFB met again on Tuesday about quotas.");
    b.t.reopen();

    for (ArticleId id : {b.acronym, later}) {
        const auto lines = seen(b.t.library(), id);
        EXPECT_TRUE(std::any_of(lines.begin(), lines.end(),
                                [](const std::string& l) { return l.starts_with("organization Coastal Fisheries Board: CFB@"); }))
            << id;
    }
    EXPECT_EQ(b.mentioning("Coastal Fisheries Board"), 4u);
    EXPECT_EQ(b.found("Coastal Fisheries Board"), 4u);
    EXPECT_EQ(b.entities().profile(b.ref("Coastal Fisheries Board")).articles.size(), 4u);
}

TEST(EntityRepository, SplitRestoresBothEntitiesExactly) {
    Board b;
    Library& lib = b.t.library();
    const std::vector<std::vector<std::string>> before{seen(lib, b.full), seen(lib, b.acronym), seen(lib, b.both)};
    const auto profileBefore = b.entities().profile(b.ref("CFB"));

    b.entities().merge(b.ref("CFB"), b.ref("Coastal Fisheries Board"));
    ASSERT_NE(seen(lib, b.both), before[2]);
    const AliasChanges split = b.entities().split(b.ref("CFB"));
    ASSERT_EQ(split.size(), 1u);
    EXPECT_EQ(split[0].entity, b.ref("CFB").id);
    EXPECT_EQ((std::vector<std::vector<std::string>>{seen(lib, b.full), seen(lib, b.acronym), seen(lib, b.both)}), before);
    EXPECT_EQ(b.mentioning("CFB"), 2u);
    EXPECT_EQ(b.mentioning("Coastal Fisheries Board"), 2u);
    EXPECT_EQ(b.found("CFB"), 2u);
    const auto profileAfter = b.entities().profile(b.ref("CFB"));
    EXPECT_EQ(profileAfter.entity.name, "CFB");
    EXPECT_TRUE(profileAfter.aliases.empty());
    EXPECT_EQ(profileAfter.articles.size(), profileBefore.articles.size());
    EXPECT_EQ(profileAfter.cooccurring.size(), profileBefore.cooccurring.size());

    // Splitting the canonical entity detaches every name merged into it; revert merges them back.
    b.entities().merge(b.ref("CFB"), b.ref("Coastal Fisheries Board"));
    const AliasChanges all = b.entities().split(b.ref("Coastal Fisheries Board"));
    EXPECT_EQ(seen(lib, b.both), before[2]);
    b.entities().revert(all);
    EXPECT_EQ(b.entities().canonical(b.ref("CFB")).name, "Coastal Fisheries Board");
    EXPECT_TRUE(b.entities().split(*b.entities().find("Norway")).empty());  // nothing merged: nothing to split
}

TEST(EntityRepository, MergingIntoAMergedEntityKeepsOneStepAndNeverACycle) {
    TempLibrary t;
    ArticleMeta meta;
    meta.title = "names";
    const std::string text = "Ann Bo Cy Di";
    const auto id = t.library().articles().add(meta, text).id;
    Analysis a;
    for (const auto& [name, start] : {std::pair{"Ann", 0}, {"Bo", 4}, {"Cy", 7}, {"Di", 10}})
        a.entities.push_back({std::string("person/") + name, name, EntityType::Person, "", "", "",
                              {{{start, start + static_cast<Offset>(std::string(name).size())}, name}}});
    t.library().analyses().store(id, a, 1);
    EntityRepository& e = t.library().entities();
    auto ref = [&](const char* name) { return *e.find(name); };

    e.merge(ref("Ann"), ref("Bo"));
    e.merge(ref("Cy"), ref("Ann"));  // into a merged-away name: joins its entity
    EXPECT_EQ(e.canonical(ref("Cy")).name, "Bo");
    EXPECT_EQ(names(e.aliasesOf(ref("Cy"))), (std::vector<std::string>{"Ann", "Cy"}));
    EXPECT_TRUE(e.merge(ref("Bo"), ref("Cy")).empty());  // already one: a cycle is never made
    EXPECT_TRUE(e.merge(ref("Ann"), ref("Ann")).empty());

    const AliasChanges moved = e.merge(ref("Bo"), ref("Di"));  // the whole group moves
    for (const char* name : {"Ann", "Bo", "Cy"}) EXPECT_EQ(e.canonical(ref(name)).name, "Di") << name;
    EXPECT_EQ(names(e.aliasesOf(ref("Di"))), (std::vector<std::string>{"Ann", "Bo", "Cy"}));
    EXPECT_EQ(seen(t.library(), id), std::vector<std::string>{"person Di: Ann@0-3 Bo@4-6 Cy@7-9 Di@10-12"});

    e.revert(moved);
    EXPECT_EQ(e.canonical(ref("Ann")).name, "Bo");
    EXPECT_EQ(e.canonical(ref("Cy")).name, "Bo");
    EXPECT_TRUE(e.aliasesOf(ref("Di")).empty());
    EXPECT_EQ(seen(t.library(), id), (std::vector<std::string>{"person Bo: Ann@0-3 Bo@4-6 Cy@7-9", "person Di: Di@10-12"}));
}

TEST(EntityRepository, RevertLeavesNamesChangedSinceAlone) {
    Board b;
    const AliasChanges first = b.entities().merge(b.ref("CFB"), b.ref("Coastal Fisheries Board"));
    b.entities().split(b.ref("CFB"));  // e.g. from the command line
    b.entities().merge(b.ref("CFB"), *b.entities().find("Norway"));
    b.entities().revert(first);
    EXPECT_EQ(b.entities().canonical(b.ref("CFB")).name, "Norway");
}

TEST(EntityRepository, SearchFindsEntitiesByAnyOfTheirNames) {
    Board b;
    const auto hits = [&](const std::string& text) {
        std::vector<std::string> out;
        for (const auto& m : b.entities().search(text)) out.push_back(m.entity.name + " " + std::to_string(m.articles));
        return out;
    };
    EXPECT_EQ(hits("fisheries"), std::vector<std::string>{"Coastal Fisheries Board 2"});
    EXPECT_EQ(hits("cf"), std::vector<std::string>{"CFB 2"});
    EXPECT_TRUE(hits("100%").empty());  // LIKE wildcards are literal
    b.entities().merge(b.ref("CFB"), b.ref("Coastal Fisheries Board"));
    EXPECT_EQ(hits("cf"), std::vector<std::string>{"Coastal Fisheries Board 3"});  // found by its alias
}

// A country in thousands of articles: the profile counts them all, lists the newest
// (by publication date, not import order) and looks at the newest `window` for the rest.
TEST(EntityRepository, WidespreadEntityListsItsNewestArticlesAndCountsAll) {
    TempLibrary t;
    std::vector<ArticleId> ids;
    for (int day = 1; day <= 12; ++day)  // imported oldest last, so import order is not date order
        ids.push_back(importText(t.library(), "Day " + std::to_string(13 - day), Date(2025, 4, 13 - day),
                                 "Norway signed a deal with Sweden on article " + std::to_string(day) + "."));
    importText(t.library(), "Undated", std::nullopt, "Norway and Finland met.");
    const auto norway = t.library().entities().find("Norway");
    ASSERT_TRUE(norway);

    const EntityProfile p = t.library().entities().profile(*norway, 3, 5);
    EXPECT_EQ(p.articleCount, 13);
    ASSERT_EQ(p.articles.size(), 3u);
    EXPECT_EQ(p.articles[0].article.meta.title, "Day 12");
    EXPECT_EQ(p.articles[2].article.meta.title, "Day 10");
    ASSERT_FALSE(p.cooccurring.empty());
    EXPECT_EQ(p.cooccurring[0].entity.name, "Sweden");
    EXPECT_EQ(p.cooccurring[0].articles, 5);  // within the newest five

    // Redating an article moves it in the entity's list at once.
    t.library().articles().setPublished(ids.back(), Date(2025, 5, 1));  // "Day 1" becomes the newest
    const EntityProfile after = t.library().entities().profile(*norway, 3, 5);
    ASSERT_FALSE(after.articles.empty());
    EXPECT_EQ(after.articles[0].article.meta.title, "Day 1");
}
