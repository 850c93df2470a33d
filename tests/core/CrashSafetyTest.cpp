// Nothing lost, nothing crashes: a real process doing Dossier's writes (a batch import,
// annotation edits) is killed with SIGKILL at random moments, and the library it
// leaves behind is opened again and held to what a user needs: the file is intact,
// every save the process reported is there, and every article is whole or absent.
// The seed is printed; DOSSIER_CRASH_SEED=N repeats a run, DOSSIER_CRASH_KILLS=N
// changes the number of kills per test (default 60 each).
#include "core/analysis/Analyzer.h"
#include "core/import/BatchImport.h"
#include "core/model/Analysis.h"
#include "core/storage/AnnotationRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Library.h"
#include "core/storage/Statement.h"
#include "tests/support/GeneratedArticles.h"
#include "tests/support/TempLibrary.h"
#include "tests/support/Worker.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <tuple>

using namespace dossier;
using core::Database;
using test::Worker;

namespace {

constexpr int kDefaultKills = 60;
constexpr int kRunsPerLibrary = 5;
// Each run is given this many new articles and those of the run before: more than it
// imports in the longest delay (300 ms) after its first commit, so the kill lands
// while it works.
constexpr int kArticlesPerRun = 500;

// The file is sound: SQLite's own check, the foreign keys, and both full-text indexes
// against their tables.
void expectIntact(const std::string& path) {
    Database db(path, Database::Mode::ReadWrite);
    std::string problems;
    auto check = db.prepare("PRAGMA integrity_check");
    while (check.step()) problems += check.text(0) + "\n";
    EXPECT_EQ(problems, "ok\n");
    auto keys = db.prepare("PRAGMA foreign_key_check");
    EXPECT_FALSE(keys.step()) << "a row points at a missing " << keys.text(2);
    EXPECT_NO_THROW(db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')"));
    EXPECT_NO_THROW(db.exec("INSERT INTO annotations_fts (annotations_fts) VALUES ('integrity-check')"));
}

// How many rows of each kind an article's analysis has.
// mentions, timex, relations, events
using RowCounts = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>;

RowCounts expectedRows(const core::Analyzer& analyzer, const std::string& text,
                       const std::optional<core::Date>& published) {
    const core::Analysis a = analyzer.analyze(text, published);
    std::int64_t mentions = 0;
    for (const core::Entity& e : a.entities) mentions += static_cast<std::int64_t>(e.mentions.size());
    return {mentions, static_cast<std::int64_t>(a.timex.size()),
            static_cast<std::int64_t>(a.relations.size()),
            static_cast<std::int64_t>(a.chronology.size() + a.background.size())};
}

// What each generated text's analysis has, by text without its reference word and date:
// the test analyses one article of each kind (see writeArticles), not all of them again.
using Expected = std::map<std::string, RowCounts>;

// Checks every article of the library is whole: analysed by the current pipeline, with
// exactly the rows its analysis has. Returns the titles present, with how often.
std::map<std::string, int> checkArticlesWhole(const std::string& path, const core::Analyzer& analyzer,
                                              Expected& expected) {
    Database db(path, Database::Mode::ReadWrite);
    auto st = db.prepare(
        "SELECT a.id, a.title, a.text, a.published, a.analysis_version, "
        "(SELECT count(*) FROM mentions WHERE article_id = a.id), "
        "(SELECT count(*) FROM timex WHERE article_id = a.id), "
        "(SELECT count(*) FROM relations WHERE article_id = a.id), "
        "(SELECT count(*) FROM events WHERE article_id = a.id) FROM articles a");
    std::map<std::string, int> titles;
    while (st.step()) {
        const std::string title = st.text(1);
        ++titles[title];
        EXPECT_EQ(st.int64(4), core::Analyzer::kVersion) << title << " was stored without its analysis";
        const std::string kind = st.text(3) + "\n" + test::withoutReference(st.text(2));
        auto it = expected.find(kind);
        if (it == expected.end())
            it = expected.emplace(kind, expectedRows(analyzer, st.text(2), core::Date::parseIso(st.text(3))))
                     .first;
        const RowCounts stored{st.int64(5), st.int64(6), st.int64(7), st.int64(8)};
        EXPECT_EQ(stored, it->second)
            << title << ": mentions, timex, relations, events stored differ from its analysis";
        EXPECT_GT(std::get<0>(stored), 0) << title;
        EXPECT_GT(std::get<1>(stored), 0) << title;
    }
    return titles;
}

// "…/dr3-17.txt" → "Dispatch r3-17": the title writeArticles gives the file.
std::string titleOf(const std::string& file) {
    const QString name = QFileInfo(QString::fromStdString(file)).completeBaseName();
    return "Dispatch " + name.mid(1).toStdString();
}

}  // namespace

TEST(CrashSafety, BatchImportKilledAtRandomMomentsLeavesEveryArticleWholeOrAbsent) {
    const std::uint32_t seed = test::seedFrom("DOSSIER_CRASH_SEED");
    const int target = test::countFrom("DOSSIER_CRASH_KILLS", kDefaultKills);
    std::cout << "[ seed     ] DOSSIER_CRASH_SEED=" << seed << std::endl;
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> delay(5, 300);
    const core::Analyzer analyzer;
    const QTemporaryDir dir;
    // A library lives for kRunsPerLibrary runs, each started on what the last one left;
    // then a new one, so the checks stay quick.
    std::string path;
    Expected expected;
    std::set<std::string> reported;  // titles the workers said were committed
    std::set<std::string> written;   // titles of the files given to the workers
    std::vector<std::string> folders;
    int kills = 0, runs = 0, killedBeforeCommit = 0, reportedTotal = 0, libraries = 0;
    QElapsedTimer clock;
    clock.start();
    while (kills < target && runs < 3 * target) {
        if (runs % kRunsPerLibrary == 0) {
            path =
                QDir(dir.path()).filePath(QStringLiteral("library%1.dossier").arg(++libraries)).toStdString();
            core::Library create(path);
            reported.clear();
            written.clear();
            folders.clear();
        }
        // Each run imports the folder the last run was killed in again, then a new one:
        // what a user does after a crash (what was saved is found already there). Every
        // library gets the same folders: fewer files to write and delete.
        const int step = runs % kRunsPerLibrary;
        const std::string folder = QDir(dir.path()).filePath(QStringLiteral("run%1").arg(step)).toStdString();
        const auto files = runs < kRunsPerLibrary
                               ? test::writeArticles(folder, "r" + std::to_string(step), kArticlesPerRun)
                               : core::BatchImport::expand({folder});
        for (const std::string& f : files) written.insert(titleOf(f));
        QStringList args{QStringLiteral("import"), QString::fromStdString(path)};
        if (!folders.empty()) args << QString::fromStdString(folders.back());
        args << QString::fromStdString(folder);
        folders.push_back(folder);
        ++runs;

        Worker worker(args);
        ASSERT_TRUE(worker.waitForLine("ready", 30000)) << worker.errorOutput();
        // Every other run counts the delay from its first commit, so kills land in
        // later groups and their commits too, not mostly before the first one.
        const bool fromFirstCommit = runs % 2 == 0;
        if (fromFirstCommit) worker.waitForLine("committed", 30000);
        const int ms = delay(rng);
        QThread::msleep(static_cast<unsigned long>(ms));
        const bool killed = worker.kill();
        kills += killed ? 1 : 0;
        int saved = 0;
        for (const std::string& line : worker.lines()) {
            const auto fields = test::splitTabs(line);
            if (fields[0] == "committed") {
                reported.insert(titleOf(fields.at(1)));
                ++saved;
            }
            EXPECT_NE(fields[0], "error") << line;
        }
        reportedTotal += saved;
        killedBeforeCommit += killed && saved == 0 ? 1 : 0;

        // Opening it again is what the user does next; it must work, and hold up.
        SCOPED_TRACE("run " + std::to_string(runs) + ", killed " + std::to_string(ms) + " ms after " +
                     (fromFirstCommit ? "its first commit" : "it was ready"));
        ASSERT_NO_THROW(core::Library reopened(path));
        expectIntact(path);
        const auto titles = checkArticlesWhole(path, analyzer, expected);
        for (const std::string& title : reported)
            EXPECT_EQ(titles.count(title), 1u) << title << " was reported saved";
        for (const auto& [title, n] : titles) {
            EXPECT_EQ(n, 1) << title << " is in the library twice";
            EXPECT_TRUE(written.count(title)) << title;
        }
        if (::testing::Test::HasFailure()) break;
    }
    std::cout << "[ figures  ] " << kills << " kills in " << runs << " runs on " << libraries
              << " libraries (" << killedBeforeCommit << " before the run's first commit), " << reportedTotal
              << " article saves reported, " << clock.elapsed() << " ms" << std::endl;
    EXPECT_GE(kills, target);
    EXPECT_GT(reportedTotal, 0);

    // Importing all of it once more after the crashes completes the last library: each
    // article once, nothing refused.
    QStringList all{QStringLiteral("import"), QString::fromStdString(path)};
    for (const std::string& f : folders) all << QString::fromStdString(f);
    Worker last(all);
    ASSERT_TRUE(last.finish(120000)) << last.errorOutput();
    ASSERT_FALSE(last.lines().empty());
    const auto done = test::splitTabs(last.lines().back());
    ASSERT_EQ(done.at(0), "done");
    EXPECT_EQ(done.at(3), "0") << "files refused";
    expectIntact(path);
    const auto titles = checkArticlesWhole(path, analyzer, expected);
    EXPECT_EQ(titles.size(), written.size());
    for (const std::string& title : written) EXPECT_EQ(titles.count(title), 1u) << title;
}

namespace {

struct Saved {
    std::string note, color, tags;
    std::int64_t start = 0, end = 0;
    friend bool operator==(const Saved&, const Saved&) = default;
};

std::string joined(const std::vector<std::string>& tags) {
    std::string out;
    for (const std::string& t : tags) out += (out.empty() ? "" : ",") + t;
    return out;
}

std::map<core::AnnotationId, Saved> annotationsIn(core::Library& library, core::ArticleId article) {
    std::map<core::AnnotationId, Saved> out;
    for (const core::Annotation& a : library.annotations().forArticle(article)) {
        std::vector<std::string> tags = a.tags;
        std::sort(tags.begin(), tags.end());
        out[a.id] = {a.note, a.color, joined(tags), a.span.start, a.span.end};
    }
    return out;
}

std::string sortedTags(const std::string& commaList) {
    std::vector<std::string> tags;
    for (const QString& t : QString::fromStdString(commaList).split(u',', Qt::SkipEmptyParts))
        tags.push_back(t.toStdString());
    std::sort(tags.begin(), tags.end());
    return joined(tags);
}

// The one change a worker had begun but not reported saved when it was killed: it may
// or may not have landed, and nothing else may differ.
struct InFlight {
    enum { Add, Update, Remove } kind = Add;
    core::AnnotationId id = 0;
    Saved state;
};

// Follows a worker's lines: what it reported saved, and the change in flight at the end.
void replay(const std::vector<std::string>& lines, std::map<core::AnnotationId, Saved>& model,
            std::optional<InFlight>& inFlight, int& saves) {
    for (const std::string& line : lines) {
        const auto f = test::splitTabs(line);
        if (f[0] == "begin add") {
            inFlight =
                InFlight{InFlight::Add,
                         0,
                         {f.at(1), f.at(2), sortedTags(f.at(3)), std::stoll(f.at(4)), std::stoll(f.at(5))}};
        } else if (f[0] == "begin update") {
            const core::AnnotationId id = std::stoll(f.at(1));
            Saved s = model.at(id);
            s.note = f.at(2);
            s.color = f.at(3);
            s.tags = sortedTags(f.at(4));
            inFlight = InFlight{InFlight::Update, id, s};
        } else if (f[0] == "begin remove") {
            inFlight = InFlight{InFlight::Remove, std::stoll(f.at(1)), {}};
        } else if (f[0].starts_with("saved ")) {
            ASSERT_TRUE(inFlight);
            const core::AnnotationId id = std::stoll(f.at(1));
            if (inFlight->kind == InFlight::Remove)
                model.erase(id);
            else
                model[id] = inFlight->state;
            inFlight.reset();
            ++saves;
        } else {
            EXPECT_NE(f[0], "error") << line;
        }
    }
}

}  // namespace

TEST(CrashSafety, AnnotationEditsKilledAtRandomMomentsKeepEverySavedChange) {
    const std::uint32_t seed = test::seedFrom("DOSSIER_CRASH_SEED");
    const int target = test::countFrom("DOSSIER_CRASH_KILLS", kDefaultKills);
    std::cout << "[ seed     ] DOSSIER_CRASH_SEED=" << seed << std::endl;
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> delay(5, 300);
    test::TempLibrary t;
    const core::ArticleId article = test::importText(
        t.library(), "Quotas", core::Date(2025, 3, 10),
        "The Coastal Fisheries Board said on Monday that cod quotas in the Barents Sea would fall by a "
        "fifth. "
        "Norway and Russia share the stock; their joint commission meets in Oslo in October. "
        "Fishermen in Tromsø called the cut “a blow to every harbour north of Bodø”.");
    t.close();
    std::map<core::AnnotationId, Saved> model;
    int kills = 0, runs = 0, saves = 0, landedUnreported = 0;
    QElapsedTimer clock;
    clock.start();
    while (kills < target && runs < 3 * target) {
        Worker worker({QStringLiteral("annotate"), QString::fromStdString(t.path()), QString::number(article),
                       QString::number(seed + static_cast<std::uint32_t>(runs)), QStringLiteral("5000")});
        ++runs;
        ASSERT_TRUE(worker.waitForLine("ready", 30000)) << worker.errorOutput();
        const int ms = delay(rng);
        QThread::msleep(static_cast<unsigned long>(ms));
        kills += worker.kill() ? 1 : 0;
        std::optional<InFlight> inFlight;
        replay(worker.lines(), model, inFlight, saves);

        SCOPED_TRACE("run " + std::to_string(runs) + ", killed after " + std::to_string(ms) + " ms");
        expectIntact(t.path());
        auto stored = annotationsIn(t.library(), article);
        t.close();
        // The change in flight: either as it was or as it was meant to become.
        if (inFlight && inFlight->kind == InFlight::Add) {
            for (const auto& [id, s] : stored)
                if (!model.count(id) && s == inFlight->state) {
                    model[id] = s;
                    ++landedUnreported;
                    break;
                }
        } else if (inFlight && inFlight->kind == InFlight::Update) {
            if (stored.count(inFlight->id) && stored.at(inFlight->id) == inFlight->state) {
                model[inFlight->id] = inFlight->state;
                ++landedUnreported;
            }
        } else if (inFlight && inFlight->kind == InFlight::Remove) {
            if (!stored.count(inFlight->id)) {
                model.erase(inFlight->id);
                ++landedUnreported;
            }
        }
        // Everything else exactly as reported: no saved annotation lost or changed,
        // no removed one back, nothing half-written.
        ASSERT_EQ(stored.size(), model.size()) << "annotations in the library vs. reported saved";
        for (const auto& [id, s] : model) {
            ASSERT_TRUE(stored.count(id)) << "annotation " << id << " was reported saved and is gone";
            EXPECT_EQ(stored.at(id), s) << "annotation " << id << " differs from what was reported saved";
        }
        if (::testing::Test::HasFailure()) break;
    }
    std::cout << "[ figures  ] " << kills << " kills in " << runs << " runs, " << saves << " saves reported, "
              << landedUnreported << " changes landed just before a kill, " << model.size()
              << " annotations at the end, " << clock.elapsed() << " ms" << std::endl;
    EXPECT_GE(kills, target);
    EXPECT_GT(saves, target);
    // And the reader finds them: by the words of the notes, and by their tags.
    core::Library& lib = t.library();
    ASSERT_FALSE(model.empty());
    EXPECT_EQ(lib.articles().search("café").size(), 1u);
    core::SearchFilter tagged;
    for (const auto& [id, s] : model)
        if (!s.tags.empty()) tagged.tag = s.tags.substr(0, s.tags.find(','));
    ASSERT_FALSE(tagged.tag.empty());
    EXPECT_EQ(lib.articles().search("Oslo", tagged).size(), 1u);
}
