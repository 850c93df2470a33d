#include "core/import/ArticleImporter.h"

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"
#include "core/import/ImportError.h"
#include "core/storage/ArticleRepository.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;
using dossier::test::TempLibrary;
using dossier::test::writeFile;

TEST(ArticleImporter, ImportsAFileWithItsMetadata) {
    TempLibrary t;
    Analyzer analyzer;
    ArticleImporter importer(t.library(), analyzer);
    const auto path = writeFile(t.dir(), "a.txt", "title: Summit\npublished: 2025-10-24\n\nLeaders met in Brussels.");
    const auto r = importer.importFile(path);
    EXPECT_TRUE(r.added);
    const auto a = t.library().articles().get(r.id);
    EXPECT_EQ(a->meta.title, "Summit");
    EXPECT_EQ(a->text, "Leaders met in Brussels.");
}

TEST(ArticleImporter, SameContentTwiceIsOneArticle) {
    TempLibrary t;
    Analyzer analyzer;
    ArticleImporter importer(t.library(), analyzer);
    const auto a = writeFile(t.dir(), "a.txt", "Same article text.");
    const auto b = writeFile(t.dir(), "b.md", "Same article text.\n");
    EXPECT_TRUE(importer.importFile(a).added);
    EXPECT_FALSE(importer.importFile(b).added);
    EXPECT_EQ(t.library().articles().count(), 1);
}

TEST(ArticleImporter, RefusedFilesLeaveTheLibraryUntouched) {
    TempLibrary t;
    Analyzer analyzer;
    ArticleImporter importer(t.library(), analyzer);
    importer.importFile(writeFile(t.dir(), "ok.txt", "A good article."));
    const std::vector<std::pair<std::string, std::string>> bad{
        {"empty.txt", ""}, {"bin.txt", std::string("ab\0cd", 5)}, {"latin.txt", "caf\xe9"}, {"doc.pdf", "%PDF-1.4"}};
    for (const auto& [name, bytes] : bad)
        EXPECT_THROW(importer.importFile(writeFile(t.dir(), name, bytes)), ImportError) << name;
    EXPECT_EQ(t.library().articles().count(), 1);
}

TEST(ArticleImporter, BundledSamplesImportOnceWithDatesAndSources) {
    TempLibrary t;
    Analyzer analyzer;
    ArticleImporter importer(t.library(), analyzer);
    const auto names = ArticleImporter::bundledSampleNames();
    ASSERT_GE(names.size(), 3u) << "the sample library ships at least three articles";
    EXPECT_EQ(importer.importBundledSamples(), static_cast<int>(names.size()));
    EXPECT_EQ(importer.importBundledSamples(), 0);
    for (const auto& a : t.library().articles().list()) {
        EXPECT_TRUE(a.meta.published) << a.meta.title;
        EXPECT_FALSE(a.meta.source.empty()) << a.meta.title;
        EXPECT_GT(a.length, 1000) << a.meta.title;
    }
}
