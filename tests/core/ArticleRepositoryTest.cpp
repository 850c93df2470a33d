#include "core/storage/ArticleRepository.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "core/storage/AnalysisRepository.h"
#include "core/storage/AnnotationRepository.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/StorageError.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;
using dossier::test::TempLibrary;

namespace {
ArticleMeta meta(const std::string& title, std::optional<Date> published = std::nullopt) {
    ArticleMeta m;
    m.title = title;
    m.source = "Test Wire";
    m.published = published;
    return m;
}
}  // namespace

TEST(ArticleRepository, AddedArticleReadsBackWithAllMetadata) {
    TempLibrary t;
    auto& repo = t.library().articles();
    ArticleMeta m = meta("Talks in Seoul", Date(2026, 1, 4));
    m.url = "https://example.org/a";
    m.author = "A. Writer";
    const auto r = repo.add(m, "Leaders met in Seoul on Sunday.");
    ASSERT_TRUE(r.added);
    t.reopen();
    const auto a = t.library().articles().get(r.id);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->meta.title, "Talks in Seoul");
    EXPECT_EQ(a->meta.url, "https://example.org/a");
    EXPECT_EQ(a->meta.author, "A. Writer");
    EXPECT_EQ(a->meta.published->toIso(), "2026-01-04");
    EXPECT_EQ(a->text, "Leaders met in Seoul on Sunday.");
    EXPECT_EQ(a->contentHash.size(), 64u);
    EXPECT_FALSE(a->imported.empty());
}

TEST(ArticleRepository, SameTextTwiceIsOneArticle) {
    TempLibrary t;
    auto& repo = t.library().articles();
    const auto first = repo.add(meta("One"), "Same words.");
    const auto second = repo.add(meta("Other title"), "Same words.");
    EXPECT_TRUE(first.added);
    EXPECT_FALSE(second.added);
    EXPECT_EQ(first.id, second.id);
    EXPECT_EQ(repo.count(), 1);
}

TEST(ArticleRepository, ListIsNewestFirstWithUndatedLast) {
    TempLibrary t;
    auto& repo = t.library().articles();
    repo.add(meta("Old", Date(2024, 5, 1)), "a");
    repo.add(meta("Undated"), "b");
    repo.add(meta("New", Date(2026, 1, 4)), "c");
    const auto list = repo.list();
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].meta.title, "New");
    EXPECT_EQ(list[1].meta.title, "Old");
    EXPECT_EQ(list[2].meta.title, "Undated");
}

TEST(ArticleRepository, SearchFindsWordsPhrasesAndPrefixesWithSnippets) {
    TempLibrary t;
    auto& repo = t.library().articles();
    repo.add(meta("Trade talks"), "India and the United States resumed trade talks in New Delhi.");
    repo.add(meta("Climate"), "Delegates in Belém discussed forest finance.");
    const auto hits = repo.search("\"trade talks\"");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].article.meta.title, "Trade talks");
    EXPECT_NE(hits[0].snippet.find("[trade talks]"), std::string::npos);
    EXPECT_EQ(repo.search("forest*").size(), 1u);
    EXPECT_EQ(repo.search("Belem").size(), 1u);  // diacritics folded
    EXPECT_EQ(repo.search("talks OR finance").size(), 2u);
    EXPECT_TRUE(repo.search("   ").empty());
}

TEST(ArticleRepository, TitleMatchesRankAboveTextMatches) {
    TempLibrary t;
    auto& repo = t.library().articles();
    repo.add(meta("Weather report"), "Sanctions were mentioned once, in passing, among many other words here.");
    repo.add(meta("Sanctions package agreed"), "Leaders agreed on a package.");
    const auto hits = repo.search("sanctions");
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].article.meta.title, "Sanctions package agreed");
}

TEST(ArticleRepository, MalformedQueryIsExplainedNotACrash) {
    TempLibrary t;
    auto& repo = t.library().articles();
    repo.add(meta("x"), "text");
    for (const char* bad : {"\"unclosed", "AND", "(talks", "talks NOT", "*x"}) {
        try {
            repo.search(bad);
            ADD_FAILURE() << "query should be refused: " << bad;
        } catch (const StorageError& e) {
            EXPECT_EQ(e.kind(), StorageError::Kind::BadQuery) << bad;
            EXPECT_NE(std::string(e.what()).find("is not valid"), std::string::npos);
        }
    }
    EXPECT_EQ(repo.count(), 1);
}

TEST(ArticleRepository, RemovedArticleLeavesTheSearchIndex) {
    TempLibrary t;
    auto& repo = t.library().articles();
    const auto id = repo.add(meta("Gone"), "Ephemeral words").id;
    EXPECT_TRUE(repo.remove(id));
    EXPECT_TRUE(repo.search("ephemeral").empty());
    EXPECT_FALSE(repo.get(id));
}

// A batch indexes its group at once, inside the transaction that adds the articles: an
// article is searchable the moment it is committed, and one rolled back leaves no trace.
TEST(ArticleRepository, DeferredIndexingMakesTheGroupSearchableBeforeItCommits) {
    TempLibrary t;
    auto& repo = t.library().articles();
    repo.add(meta("Before"), "Fisheries talks in Oslo");
    {
        auto tx = t.library().transaction();
        repo.deferIndexing();
        repo.add(meta("One"), "Fisheries quotas for cod");
        {
            auto article = t.library().transaction();  // a savepoint, as each article of a batch has
            repo.add(meta("Dropped"), "Fisheries and herring");
        }  // rolled back
        repo.add(meta("Two"), "Cod stocks recover");
        EXPECT_EQ(repo.search("cod").size(), 0u);  // not yet
        repo.indexDeferred();
        tx.commit();
    }
    EXPECT_EQ(repo.search("cod").size(), 2u);
    EXPECT_EQ(repo.search("fisheries").size(), 2u);
    EXPECT_TRUE(repo.search("herring").empty());
    // Outside a batch each article is indexed as it is added.
    repo.add(meta("After"), "Herring quotas");
    EXPECT_EQ(repo.search("herring").size(), 1u);
}

namespace {
ArticleId importArticle(Library& lib, const std::string& title, Date published, const std::string& source,
                        const std::string& text) {
    return dossier::test::importText(lib, title, published, text, source);
}
}  // namespace

TEST(ArticleRepository, SearchFiltersByEntityTypeDateSourceAndTag) {
    TempLibrary t;
    auto& lib = t.library();
    const auto a = importArticle(lib, "Talks in Ottawa", Date(2025, 3, 10), "Wire A",
                                 "Mexican President Claudia Sheinbaum held trade talks in Ottawa.");
    importArticle(lib, "Talks in Oslo", Date(2025, 6, 1), "Wire B", "Norway and Sweden held fisheries talks in Oslo.");
    Annotation note;
    note.article = a;
    note.span = {0, 7};
    note.tags = {"follow-up"};
    lib.annotations().add(note);

    auto titles = [&](const SearchFilter& f) {
        std::vector<std::string> out;
        for (const auto& h : lib.articles().search("talks", f)) out.push_back(h.article.meta.title);
        std::sort(out.begin(), out.end());
        return out;
    };
    EXPECT_EQ(titles({}).size(), 2u);
    EXPECT_EQ(titles({.entity = "Claudia Sheinbaum"}), std::vector<std::string>{"Talks in Ottawa"});
    EXPECT_EQ(titles({.entityType = EntityType::Person}), std::vector<std::string>{"Talks in Ottawa"});
    EXPECT_EQ(titles({.from = Date(2025, 5, 1)}), std::vector<std::string>{"Talks in Oslo"});
    EXPECT_EQ(titles({.to = Date(2025, 5, 1)}), std::vector<std::string>{"Talks in Ottawa"});
    EXPECT_EQ(titles({.source = "Wire B"}), std::vector<std::string>{"Talks in Oslo"});
    EXPECT_EQ(titles({.tag = "follow-up"}), std::vector<std::string>{"Talks in Ottawa"});
}

TEST(ArticleRepository, SearchFindsArticlesByTheirAnnotationNotes) {
    TempLibrary t;
    auto& lib = t.library();
    const auto id = importArticle(lib, "Budget", Date(2025, 1, 1), "", "The minister presented the budget.");
    Annotation note;
    note.article = id;
    note.span = {4, 12};
    note.note = "compare with the spring statement";
    lib.annotations().add(note);
    const auto hits = lib.articles().search("spring");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].article.id, id);
    EXPECT_NE(hits[0].snippet.find("[spring]"), std::string::npos);
}

namespace {
std::vector<ArticleId> idsOf(const std::vector<ArticleSummary>& articles) {
    std::vector<ArticleId> ids;
    for (const auto& a : articles) ids.push_back(a.id);
    return ids;
}

// The listing order, written out here rather than taken from the SQL: newest published first,
// undated last, the later import (the higher id) first among equals.
std::vector<ArticleId> inListingOrder(std::vector<ArticleSummary> articles) {
    std::sort(articles.begin(), articles.end(), [](const ArticleSummary& a, const ArticleSummary& b) {
        if (a.meta.published.has_value() != b.meta.published.has_value()) return a.meta.published.has_value();
        if (a.meta.published != b.meta.published) return *b.meta.published < *a.meta.published;
        return b.id < a.id;
    });
    return idsOf(articles);
}

// Every article the filter passes, read page by page as the library list does.
std::vector<ArticleId> pageThrough(ArticleRepository& repo, const SearchFilter& filter, int pageSize) {
    std::vector<ArticleId> out;
    std::optional<ListPosition> after;
    for (int guard = 0; guard < 10000; ++guard) {
        const auto page = repo.page(filter, pageSize, after);
        for (const auto& a : page) out.push_back(a.id);
        if (static_cast<int>(page.size()) < pageSize) break;
        after = ListPosition::of(page.back());
    }
    return out;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}
}  // namespace

TEST(ArticleRepository, PagesFollowTheListingOrderAcrossTiesAndUndatedArticles) {
    TempLibrary t;
    auto& repo = t.library().articles();
    // Forty articles on five dates, added out of date order, every fifth undated.
    for (int i = 0; i < 40; ++i) {
        const std::optional<Date> date =
            i % 5 == 0 ? std::nullopt : std::optional<Date>(Date(2025, 1, 1 + static_cast<unsigned>(i * 7 % 5)));
        repo.add(meta("A" + std::to_string(i), date), "text " + std::to_string(i));
    }
    const std::vector<ArticleId> expected = inListingOrder(repo.list());
    ASSERT_EQ(expected.size(), 40u);
    EXPECT_EQ(idsOf(repo.list()), expected);
    EXPECT_EQ(idsOf(repo.list(5, 10)), std::vector<ArticleId>(expected.begin() + 10, expected.begin() + 15));
    for (int pageSize : {1, 3, 7, 8, 40, 200}) EXPECT_EQ(pageThrough(repo, {}, pageSize), expected) << pageSize;
}

TEST(ArticleRepository, AnArticleAddedBetweenTwoPagesNeitherRepeatsNorSkipsARow) {
    TempLibrary t;
    auto& repo = t.library().articles();
    for (int i = 0; i < 10; ++i) repo.add(meta("A" + std::to_string(i), Date(2025, 2, 1 + static_cast<unsigned>(i))), "t" + std::to_string(i));
    const auto first = repo.page({}, 4);
    const std::vector<ArticleId> before = inListingOrder(repo.list());
    repo.add(meta("Newest", Date(2026, 1, 1)), "new");
    std::vector<ArticleId> seen = idsOf(first);
    for (const auto& a : repo.page({}, 100, ListPosition::of(first.back()))) seen.push_back(a.id);
    EXPECT_EQ(seen, before);
}

TEST(ArticleRepository, ListingFiltersByEntityTypeDateSourceAndTagAsSearchDoes) {
    TempLibrary t;
    auto& lib = t.library();
    const auto ottawa = importArticle(lib, "Talks in Ottawa", Date(2025, 3, 10), "Wire A",
                                      "Mexican President Claudia Sheinbaum held trade talks in Ottawa.");
    const auto oslo = importArticle(lib, "Talks in Oslo", Date(2025, 6, 1), "Wire B",
                                    "Norway and Sweden held fisheries talks in Oslo.");
    const auto undated = dossier::test::importText(lib, "Undated", std::nullopt,
                                                   "Mexican President Claudia Sheinbaum spoke in Mexico City.", "Wire B");
    Annotation note;
    note.article = ottawa;
    note.span = {0, 7};
    note.tags = {"follow-up"};
    lib.annotations().add(note);

    auto listed = [&](const SearchFilter& f) { return idsOf(lib.articles().page(f, 50)); };
    using Ids = std::vector<ArticleId>;
    EXPECT_EQ(listed({}), (Ids{oslo, ottawa, undated}));
    EXPECT_EQ(listed({.entity = "Claudia Sheinbaum"}), (Ids{ottawa, undated}));
    EXPECT_EQ(listed({.entity = "Claudia Sheinbaum", .entityType = EntityType::Country}), Ids{});
    EXPECT_EQ(listed({.entityType = EntityType::Person}), (Ids{ottawa, undated}));
    EXPECT_EQ(listed({.from = Date(2025, 5, 1)}), Ids{oslo});
    EXPECT_EQ(listed({.to = Date(2025, 5, 1)}), Ids{ottawa});  // an undated article is in no date range
    EXPECT_EQ(listed({.source = "Wire B"}), (Ids{oslo, undated}));
    EXPECT_EQ(listed({.tag = "follow-up"}), Ids{ottawa});
    EXPECT_EQ(listed({.entity = "Atlantis"}), Ids{});
    // Paging on from the first: the undated article follows.
    EXPECT_EQ(idsOf(lib.articles().page({.entity = "Claudia Sheinbaum"}, 50, ListPosition{Date(2025, 3, 10), ottawa})),
              Ids{undated});
}

TEST(ArticleRepository, ACommonEntityIsListedAlongTheDateIndexAndARareOneFromItsOwn) {
    TempLibrary t;
    auto& lib = t.library();
    auto mentioning = [](const std::string& name) {
        Entity e;
        e.id = "country/" + name;
        e.name = name;
        e.type = EntityType::Country;
        e.mentions.push_back(Mention{Span{0, 4}, "text", Origin::Automatic});
        Analysis a;
        a.entities.push_back(e);
        return a;
    };
    // More articles mention Brazil than the listing would read from the entity's side and sort
    // (2,000 links); few mention Chile. Every seventh is undated.
    std::map<ArticleId, bool> isChile;
    {
        auto tx = lib.transaction();
        for (int i = 0; i < 2100; ++i) {
            const std::optional<Date> date =
                i % 7 == 0 ? std::nullopt : std::optional<Date>(Date(2020, 1, 1).addDays(i * 13 % 900));
            const ArticleId id = lib.articles().add(meta("A" + std::to_string(i), date), "text " + std::to_string(i)).id;
            isChile[id] = i % 70 == 3;
            lib.analyses().store(id, mentioning(isChile[id] ? "Chile" : "Brazil"), 1,
                                 AnalysisRepository::Replace::Nothing);
        }
        tx.commit();
    }
    std::vector<ArticleSummary> brazil, chile;
    for (const auto& a : lib.articles().list()) (isChile[a.id] ? chile : brazil).push_back(a);
    ASSERT_GT(brazil.size(), 2000u);
    EXPECT_EQ(pageThrough(lib.articles(), {.entity = "Brazil"}, 200), inListingOrder(brazil));
    EXPECT_EQ(pageThrough(lib.articles(), {.entity = "Chile"}, 7), inListingOrder(chile));
    EXPECT_EQ(pageThrough(lib.articles(), {.entity = "Chile", .from = Date(2021, 1, 1)}, 7).size(),
              static_cast<std::size_t>(std::count_if(chile.begin(), chile.end(), [](const ArticleSummary& a) {
                  return a.meta.published && !(*a.meta.published < Date(2021, 1, 1));
              })));

    const std::string common = joined(lib.articles().explainPage({.entity = "Brazil"}, 200));
    EXPECT_NE(common.find("articles_by_published"), std::string::npos) << common;
    EXPECT_EQ(common.find("TEMP B-TREE"), std::string::npos) << common;
    const std::string rare = joined(lib.articles().explainPage({.entity = "Chile"}, 200));
    EXPECT_NE(rare.find("article_entities_by_entity"), std::string::npos) << rare;
    EXPECT_EQ(rare.find("SCAN a"), std::string::npos) << rare;
}

TEST(ArticleRepository, ListingPlansReadTheDateIndexInOrderWithoutSortingOrScanning) {
    TempLibrary t;
    auto& repo = t.library().articles();
    repo.add(meta("Dated", Date(2025, 1, 3)), "a");
    repo.add(meta("Undated"), "b");
    const std::vector<std::pair<const char*, std::vector<std::string>>> plans = {
        {"first page", repo.explainPage({}, 200)},
        {"after a dated row", repo.explainPage({}, 200, ListPosition{Date(2025, 1, 3), 5})},
        {"after an undated row", repo.explainPage({}, 200, ListPosition{std::nullopt, 5})},
        {"date range", repo.explainPage({.from = Date(2024, 1, 1), .to = Date(2024, 12, 31)}, 200)},
        {"date range after a row",
         repo.explainPage({.from = Date(2024, 1, 1), .to = Date(2024, 12, 31)}, 200, ListPosition{Date(2024, 6, 1), 9})},
        {"entity type", repo.explainPage({.entityType = EntityType::Person}, 200)},
    };
    for (const auto& [what, plan] : plans) {
        const std::string text = joined(plan);
        EXPECT_NE(text.find("articles_by_published"), std::string::npos) << what << ":\n" << text;
        EXPECT_EQ(text.find("TEMP B-TREE"), std::string::npos) << what << ":\n" << text;
        for (const auto& line : plan) EXPECT_FALSE(line.starts_with("SCAN")) << what << ":\n" << text;
    }
}

TEST(ArticleRepository, DateRangeSpansTheDatedArticlesAndIgnoresUndatedOnes) {
    TempLibrary t;
    auto& repo = t.library().articles();
    EXPECT_FALSE(repo.dateRange());
    repo.add(meta("Undated"), "a");
    EXPECT_FALSE(repo.dateRange());
    repo.add(meta("Middle", Date(2025, 3, 1)), "b");
    repo.add(meta("Oldest", Date(2019, 12, 31)), "c");
    repo.add(meta("Undated too"), "d");
    repo.add(meta("Newest", Date(2026, 1, 4)), "e");
    const auto range = repo.dateRange();
    ASSERT_TRUE(range);
    EXPECT_EQ(range->oldest.toIso(), "2019-12-31");
    EXPECT_EQ(range->newest.toIso(), "2026-01-04");
}

// The reader merged two names library-wide: filtering the list or a search by either
// name finds the articles of both.
TEST(ArticleRepository, EntityFilterFindsEveryNameOfAMergedEntity) {
    TempLibrary t;
    Library& lib = t.library();
    const ArticleId a = dossier::test::importText(lib, "Board", Date(2025, 1, 2), "The Fisheries Board met in Oslo.");
    const ArticleId b = dossier::test::importText(lib, "Agency", Date(2025, 1, 3), "The Fisheries Agency met in Bergen.");
    const auto board = lib.entities().find("Fisheries Board");
    const auto agency = lib.entities().find("Fisheries Agency");
    ASSERT_TRUE(board && agency);
    EXPECT_EQ(pageThrough(lib.articles(), {.entity = "Fisheries Board"}, 10), (std::vector<ArticleId>{a}));
    lib.entities().merge(*agency, *board);
    EXPECT_EQ(pageThrough(lib.articles(), {.entity = "Fisheries Board"}, 10), (std::vector<ArticleId>{b, a}));
    EXPECT_EQ(pageThrough(lib.articles(), {.entity = "Fisheries Agency"}, 10), (std::vector<ArticleId>{b, a}));
    EXPECT_EQ(lib.articles().search("met", {.entity = "Fisheries Agency"}).size(), 2u);
}
