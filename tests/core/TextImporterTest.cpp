#include "core/import/TextImporter.h"

#include <gtest/gtest.h>

#include "core/import/ImportError.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;

namespace {
ImportError::Reason refusal(const std::string& bytes, const std::string& name = "a.txt") {
    try {
        TextImporter::parse(bytes, name);
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << "the message names the file";
        return e.reason();
    }
    ADD_FAILURE() << "expected the input to be refused";
    return ImportError::Reason::Unsupported;
}
}  // namespace

TEST(TextImporter, HeaderBlockGivesMetadataAndIsNotPartOfTheText) {
    const auto doc = TextImporter::parse(
        "title: Talks in Seoul\npublished: 2026-01-04\nsource: Wire\nurl: https://e.org/x\nauthor: Kim\n\n"
        "First paragraph.\n\nSecond.\n",
        "a.txt");
    EXPECT_EQ(doc.meta.title, "Talks in Seoul");
    EXPECT_EQ(doc.meta.published->toIso(), "2026-01-04");
    EXPECT_EQ(doc.meta.source, "Wire");
    EXPECT_EQ(doc.meta.url, "https://e.org/x");
    EXPECT_EQ(doc.meta.author, "Kim");
    EXPECT_EQ(doc.text, "First paragraph.\n\nSecond.");
}

TEST(TextImporter, WithoutHeaderTheFirstLineIsTheTitleAndTheTextIsWhole) {
    const auto doc = TextImporter::parse("Leaders meet in Beijing\nThey talked.", "a.txt");
    EXPECT_EQ(doc.meta.title, "Leaders meet in Beijing");
    EXPECT_FALSE(doc.meta.published);
    EXPECT_EQ(doc.text, "Leaders meet in Beijing\nThey talked.");
}

TEST(TextImporter, FirstLineWithAColonButNoKnownKeyIsText) {
    const auto doc = TextImporter::parse("Breaking: talks collapse\nMore text.", "a.txt");
    EXPECT_EQ(doc.meta.title, "Breaking: talks collapse");
    EXPECT_EQ(doc.text, "Breaking: talks collapse\nMore text.");
}

TEST(TextImporter, MarkdownHeadingBecomesTheTitle) {
    const auto doc = TextImporter::parse("# Summit ends\n\nLeaders left.", "a.md");
    EXPECT_EQ(doc.meta.title, "Summit ends");
}

TEST(TextImporter, BomAndWindowsLineEndsAreNormalised) {
    const auto doc = TextImporter::parse("\xEF\xBB\xBFtitle: T\r\n\r\nLine one.\r\nLine two.\r\n", "a.txt");
    EXPECT_EQ(doc.meta.title, "T");
    EXPECT_EQ(doc.text, "Line one.\nLine two.");
}

TEST(TextImporter, EmptyAndWhitespaceOnlyFilesAreRefused) {
    EXPECT_EQ(refusal(""), ImportError::Reason::Empty);
    EXPECT_EQ(refusal(" \n\t\n  "), ImportError::Reason::Empty);
    EXPECT_EQ(refusal("title: Only a header\n\n"), ImportError::Reason::Empty);
}

TEST(TextImporter, BinaryFilesAreRefused) {
    EXPECT_EQ(refusal(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "image.txt"), ImportError::Reason::Binary);
}

TEST(TextImporter, InvalidUtf8IsRefusedWithThePosition) {
    try {
        TextImporter::parse("Caf\xe9 au lait", "latin1.txt");
        FAIL();
    } catch (const ImportError& e) {
        EXPECT_EQ(e.reason(), ImportError::Reason::InvalidUtf8);
        EXPECT_NE(std::string(e.what()).find("offset 3"), std::string::npos);
    }
}

TEST(TextImporter, FilesOverTheSizeLimitAreRefused) {
    EXPECT_EQ(refusal(std::string(TextImporter::kMaxBytes + 1, 'a')), ImportError::Reason::TooLarge);
}

TEST(TextImporter, BadPublicationDateIsRefusedWithTheValue) {
    try {
        TextImporter::parse("title: T\npublished: yesterday\n\nText.", "a.txt");
        FAIL();
    } catch (const ImportError& e) {
        EXPECT_EQ(e.reason(), ImportError::Reason::BadHeader);
        EXPECT_NE(std::string(e.what()).find("yesterday"), std::string::npos);
    }
}

TEST(TextImporter, MissingFileAndFoldersAreRefused) {
    QTemporaryDir dir;
    EXPECT_THROW(TextImporter::readFile(dir.path().toStdString() + "/none.txt"), ImportError);
    EXPECT_THROW(TextImporter::readFile(dir.path().toStdString()), ImportError);
}

TEST(TextImporter, HandlesTextAndMarkdownOnly) {
    EXPECT_TRUE(TextImporter::handles("a.TXT"));
    EXPECT_TRUE(TextImporter::handles("notes.md"));
    EXPECT_FALSE(TextImporter::handles("page.pdf"));
}
