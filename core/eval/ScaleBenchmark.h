#pragma once

// How the library's everyday operations hold up as it grows: full-text search,
// an entity across the library, opening an article, listing. Run on 1k, 10k and
// 100k articles to see the growth (docs/performance.md).

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace dossier::core {

struct Timings {
    std::size_t runs = 0;
    double p50 = 0;  // milliseconds
    double p99 = 0;
    double max = 0;
    static Timings of(std::vector<double> ms);
};

struct ScaleReport {
    std::int64_t articles = 0;
    std::int64_t libraryBytes = 0;
    int generated = 0;  // articles imported by this run (0: the library existed)
    double generateSeconds = 0;
    double openLibraryMs = 0;  // opening the file and checking its schema
    Timings search;            // FTS5 queries with snippets, 50 hits
    Timings searchFiltered;    // the same with a date range and an entity type
    Timings entity;            // an entity across the library (articles, co-occurrence, relations, chronology)
    Timings openArticle;       // an article with its analysis and annotations, as the reader loads it
    Timings listPage;          // the first 200 rows of the library list
    std::optional<long> peakRssKb;
    std::vector<std::pair<std::string, std::string>> plans;  // query, EXPLAIN QUERY PLAN (with --explain)
};

class ScaleBenchmark {
public:
    // When the library does not exist, first fills it with `articles` articles made
    // from the .txt articles under sources (LibraryGenerator), through the ordinary
    // import. Then times the operations on it.
    static ScaleReport run(const std::string& libraryPath, const std::vector<std::string>& sources, int articles,
                           bool explain = false);
    static void print(std::ostream& out, const ScaleReport& report);
};

}  // namespace dossier::core
