#include "core/storage/ArticleRepository.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "core/storage/AnnotationRepository.h"
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
