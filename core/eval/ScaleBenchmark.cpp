#include "core/eval/ScaleBenchmark.h"

#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iomanip>
#include <ostream>
#include <stdexcept>

#include "core/analysis/Analyzer.h"
#include "core/eval/Benchmark.h"
#include "core/eval/LibraryGenerator.h"
#include "core/import/BatchImport.h"
#include "core/storage/AnalysisRepository.h"
#include "core/storage/AnnotationRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Database.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/Library.h"
#include "core/storage/Statement.h"

namespace dossier::core {

namespace {
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

template <class F>
Timings timeEach(int repeats, const std::vector<F>& work) {
    std::vector<double> ms;
    for (int r = 0; r < repeats; ++r)
        for (const F& w : work) {
            const auto start = Clock::now();
            w();
            ms.push_back(msSince(start));
        }
    return Timings::of(std::move(ms));
}

// What a reader types: words, names, phrases, prefixes, boolean queries; common and rare.
const std::vector<std::string> kQueries{
    "election", "economy", "minister", "football", "government", "bank", "music", "china", "police", "oil",
    "Blair", "Brown", "Microsoft", "Chelsea", "Iraq", "Europe", "America", "Japan", "Russia", "India",
    "\"prime minister\"", "\"interest rates\"", "\"world cup\"", "\"general election\"", "\"chief executive\"",
    "elect*", "tax*", "econom*", "film*", "vot*", "labour AND tax", "oil NOT price", "games OR film",
    "broadband", "tsunami", "referendum", "inflation", "mobile phone", "record profits", "strike"};

// Entities for the across-the-library query: the most widespread (the worst case)
// and a spread of ordinary ones.
std::vector<EntityRef> sampleEntities(const std::string& path) {
    Database db(path, Database::Mode::ReadOnly);
    std::vector<EntityRef> out;
    auto top = db.prepare(
        "SELECT e.id, e.name, e.type FROM entities e JOIN "
        "(SELECT entity_id, count(*) AS n FROM article_entities GROUP BY entity_id ORDER BY n DESC LIMIT 10) t "
        "ON t.entity_id = e.id");
    while (top.step())
        out.push_back({top.int64(0), top.text(1), entityTypeFromString(top.text(2)).value_or(EntityType::Other)});
    auto spread = db.prepare("SELECT id, name, type FROM entities WHERE id % 97 = 0 LIMIT 40");
    while (spread.step())
        out.push_back({spread.int64(0), spread.text(1), entityTypeFromString(spread.text(2)).value_or(EntityType::Other)});
    return out;
}

std::vector<ArticleId> sampleArticles(const std::string& path, int count) {
    Database db(path, Database::Mode::ReadOnly);
    auto st = db.prepare("SELECT id FROM articles WHERE id % ?1 = 0 LIMIT ?2");
    auto total = db.prepare("SELECT max(id) FROM articles");
    total.step();
    st.bind(1, std::max<std::int64_t>(1, total.int64(0) / count)).bind(2, count);
    std::vector<ArticleId> out;
    while (st.step()) out.push_back(st.int64(0));
    return out;
}

}  // namespace

Timings Timings::of(std::vector<double> ms) {
    Timings t;
    t.runs = ms.size();
    if (ms.empty()) return t;
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
    t.p50 = at(0.50);
    t.p99 = at(0.99);
    t.max = ms.back();
    return t;
}

ScaleReport ScaleBenchmark::run(const std::string& libraryPath, const std::vector<std::string>& sources, int articles,
                                bool explain) {
    ScaleReport report;
    if (!QFileInfo::exists(QString::fromStdString(libraryPath))) {
        if (sources.empty()) throw std::runtime_error(libraryPath + " does not exist and no articles were given to fill it");
        const LibraryGenerator generator(sources);
        Library library(libraryPath);
        const Analyzer analyzer;
        const auto start = Clock::now();
        const BatchResult r = BatchImport::importDocuments(
            library, analyzer, articles, [&](int i) { return generator.make(static_cast<std::size_t>(i)); });
        report.generateSeconds = msSince(start) / 1000.0;
        report.generated = r.imported;
    }

    const auto opening = Clock::now();
    Library library(libraryPath);
    report.openLibraryMs = msSince(opening);
    report.articles = library.articles().count();
    std::vector<std::string> queries;
    if (explain)
        library.observeQueries([&queries](const std::string& sql) {
            if (sql.starts_with("SELECT") || sql.starts_with("WITH")) queries.push_back(sql);
        });

    using Work = std::function<void()>;
    std::vector<Work> searches, filtered;
    SearchFilter filter;
    filter.from = Date::parseIso("2018-01-01");
    filter.to = Date::parseIso("2021-12-31");
    filter.entityType = EntityType::Person;
    for (const std::string& q : kQueries) {
        searches.push_back([&library, q] { library.articles().search(q, 50); });
        filtered.push_back([&library, q, filter] { library.articles().search(q, filter, 50); });
    }
    report.search = timeEach(5, searches);
    report.searchFiltered = timeEach(2, filtered);

    std::vector<Work> entities;
    for (const EntityRef& e : sampleEntities(libraryPath))
        entities.push_back([&library, e] { library.entities().profile(e); });
    report.entity = timeEach(2, entities);

    std::vector<Work> opens;
    for (ArticleId id : sampleArticles(libraryPath, 100))
        opens.push_back([&library, id] {
            library.articles().get(id);
            library.analyses().load(id);
            library.annotations().forArticle(id);
        });
    report.openArticle = timeEach(2, opens);
    report.listPage = timeEach(20, std::vector<Work>{[&library] { library.articles().list(200, 0); }});

    for (const char* suffix : {"", "-wal"})
        report.libraryBytes += QFileInfo(QString::fromStdString(libraryPath + suffix)).size();
    report.peakRssKb = Benchmark::peakRssKb();
    library.observeQueries({});
    for (const std::string& sql : queries) report.plans.emplace_back(sql, library.queryPlan(sql));
    return report;
}

void ScaleBenchmark::print(std::ostream& out, const ScaleReport& r) {
    out << std::fixed << std::setprecision(1);
    if (r.generated > 0)
        out << "generated      " << r.generated << " articles in " << r.generateSeconds << " s ("
            << std::setprecision(0) << r.generated / std::max(r.generateSeconds, 1e-9) << " articles/s)\n"
            << std::setprecision(1);
    out << "articles       " << r.articles << "\n"
        << "library        " << static_cast<double>(r.libraryBytes) / (1024.0 * 1024.0) << " MiB\n"
        << "open library   " << r.openLibraryMs << " ms\n";
    out << std::setprecision(2);
    auto line = [&](const char* name, const Timings& t) {
        out << std::left << std::setw(15) << name << "p50 " << std::setw(8) << t.p50 << " p99 " << std::setw(8) << t.p99
            << " max " << std::setw(8) << t.max << " ms  (" << t.runs << " runs)\n";
    };
    line("search", r.search);
    line("search+filter", r.searchFiltered);
    line("entity", r.entity);
    line("open article", r.openArticle);
    line("list page", r.listPage);
    if (r.peakRssKb) out << "peak RSS       " << *r.peakRssKb / 1024 << " MiB\n";
    for (const auto& [query, plan] : r.plans) out << "\n" << query << "\n" << plan;
}

}  // namespace dossier::core
