// The queries behind what a reader does all day — search, the library list, opening
// an article, an entity across the library — must be answered from indexes, or they
// slow down with every article added. Each is run on a small library, its SQL caught
// as it is compiled, and its EXPLAIN QUERY PLAN checked for scans of stored tables.

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/storage/AnalysisRepository.h"
#include "core/storage/AnnotationRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/Library.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;
using dossier::test::importText;
using dossier::test::TempLibrary;

namespace {
// "SCAN x" is a full pass over x unless x is a full-text (or json_each) table walked
// by its own index, a constant row, or a subquery / common table expression the same
// plan builds (CO-ROUTINE x, MATERIALIZE x) from index searches.
std::vector<std::string> fullScans(const std::string& plan) {
    std::set<std::string> built;
    static const std::regex subquery(R"((?:CO-ROUTINE|MATERIALIZE) (\S+))");
    for (std::sregex_iterator it(plan.begin(), plan.end(), subquery), end; it != end; ++it) built.insert((*it)[1]);
    std::vector<std::string> out;
    static const std::regex scan(R"(SCAN (\S+)( VIRTUAL TABLE| ROW)?)");
    for (std::sregex_iterator it(plan.begin(), plan.end(), scan), end; it != end; ++it) {
        if ((*it)[2].matched || built.count((*it)[1])) continue;
        out.push_back(it->str());
    }
    return out;
}
}  // namespace

TEST(QueryPlan, EverydayQueriesUseIndexesNotFullScans) {
    TempLibrary t;
    Library& lib = t.library();
    const ArticleId first = importText(lib, "Talks", Date(2025, 2, 1),
                                       "Prime Minister Jonas Gahr Store met Swedish officials in Oslo on Monday.");
    importText(lib, "Ferry", Date(2025, 2, 3), "A ferry will link Oslo and Kiel, the Norwegian operator said.");
    importText(lib, "Undated", std::nullopt, "Norway and Sweden signed a fisheries accord.");
    Annotation note;
    note.article = first;
    note.span = {0, 5};
    note.quote = "Prime";
    note.note = "check the date";
    note.tags = {"follow-up"};
    lib.annotations().add(note);

    std::vector<std::string> queries;
    lib.observeQueries([&](const std::string& sql) {
        if (sql.starts_with("SELECT") || sql.starts_with("WITH")) queries.push_back(sql);
    });
    lib.articles().search("Oslo");
    lib.articles().search("Oslo", SearchFilter{.entity = "Norway", .from = Date(2025, 1, 1), .tag = "follow-up"});
    lib.articles().search("ferr*", SearchFilter{.entityType = EntityType::Country});
    lib.articles().page({}, 50);
    lib.articles().page({.entity = "Norway"}, 50);
    lib.articles().get(first);
    lib.analyses().load(first);
    lib.annotations().forArticle(first);
    const auto norway = lib.entities().find("Norway");
    ASSERT_TRUE(norway);
    lib.entities().profile(*norway);
    lib.observeQueries({});

    // The check itself sees a scan when there is one.
    EXPECT_FALSE(fullScans(lib.queryPlan("SELECT count(*) FROM mentions WHERE text = 'Oslo'")).empty());
    ASSERT_GT(queries.size(), 10u);
    for (const std::string& sql : queries) {
        const std::string plan = lib.queryPlan(sql);
        const auto scans = fullScans(plan);
        EXPECT_TRUE(scans.empty()) << scans.front() << " in\n" << sql << "\n" << plan;
    }
}
