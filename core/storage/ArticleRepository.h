#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/Analysis.h"
#include "core/model/Article.h"

namespace dossier::core {

class Database;

struct SearchHit {
    ArticleSummary article;
    std::string snippet;  // text around the matches, terms wrapped in the caller's marks
    double rank = 0;      // bm25: lower is better
};

// Narrows a search; empty fields do not filter.
struct SearchFilter {
    std::string entity{};                    // an entity the article mentions, by name
    std::optional<EntityType> entityType{};  // the article mentions an entity of this type (or the named one is of it)
    std::optional<Date> from{};              // published on or after
    std::optional<Date> to{};                // published on or before
    std::string source{};
    std::string tag{};  // an annotation in the article carries this tag
};

// The oldest and newest publication date in the library (undated articles aside).
struct DateRange {
    Date oldest;
    Date newest;
};

// Where a page of the article listing ended: its last row. The next page starts after it
// (keyset paging: a page costs the same however far down it is, and an import between two
// pages neither repeats nor skips a row).
struct ListPosition {
    std::optional<Date> published;
    ArticleId id = 0;
    static ListPosition of(const ArticleSummary& a) { return {a.meta.published, a.id}; }
};

struct SnippetMarks {
    std::string open = "[";
    std::string close = "]";
    std::string ellipsis = "…";
};

// Articles and their full-text index. Text is stored as imported; its SHA-256 makes
// the same content one article however often it is imported.
class ArticleRepository {
public:
    explicit ArticleRepository(Database& db) : db_(db) {}

    struct AddResult {
        ArticleId id = 0;
        bool added = false;  // false: the same text was already in the library
    };
    AddResult add(const ArticleMeta& meta, const std::string& text);
    // The same with the text's hashOf() already computed (an importer checks for a
    // duplicate before it spends time analysing the text).
    AddResult add(const ArticleMeta& meta, const std::string& text, const std::string& contentHash);

    std::optional<Article> get(ArticleId id);
    std::optional<ArticleId> findByHash(const std::string& contentHash);
    // The listing order: newest published first, undated last, the later import first among
    // equals, read from the index articles_by_published.
    std::vector<ArticleSummary> list(int limit = -1, int offset = 0);
    // A page of the articles that pass the filter (every field of it), in the listing order,
    // starting after `after` (at the top when empty). Not named list: list({}, 50) would
    // quietly pick list(int, int).
    std::vector<ArticleSummary> page(const SearchFilter& filter, int limit,
                                     const std::optional<ListPosition>& after = std::nullopt);
    // The plan SQLite chooses for that page ("EXPLAIN QUERY PLAN", one detail line per step),
    // so tests can hold the listing to its indexes without raw SQL access.
    std::vector<std::string> explainPage(const SearchFilter& filter, int limit,
                                         const std::optional<ListPosition>& after = std::nullopt);
    std::optional<DateRange> dateRange();  // empty when no article is dated
    std::int64_t count();
    bool remove(ArticleId id);
    void setPublished(ArticleId id, const std::optional<Date>& published);

    // Matches are ranked by bm25 among the kRankWindow most recently imported matching
    // articles, so a word found in tens of thousands of articles still answers at once.
    static constexpr int kRankWindow = 2000;

    // FTS5 query syntax (words, "phrases", prefix*, AND/OR/NOT). Throws StorageError
    // of kind BadQuery, with an explanation, when the query is malformed.
    std::vector<SearchHit> search(const std::string& query, int limit = 50, const SnippetMarks& marks = {});
    // Titles, text and annotation notes; an article whose note matches is found too.
    std::vector<SearchHit> search(const std::string& query, const SearchFilter& filter, int limit = 50,
                                  const SnippetMarks& marks = {});

    static std::string hashOf(const std::string& text);

    // A batch indexes its articles for search in one statement when its group commits,
    // instead of one by one: FTS5 writes its pending terms out as a new segment at every
    // statement and savepoint boundary, so indexing each article as it was added made a
    // segment (and the merges behind it) per article, a sixth of a batch import's time.
    // Articles added after deferIndexing() are found by search once indexDeferred() has
    // run; call both inside the transaction that adds them, so no committed article is
    // ever missing from the index. Removing an article in between is not supported.
    void deferIndexing();
    void indexDeferred();

private:
    void index(ArticleId id, const std::string& title, const std::string& text);

    Database& db_;
    std::optional<ArticleId> deferredAfter_;  // articles above this id await indexing
};

}  // namespace dossier::core
