#include "core/import/BatchImport.h"

#include <QDir>

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"
#include "core/storage/AnalysisRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageError.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;
using dossier::test::TempLibrary;
using dossier::test::writeFile;

namespace {
std::string folderWithArticles(const std::string& dir, int count) {
    const QString sub = QDir(QString::fromStdString(dir)).filePath(QStringLiteral("news/2025"));
    QDir().mkpath(sub);
    for (int i = 0; i < count; ++i)
        writeFile(sub.toStdString(), "a" + std::to_string(i) + ".txt", "Article number " + std::to_string(i) + " about Oslo.");
    writeFile(sub.toStdString(), "notes.pdf", "%PDF");  // not an article: left out of a folder
    return QDir(QString::fromStdString(dir)).filePath(QStringLiteral("news")).toStdString();
}
}  // namespace

TEST(BatchImport, FoldersAreReadRecursivelyForArticlesOnly) {
    TempLibrary t;
    const auto files = BatchImport::expand({folderWithArticles(t.dir(), 3)});
    ASSERT_EQ(files.size(), 3u);
    EXPECT_TRUE(files[0].ends_with("a0.txt"));
}

TEST(BatchImport, RefusedFilesAreListedWithTheirReasonAndTheRestImported) {
    TempLibrary t;
    Analyzer analyzer;
    const auto good = writeFile(t.dir(), "good.txt", "Talks in Oslo.");
    const auto bad = writeFile(t.dir(), "bad.txt", "caf\xe9");
    const auto result = BatchImport::run(t.library(), analyzer, {good, bad, good});
    EXPECT_EQ(result.imported, 1);
    EXPECT_EQ(result.duplicates, 1);
    ASSERT_EQ(result.refused.size(), 1u);
    EXPECT_EQ(result.refused[0].first, bad);
    EXPECT_NE(result.refused[0].second.find("UTF-8"), std::string::npos);
}

TEST(BatchImport, CancelKeepsWhatWasAlreadyImported) {
    TempLibrary t;
    Analyzer analyzer;
    const auto files = BatchImport::expand({folderWithArticles(t.dir(), 5)});
    std::vector<int> seen;
    const auto result = BatchImport::run(t.library(), analyzer, files, [&](int done, int total, const std::string&) {
        seen.push_back(done);
        EXPECT_EQ(total, 5);
        return done < 2;  // cancel before the third file
    });
    EXPECT_TRUE(result.cancelled);
    EXPECT_EQ(result.imported, 2);
    EXPECT_EQ(t.library().articles().count(), 2);
    EXPECT_EQ(seen, (std::vector<int>{0, 1, 2}));
}

namespace {
std::int64_t countRows(const std::string& path, const std::string& sql) {
    Database db(path);
    auto st = db.prepare(sql);
    st.step();
    return st.int64(0);
}

std::int64_t searchable(const std::string& path, const std::string& word) {
    return countRows(path, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '" + word + "'");
}

// FTS5's own check that its index holds exactly the terms of the articles table.
bool searchIndexMatchesArticles(const std::string& path) {
    Database db(path);
    try {
        db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
        return true;
    } catch (const StorageError&) {
        return false;
    }
}
}  // namespace

// Articles are committed in groups with a savepoint each: an article whose writes
// fail halfway (here a trigger refuses its "Norway" mention, after the article row
// was written) is dropped whole, and its neighbours in the same group are kept.
TEST(BatchImport, ArticleFailingHalfwayIsDroppedWholeAndItsGroupKept) {
    TempLibrary t;
    Analyzer analyzer;
    t.library();  // creates the schema the trigger refers to
    {
        Database db(t.path());
        db.exec("CREATE TRIGGER refuse_norway BEFORE INSERT ON mentions WHEN new.text = 'Norway' "
                "BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
    }
    const auto a = writeFile(t.dir(), "a.txt", "Ministers met in Oslo on Monday.");
    const auto b = writeFile(t.dir(), "b.txt", "Norway and Sweden signed a treaty in Oslo.");
    const auto c = writeFile(t.dir(), "c.txt", "Talks continued in Stockholm.");
    const auto result = BatchImport::run(t.library(), analyzer, {a, b, c});
    EXPECT_EQ(result.imported, 2);
    ASSERT_EQ(result.refused.size(), 1u);
    EXPECT_EQ(result.refused[0].first, b);
    EXPECT_NE(result.refused[0].second.find("refused by test"), std::string::npos);
    // Seen from another connection: two whole articles, no trace of the third.
    EXPECT_EQ(countRows(t.path(), "SELECT count(*) FROM articles"), 2);
    EXPECT_EQ(countRows(t.path(), "SELECT count(*) FROM articles WHERE text LIKE '%Sweden%'"), 0);
    EXPECT_EQ(countRows(t.path(), "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"), 0);
    EXPECT_EQ(countRows(t.path(), "SELECT count(*) FROM mentions WHERE text = 'Stockholm'"), 1);
    // Search finds the two, and nothing of the dropped one.
    EXPECT_EQ(searchable(t.path(), "oslo"), 1);
    EXPECT_EQ(searchable(t.path(), "stockholm"), 1);
    EXPECT_EQ(searchable(t.path(), "sweden"), 0);
    EXPECT_TRUE(searchIndexMatchesArticles(t.path()));
}

TEST(BatchImport, EveryArticleIsCommittedWhenTheBatchReturns) {
    TempLibrary t;
    Analyzer analyzer;
    const auto files = BatchImport::expand({folderWithArticles(t.dir(), 300)});  // more than one group
    const auto result = BatchImport::run(t.library(), analyzer, files);
    EXPECT_EQ(result.imported, 300);
    EXPECT_EQ(countRows(t.path(), "SELECT count(*) FROM articles"), 300);
    EXPECT_EQ(countRows(t.path(), "SELECT count(DISTINCT article_id) FROM mentions"), 300);  // each about Oslo
    EXPECT_EQ(searchable(t.path(), "oslo"), 300);  // indexed group by group, none left out
    EXPECT_TRUE(searchIndexMatchesArticles(t.path()));
}

// What the reliability tests and a crash-safe caller rely on: a file is reported only
// once its group is committed, so another connection (or the program after a crash)
// already sees it, and every file is reported once.
TEST(BatchImport, CommittedReportsEachFileOnceWhenItIsOnDisk) {
    TempLibrary t;
    Analyzer analyzer;
    const auto files = BatchImport::expand({folderWithArticles(t.dir(), 300)});  // more than one group
    std::vector<std::string> reported;
    int groups = 0;
    const auto result = BatchImport::run(t.library(), analyzer, files, {}, [&](const std::vector<std::string>& done) {
        ++groups;
        reported.insert(reported.end(), done.begin(), done.end());
        EXPECT_EQ(countRows(t.path(), "SELECT count(*) FROM articles"), static_cast<std::int64_t>(reported.size()));
        // and search finds each committed article at once: a group is indexed before it commits
        EXPECT_EQ(searchable(t.path(), "oslo"), static_cast<std::int64_t>(reported.size()));
    });
    EXPECT_EQ(result.imported, 300);
    EXPECT_EQ(reported, files);
    EXPECT_GE(groups, 2);
}
