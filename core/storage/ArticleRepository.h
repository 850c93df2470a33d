#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/Article.h"

namespace dossier::core {

class Database;

struct SearchHit {
    ArticleSummary article;
    std::string snippet;  // text around the matches, terms wrapped in the caller's marks
    double rank = 0;      // bm25: lower is better
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

    std::optional<Article> get(ArticleId id);
    std::optional<ArticleId> findByHash(const std::string& contentHash);
    std::vector<ArticleSummary> list(int limit = -1, int offset = 0);  // newest published first
    std::int64_t count();
    bool remove(ArticleId id);
    void setPublished(ArticleId id, const std::optional<Date>& published);

    // FTS5 query syntax (words, "phrases", prefix*, AND/OR/NOT). Throws StorageError
    // of kind BadQuery, with an explanation, when the query is malformed.
    std::vector<SearchHit> search(const std::string& query, int limit = 50, const SnippetMarks& marks = {});

    static std::string hashOf(const std::string& text);

private:
    Database& db_;
};

}  // namespace dossier::core
