#include "app/CommandLine.h"

#include "app/EvalCommands.h"


#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <tuple>
#include <iomanip>
#include <ostream>

#include "core/analysis/Analyzer.h"
#include "core/eval/Benchmark.h"
#include "core/eval/ImportBenchmark.h"
#include "core/eval/ScaleBenchmark.h"
#include "core/export/AnalysisJson.h"
#include "core/import/ArticleImporter.h"
#include "core/import/BatchImport.h"
#include "core/import/ImportError.h"
#include "core/import/TextImporter.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/EntityRepository.h"
#include "core/storage/Library.h"
#include "core/storage/StorageError.h"
#include "net/HttpFetcher.h"

namespace dossier::app {

namespace {

using namespace dossier::core;

constexpr std::array<std::string_view, 11> kCommands{"import", "import-feed", "list",  "search",        "analyze",
                                                     "entity", "eval",        "train", "bench", "bench-library", "help"};

std::string libraryPath(const Invocation& inv) { return inv.library.empty() ? Library::defaultPath() : inv.library; }

Analyzer::Names namesOf(const Invocation& inv) {
    return inv.tagger ? Analyzer::Names::RulesAndTagger : Analyzer::Names::Rules;
}

int cmdImport(const Invocation& inv, std::ostream& out, std::ostream& err) {
    if (inv.args.empty()) {
        err << "dossier import: name one or more files to import\n";
        return 2;
    }
    Library library(libraryPath(inv));
    const Analyzer analyzer(namesOf(inv));
    ArticleImporter importer(library, analyzer);
    int refused = 0;
    std::vector<std::string> files;
    for (const std::string& arg : inv.args) {
        const auto found = BatchImport::expand({arg});
        if (found.empty()) {  // a folder without a single article in it
            err << "refused " << arg << ": no articles (.txt, .md, .html) in this folder\n";
            ++refused;
        }
        files.insert(files.end(), found.begin(), found.end());
    }
    for (const std::string& path : files) {
        try {
            const ImportOutcome r = importer.importFile(path);
            out << (r.added ? "imported " : "already in library ") << r.id << "\t" << r.title << "\n";
        } catch (const ImportError& e) {
            err << "refused " << e.what() << "\n";
            ++refused;
        }
    }
    return refused == 0 ? 0 : 1;
}

int cmdImportFeed(const Invocation& inv, std::ostream& out, std::ostream& err) {
    if (inv.args.size() != 1) {
        err << "dossier import-feed: name one feed file or http(s) URL\n";
        return 2;
    }
    Library library(libraryPath(inv));
    const Analyzer analyzer(namesOf(inv));
    const net::HttpFetcher fetcher;
    const BatchResult r = BatchImport::importFeed(library, analyzer, inv.args.front(), &fetcher);
    for (const auto& [item, why] : r.warnings) err << "warning " << item << ": " << why << "\n";
    for (const auto& [item, why] : r.refused) err << "refused " << item << ": " << why << "\n";
    out << "imported " << r.imported << ", already in library " << r.duplicates << "\n";
    return r.refused.empty() ? 0 : 1;
}

void printSummary(std::ostream& out, const ArticleSummary& a) {
    out << a.id << "\t" << (a.meta.published ? a.meta.published->toIso() : std::string("----------")) << "\t"
        << (a.meta.source.empty() ? "-" : a.meta.source) << "\t" << a.meta.title << "\n";
}

int cmdList(const Invocation& inv, std::ostream& out) {
    Library library(libraryPath(inv));
    for (const auto& a : library.articles().list()) printSummary(out, a);
    return 0;
}

int cmdSearch(const Invocation& inv, std::ostream& out, std::ostream& err) {
    if (inv.args.empty()) {
        err << "dossier search: give a query, e.g. dossier search '\"trade talks\" AND tariff*'\n";
        return 2;
    }
    std::string query;
    for (const auto& a : inv.args) query += (query.empty() ? "" : " ") + a;
    SearchFilter filter;
    filter.entity = inv.entity;
    filter.source = inv.source;
    filter.tag = inv.tag;
    if (!inv.type.empty() && !(filter.entityType = entityTypeFromString(inv.type))) {
        err << "dossier search: --type is person, country, place, organization or policy\n";
        return 2;
    }
    for (const auto& [option, text, date] : {std::tuple{"--from", &inv.from, &filter.from}, std::tuple{"--to", &inv.to, &filter.to}}) {
        if (text->empty()) continue;
        *date = Date::parseIso(*text);
        if (!*date) {
            err << "dossier search: " << option << " '" << *text << "' is not a date of the form YYYY-MM-DD\n";
            return 2;
        }
    }
    Library library(libraryPath(inv));
    const auto hits = library.articles().search(query, filter);
    for (const auto& h : hits) {
        printSummary(out, h.article);
        out << "\t" << h.snippet << "\n";
    }
    if (hits.empty()) err << "no article matches " << query << "\n";
    return 0;
}

int cmdAnalyze(const Invocation& inv, std::ostream& out, std::ostream& err) {
    if (inv.args.size() != 1) {
        err << "dossier analyze: name exactly one file\n";
        return 2;
    }
    ImportedDocument doc = TextImporter::readFile(inv.args.front());
    if (!inv.published.empty()) {
        doc.meta.published = Date::parseIso(inv.published);
        if (!doc.meta.published) {
            err << "dossier analyze: --published '" << inv.published << "' is not a date of the form YYYY-MM-DD\n";
            return 2;
        }
    }
    const Analysis analysis = Analyzer(namesOf(inv)).analyze(doc.text, doc.meta.published);
    if (inv.json) {
        out << analysisToJson(doc.meta, analysis);
        return 0;
    }
    out << doc.meta.title << "\n";
    for (const Entity& e : analysis.entities) {
        out << "  " << std::left << std::setw(13) << toString(e.type) << e.name;
        if (!e.role.empty()) out << " (" << e.role << (e.country.empty() ? "" : ", " + e.country) << ")";
        out << " ×" << e.mentions.size() << "\n";
    }
    for (const Timex& t : analysis.timex) out << "  time         " << t.text << " → " << t.value << "\n";
    for (const Relation& r : analysis.relations) out << "  relation     " << r.source << " " << r.type << " " << r.target << "\n";
    return 0;
}

// --merge-into OTHER: the two are one entity in every article; --split: a merged-in name
// is its own entity again (for the canonical name: every name merged into it).
int changeEntityIdentity(const Invocation& inv, Library& library, const EntityRef& entity, std::ostream& out,
                         std::ostream& err) {
    EntityRepository& entities = library.entities();
    const EntityRef canonical = entities.canonical(entity);
    if (inv.split) {
        const AliasChanges changes = entities.split(entity);
        if (changes.empty()) {
            err << "dossier entity: no other name is merged with '" << entity.name << "'\n";
            return 1;
        }
        for (const AliasChange& c : changes)
            out << "split '" << entities.get(c.entity)->name << "' off '" << canonical.name << "'\n";
        return 0;
    }
    auto into = entities.find(inv.mergeInto, entity.type);  // the same kind first
    if (!into) into = entities.find(inv.mergeInto);
    if (!into) {
        err << "dossier entity: no entity called '" << inv.mergeInto << "' in the library\n";
        return 1;
    }
    const EntityRef target = entities.canonical(*into);
    if (entities.merge(entity, *into).empty()) {
        out << "'" << entity.name << "' is already '" << target.name << "'\n";
        return 0;
    }
    out << "merged '" << entity.name << "' (" << toString(entity.type) << ") into '" << target.name << "' ("
        << toString(target.type) << ") in every article; undo with: dossier entity '" << entity.name << "' --split\n";
    return 0;
}

int cmdEntity(const Invocation& inv, std::ostream& out, std::ostream& err) {
    if (inv.args.empty()) {
        err << "dossier entity: give a name, e.g. dossier entity 'Lee Jae Myung' --type person\n";
        return 2;
    }
    std::string name;
    for (const auto& a : inv.args) name += (name.empty() ? "" : " ") + a;
    std::optional<EntityType> type;
    if (!inv.type.empty() && !(type = entityTypeFromString(inv.type))) {
        err << "dossier entity: --type is person, country, place, organization or policy\n";
        return 2;
    }
    if (inv.split && !inv.mergeInto.empty()) {
        err << "dossier entity: give either --merge-into OTHER or --split\n";
        return 2;
    }
    Library library(libraryPath(inv));
    const auto entity = library.entities().find(name, type);
    if (!entity) {
        err << "dossier entity: no entity called '" << name << "' in the library\n";
        return 1;
    }
    if (inv.split || !inv.mergeInto.empty()) return changeEntityIdentity(inv, library, *entity, out, err);
    const EntityProfile p = library.entities().profile(*entity);
    out << p.entity.name << " (" << toString(p.entity.type) << ")\n";
    if (!p.aliases.empty()) {
        out << "Also called";
        for (std::size_t i = 0; i < p.aliases.size(); ++i) out << (i == 0 ? " " : ", ") << p.aliases[i].name;
        out << "\n";
    }
    out << "\nArticles (" << p.articleCount << (p.articleCount > static_cast<std::int64_t>(p.articles.size()) ? ", newest " + std::to_string(p.articles.size()) : std::string()) << ")\n";
    for (const auto& a : p.articles) {
        out << "  " << (a.article.meta.published ? a.article.meta.published->toIso() : "----------") << "  " << a.mentions
            << "x  " << a.article.meta.title << "\n";
    }
    out << "\nAppears most with\n";
    for (const auto& c : p.cooccurring) out << "  " << c.articles << "  " << c.entity.name << " (" << toString(c.entity.type) << ")\n";
    out << "\nRelations\n";
    for (const auto& r : p.relations)
        out << "  " << r.source.name << " " << r.type << " " << r.target.name << "  (" << r.articles << " article"
            << (r.articles == 1 ? "" : "s") << (r.firstWhen.empty() ? "" : ", " + r.firstWhen) << ")\n";
    out << "\nChronology\n";
    for (const auto& ev : p.chronology) out << "  " << ev.when << "  " << ev.text.substr(0, 100) << "\n";
    return 0;
}

int cmdBench(const Invocation& inv, std::ostream& out, std::ostream& err) {
    if (inv.args.empty()) {
        err << "dossier bench: name one or more files or folders of .txt articles\n";
        return 2;
    }
    try {
        if (!inv.library.empty()) {  // with a (new) library: time importing into it
            ImportBenchmark::print(out, ImportBenchmark::run(inv.args, inv.library, namesOf(inv)));
            return 0;
        }
        const BenchmarkStage stage = inv.taggerAlone ? BenchmarkStage::Tagger
                                     : inv.tagger    ? BenchmarkStage::PipelineWithTagger
                                                     : BenchmarkStage::Pipeline;
        Benchmark::print(out, Benchmark::run(inv.args, Benchmark::kMinSeconds, stage));
        return 0;
    } catch (const std::runtime_error& e) {
        err << "dossier bench: " << e.what() << "\n";
        return 1;
    }
}

int cmdBenchLibrary(const Invocation& inv, std::ostream& out, std::ostream& err) {
    if (inv.library.empty()) {
        err << "dossier bench-library: give the library to measure with --library PATH\n";
        return 2;
    }
    int articles = 0;
    if (!inv.articles.empty()) {
        try {
            articles = std::stoi(inv.articles);
        } catch (const std::exception&) {
            articles = -1;
        }
        if (articles <= 0) {
            err << "dossier bench-library: --articles needs a positive number\n";
            return 2;
        }
    }
    try {
        ScaleBenchmark::print(out, ScaleBenchmark::run(inv.library, inv.args, articles, inv.explain));
        return 0;
    } catch (const std::runtime_error& e) {
        err << "dossier bench-library: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace

std::optional<Invocation> CommandLine::parse(const std::vector<std::string>& argv, std::string& error) {
    Invocation inv;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argv.size()) {
                error = a + " needs a value";
                return false;
            }
            into = argv[++i];
            return true;
        };
        if (a == "--library" || a == "-l") {
            if (!value(inv.library)) return std::nullopt;
        } else if (a == "--published") {
            if (!value(inv.published)) return std::nullopt;
        } else if (a == "--screenshot") {
            if (!value(inv.screenshot)) return std::nullopt;
        } else if (a == "--format") {
            if (!value(inv.format)) return std::nullopt;
        } else if (a == "--limit") {
            if (!value(inv.limit)) return std::nullopt;
        } else if (a == "--errors") {
            if (!value(inv.errors)) return std::nullopt;
        } else if (a == "--type") {
            if (!value(inv.type)) return std::nullopt;
        } else if (a == "--entity") {
            if (!value(inv.entity)) return std::nullopt;
        } else if (a == "--from") {
            if (!value(inv.from)) return std::nullopt;
        } else if (a == "--to") {
            if (!value(inv.to)) return std::nullopt;
        } else if (a == "--source") {
            if (!value(inv.source)) return std::nullopt;
        } else if (a == "--tag") {
            if (!value(inv.tag)) return std::nullopt;
        } else if (a == "--articles") {
            if (!value(inv.articles)) return std::nullopt;
        } else if (a == "--epochs") {
            if (!value(inv.epochs)) return std::nullopt;
        } else if (a == "--out") {
            if (!value(inv.out)) return std::nullopt;
        } else if (a == "--conll" || a == "--gmb" || a == "--re3d") {
            inv.corpora.emplace_back(a.substr(2), std::string());
            if (!value(inv.corpora.back().second)) return std::nullopt;
        } else if (a == "--tagger") {
            inv.tagger = true;
        } else if (a == "--tagger-alone") {
            inv.taggerAlone = true;
        } else if (a == "--held-out") {
            inv.heldOut = true;
        } else if (a == "--explain") {
            inv.explain = true;
        } else if (a == "--merge-into") {
            if (!value(inv.mergeInto)) return std::nullopt;
        } else if (a == "--split") {
            inv.split = true;
        } else if (a == "--json") {
            inv.json = true;
        } else if (a == "--measure-open") {
            inv.measureOpen = true;
        } else if (a == "--verbose" || a == "-v") {
            inv.verbose = true;
        } else if (a == "--help" || a == "-h") {
            inv.command = "help";
        } else if (a == "--version") {
            inv.command = "version";
        } else if (a.starts_with("--")) {
            error = "unknown option " + a + " (see dossier --help)";
            return std::nullopt;
        } else if (inv.command.empty() && inv.args.empty() &&
                   std::find(kCommands.begin(), kCommands.end(), a) != kCommands.end()) {
            inv.command = a;
        } else {
            inv.args.push_back(a);
        }
    }
    return inv;
}

void CommandLine::printHelp(std::ostream& out) {
    out << R"(Dossier — a reader for close reading of the news.

Usage:
  dossier [FILE...] [--library PATH] [--screenshot PNG] [--measure-open]
        Open the reader window (importing FILEs first). With an empty library the
        bundled sample articles are imported. --screenshot renders the window to a
        PNG file and exits; --measure-open times opening each article with all
        its panels filled and prints the figures.
  dossier import FILE|FOLDER... [--library PATH] [--tagger]
        Import .txt/.md articles and saved .html pages (folders recursively). An optional header block (title:, published:,
        source:, url:, author: lines, then a blank line) gives the metadata.
        Files that are binary, not UTF-8, empty or over 4 MiB are refused.
  dossier import-feed FILE|URL [--library PATH] [--tagger]
        Import the items of an RSS 2.0 or Atom feed, from a file or an http(s)
        URL (fetched only then); items carrying only a summary get the text of
        their page. Each item is one article with its date and link.
  dossier list [--library PATH]
        List the articles, newest first: id, date, source, title.
  dossier search QUERY... [--entity NAME] [--type TYPE] [--from DATE] [--to DATE]
                 [--source NAME] [--tag TAG] [--library PATH]
        Full-text search over titles, text and annotation notes (SQLite FTS5
        syntax: words, "exact phrases", prefix*, AND/OR/NOT), best first, with
        snippets; the options keep articles that mention the entity (or an
        entity of the type), published in the range, from the source, or with
        an annotation carrying the tag.
  dossier analyze FILE [--published YYYY-MM-DD] [--json] [--tagger]
        Analyse one file without touching any library; --json prints the
        analysis (entities, time expressions, relations, chronology; offsets in
        Unicode code points of the text without its header). --tagger adds the
        trained entity tagger to the rules: better names, slower (also for
        import, import-feed, eval ner and bench).
  dossier entity NAME [--type person|country|place|organization|policy]
        An entity across the library: the articles that mention it, the
        entities it appears with most, its relations, and one chronology of
        its events from every article.
  dossier entity NAME --merge-into OTHER [--type TYPE]
        NAME and OTHER are one entity, in every article and after re-analysis.
  dossier entity NAME --split [--type TYPE]
        A name merged into another entity is its own entity again (for the
        entity merged into: every name merged into it).
  dossier eval ner FILE [--format conll|gmb|re3d] [--held-out] [--tagger]
                   [--tagger-alone [--out MODEL]] [--limit N] [--errors N]
        Score entity mentions (person, place, organisation) against an NER
        corpus: exact span and type, micro-averaged P/R/F1 per type. --limit
        reads only the first N documents; --errors prints N sample false
        positives and false negatives; --held-out scores only the tenth of a
        GMB or re3d corpus that training leaves out; --tagger scores the
        pipeline with the trained tagger; --tagger-alone scores the tagger by
        itself (the bundled model, or MODEL). See docs/evaluation.md.
  dossier train ner --conll FILE [--gmb FILE] [--re3d FILE] [--epochs N] --out MODEL
        Train the entity tagger on the corpora (GMB and re3d without their
        held-out tenth) and write its model; resources/ner/README.md says how
        the bundled model was made.
  dossier train clusters --conll FILE [--gmb FILE] --out TSV
        Learn the word classes the tagger uses from the corpora's text.
  dossier eval timeml DIR [--errors N]
        Score time expressions against the TimeML (.tml) files under DIR the
        TempEval-3 way: relaxed and strict P/R/F1, type and value accuracy,
        value F1.
  dossier bench FILE|DIR... --library NEW.dossier [--tagger]
        Time importing (reading, analysing, storing, indexing) the articles
        into a new library: articles/s, library size, peak memory.
  dossier bench-library --library L [DIR... --articles N] [--explain]
        Time search, an entity across the library, opening an article and the
        library list on library L (p50/p99/max). When L does not exist it is
        first filled with N articles made from the .txt articles under DIR
        (e.g. the BBC corpus) through the ordinary import. --explain prints
        the query plan of every query it ran.
  dossier bench FILE|DIR... [--tagger | --tagger-alone]
        Time the analysis of the .txt articles given (folders recursively) on
        one thread: words/s, MB/s, knowledge-base load time, peak memory.
        --tagger times the pipeline with the trained entity tagger,
        --tagger-alone the tagger by itself.
  dossier help | --help      This text.
  dossier --version          The version.

Options:
  --library PATH   The library file (default: the user's data folder).
  --verbose        Log what Dossier does to stderr.

Exit codes: 0 success, 1 some files refused or an error, 2 wrong usage.
)";
}

int CommandLine::run(const Invocation& inv, std::ostream& out, std::ostream& err) {
    spdlog::set_level(inv.verbose ? spdlog::level::info : spdlog::level::warn);
    try {
        if (inv.command == "help") {
            printHelp(out);
            return 0;
        }
        if (inv.command == "version") {
            out << "dossier " << DOSSIER_VERSION << "\n";
            return 0;
        }
        if (inv.command == "import") return cmdImport(inv, out, err);
        if (inv.command == "import-feed") return cmdImportFeed(inv, out, err);
        if (inv.command == "list") return cmdList(inv, out);
        if (inv.command == "search") return cmdSearch(inv, out, err);
        if (inv.command == "analyze") return cmdAnalyze(inv, out, err);
        if (inv.command == "entity") return cmdEntity(inv, out, err);
        if (inv.command == "eval") return cmdEval(inv, out, err);
        if (inv.command == "train") return cmdTrain(inv, out, err);
        if (inv.command == "bench") return cmdBench(inv, out, err);
        if (inv.command == "bench-library") return cmdBenchLibrary(inv, out, err);
        err << "dossier: unknown command " << inv.command << " (see dossier --help)\n";
        return 2;
    } catch (const ImportError& e) {
        err << "dossier: " << e.what() << "\n";
    } catch (const StorageError& e) {
        err << "dossier: " << e.what() << "\n";
    }
    return 1;
}

}  // namespace dossier::app
