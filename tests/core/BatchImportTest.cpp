#include "core/import/BatchImport.h"

#include <QDir>

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"
#include "core/storage/ArticleRepository.h"
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
