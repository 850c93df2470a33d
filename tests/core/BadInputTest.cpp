// The catalogue of bad input (issue 8, docs/reliability.md): each kind of file a
// reader may hand Dossier is refused with a reason they can act on, and the library
// is exactly as it was. Some are not errors at all (a truncated page keeps the text it
// has): those say what is kept.

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/analysis/Analyzer.h"
#include "core/import/BatchImport.h"
#include "core/import/ImportError.h"
#include "core/storage/AnnotationRepository.h"
#include "core/storage/ArticleRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Library.h"
#include "core/storage/Statement.h"
#include "core/storage/StorageError.h"
#include "tests/support/TempLibrary.h"

using namespace dossier::core;
using dossier::test::importText;
using dossier::test::TempLibrary;
using dossier::test::writeFile;

namespace {

struct Case {
    const char* name;  // also the test's name
    const char* file;
    std::string bytes;
    const char* reason;  // what the refusal must say
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::string utf16le(const std::string& ascii, bool bom) {
    std::string out = bom ? std::string("\xff\xfe", 2) : std::string();
    for (char c : ascii) out += std::string{c, '\0'};
    return out;
}

std::string utf16be(const std::string& ascii) {
    std::string out("\xfe\xff", 2);
    for (char c : ascii) out += std::string{'\0', c};
    return out;
}

const std::string kPara = "<p>Ministers met in Oslo on Monday to discuss a new fisheries agreement for the North Sea.</p>";

std::vector<Case> cases() {
    return {
        {"BinaryImageNamedTxt", "photo.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "binary file"},
        {"NulBytesInText", "nul.txt", std::string("Talks in Oslo\0continued", 23), "binary file"},
        {"Latin1Text", "latin1.txt", "Caf\xe9 au lait in Li\xe8ge", "not valid UTF-8"},
        {"MixedUtf8AndLatin1", "mixed.txt", "Caf\xc3\xa9 and caf\xe9 in one file", "not valid UTF-8"},
        {"Utf16LittleEndianWithBom", "utf16le.txt", utf16le("Ministers met in Oslo.", true), "UTF-16"},
        {"Utf16BigEndianWithBom", "utf16be.txt", utf16be("Ministers met in Oslo."), "UTF-16"},
        {"Utf16WithoutBom", "utf16.txt", utf16le("Ministers met in Oslo on Monday.", false), "UTF-16"},
        {"OverlongUtf8", "overlong.txt", "Over\xc0\x80long", "not valid UTF-8"},
        {"Utf8Surrogate", "surrogate.txt", "A surrogate \xed\xa0\x80 here", "not valid UTF-8"},
        {"TruncatedUtf8AtTheEnd", "truncated.txt", "Price in euro \xe2\x82", "not valid UTF-8"},
        {"EmptyFile", "empty.txt", "", "no text"},
        {"WhitespaceOnly", "blank.txt", " \n\t\n   \r\n", "no text"},
        {"ByteOrderMarkOnly", "bom.txt", "\xef\xbb\xbf", "no text"},
        {"HeaderWithoutBody", "header.txt", "title: Only a header\npublished: 2025-01-02\n\n", "no text"},
        {"HeaderDateThatIsNoDate", "baddate.txt", "title: X\npublished: 2025-13-45\n\nBody text.", "not a date"},
        {"OneLineOfTenMegabytes", "oneline.txt", std::string(10 * 1024 * 1024, 'a'), "up to 4 MiB"},
        {"PdfFile", "report.pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3", "cannot import this kind of file"},
        {"MillionDeepTags", "deep.html", repeat("<div>", 1000000) + "Deep text.", "no article text"},
        {"HundredThousandAttributes", "attrs.html",
         "<p " + repeat("data-x=\"1\" ", 100000) + ">Text in Oslo.</p>", "no article text"},
        {"PageOfScriptsOnly", "scripts.html",
         "<html><head><script>alert(1)</script></head><body><script>var a = 1;</script></body></html>",
         "no article text"},
        {"PageLargerThan16MiB", "huge.html", "<html><body><p>" + repeat("word ", 3500000) + "</p></body></html>",
         "up to 16 MiB"},
        {"BinaryFileNamedHtml", "binary.html", repeat(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), 20),
         "binary file"},
        {"EmptyPage", "empty.html", "", "the page is empty"},
    };
}

// What the library holds, to compare before and after.
std::string fingerprint(Library& lib) {
    Database db(lib.path(), Database::Mode::ReadOnly);
    std::string out;
    for (const char* table : {"articles", "entities", "mentions", "timex", "events", "annotations", "tags"}) {
        auto st = db.prepare(std::string("SELECT count(*) FROM ") + table);
        st.step();
        out += std::string(table) + "=" + std::to_string(st.int64(0)) + " ";
    }
    auto check = db.prepare("PRAGMA integrity_check");
    check.step();
    return out + check.text(0);
}

// A library with an article and a note in it: what must survive every refusal.
class BadInput : public ::testing::TestWithParam<Case> {
protected:
    TempLibrary t;
    Analyzer analyzer;
    void SetUp() override {
        const ArticleId id = importText(t.library(), "Kept", Date(2025, 1, 2), "Norway and Sweden signed a treaty.");
        Annotation a;
        a.article = id;
        a.span = {0, 6};
        a.quote = "Norway";
        a.note = "kept too";
        a.tags = {"check"};
        t.library().annotations().add(a);
    }
};

}  // namespace

TEST_P(BadInput, IsRefusedWithItsReasonAndTheLibraryIsUnchanged) {
    const Case& c = GetParam();
    const std::string before = fingerprint(t.library());
    const std::string path = writeFile(t.dir(), c.file, c.bytes);
    const BatchResult r = BatchImport::run(t.library(), analyzer, {path});
    EXPECT_EQ(r.imported, 0);
    ASSERT_EQ(r.refused.size(), 1u);
    EXPECT_NE(r.refused[0].second.find(c.reason), std::string::npos) << r.refused[0].second;
    EXPECT_NE(r.refused[0].second.find(c.file), std::string::npos) << "the message names the file";
    EXPECT_EQ(fingerprint(t.library()), before);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadInput, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& param) { return std::string(param.param.name); });

TEST_F(BadInput, HundredMegabyteTextIsRefusedBeforeBeingRead) {
    const std::string before = fingerprint(t.library());
    const std::string path = QDir(QString::fromStdString(t.dir())).filePath(QStringLiteral("huge.txt")).toStdString();
    QFile f(QString::fromStdString(path));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    ASSERT_TRUE(f.resize(100LL * 1024 * 1024));  // a sparse 100 MB file
    f.close();
    const BatchResult r = BatchImport::run(t.library(), analyzer, {path});
    ASSERT_EQ(r.refused.size(), 1u);
    EXPECT_NE(r.refused[0].second.find("100 MiB"), std::string::npos) << r.refused[0].second;
    EXPECT_EQ(fingerprint(t.library()), before);
}

TEST_F(BadInput, MissingFileIsNamed) {
    const BatchResult r = BatchImport::run(t.library(), analyzer, {t.dir() + "/gone.txt"});
    ASSERT_EQ(r.refused.size(), 1u);
    EXPECT_NE(r.refused[0].second.find("no such file"), std::string::npos) << r.refused[0].second;
}

TEST_F(BadInput, TruncatedPageKeepsTheTextItHas) {
    const std::string path = writeFile(t.dir(), "cut.html",
                                       "<html><head><title>Cut</title></head><body><article>" + kPara + kPara +
                                           "<p>The talks went on until the late evening, officials sa");
    const BatchResult r = BatchImport::run(t.library(), analyzer, {path});
    EXPECT_EQ(r.imported, 1);
    EXPECT_EQ(t.library().articles().search("\"late evening\"").size(), 1u);
}

TEST_F(BadInput, UnknownCharsetFallsBackAndImports) {
    const std::string path = writeFile(t.dir(), "klingon.html",
                                       "<html><head><meta charset=\"klingon-8\"><title>T</title></head><body><article>" +
                                           kPara + "</article></body></html>");
    EXPECT_EQ(BatchImport::run(t.library(), analyzer, {path}).imported, 1);
}

// Feeds -------------------------------------------------------------------------

namespace {
const std::string kItem =
    "<item><title>Talks</title><description>Ministers met in Oslo to discuss fisheries.</description></item>";
std::string rss(const std::string& items, const std::string& doctype = {}) {
    return "<?xml version=\"1.0\"?>" + doctype + "<rss version=\"2.0\"><channel><title>F</title>" + items +
           "</channel></rss>";
}
}  // namespace

TEST_F(BadInput, TruncatedFeedIsRefusedNamingTheLine) {
    const std::string before = fingerprint(t.library());
    const auto path = writeFile(t.dir(), "cut.rss", rss(kItem).substr(0, 120));
    try {
        BatchImport::importFeed(t.library(), analyzer, path);
        FAIL() << "a truncated feed must be refused";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("not well-formed XML (line"), std::string::npos) << e.what();
    }
    EXPECT_EQ(fingerprint(t.library()), before);
}

TEST_F(BadInput, EntityExpansionBombIsRefused) {
    std::string doctype = "<!DOCTYPE r [<!ENTITY l0 \"lol\">";
    for (int i = 1; i <= 9; ++i)
        doctype += "<!ENTITY l" + std::to_string(i) + " \"" + repeat("&l" + std::to_string(i - 1) + ";", 10) + "\">";
    doctype += "]>";
    const std::string before = fingerprint(t.library());
    const auto path = writeFile(t.dir(), "bomb.rss",
                                rss("<item><title>&l9;</title><description>&l9;</description></item>", doctype));
    try {
        BatchImport::importFeed(t.library(), analyzer, path);
        FAIL() << "a billion-laughs feed must be refused";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("expansion"), std::string::npos) << e.what();
    }
    EXPECT_EQ(fingerprint(t.library()), before);
}

TEST_F(BadInput, ExternalEntityIsNeverResolved) {
    const auto path = writeFile(
        t.dir(), "xxe.rss",
        rss("<item><title>Leak</title><description>Before &xxe; after: ministers met in Oslo.</description></item>",
            "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"));
    const BatchResult r = BatchImport::importFeed(t.library(), analyzer, path);
    EXPECT_EQ(r.imported, 1);
    EXPECT_TRUE(t.library().articles().search("root").empty());
    EXPECT_EQ(t.library().articles().search("ministers").size(), 1u);
}

TEST_F(BadInput, WebPageGivenAsFeedIsRefused) {
    const auto path = writeFile(t.dir(), "page.xml", "<html><body>" + kPara + "</body></html>");
    try {
        BatchImport::importFeed(t.library(), analyzer, path);
        FAIL();
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("not an RSS or Atom feed"), std::string::npos) << e.what();
    }
}

TEST_F(BadInput, EmptyFeedFileIsRefused) {
    const auto path = writeFile(t.dir(), "empty.rss", "  \n ");
    try {
        BatchImport::importFeed(t.library(), analyzer, path);
        FAIL();
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("the feed is empty"), std::string::npos) << e.what();
    }
}

TEST_F(BadInput, FeedWithoutItemsSaysSo) {
    const auto path = writeFile(t.dir(), "none.rss", rss(""));
    const BatchResult r = BatchImport::importFeed(t.library(), analyzer, path);
    EXPECT_EQ(r.imported, 0);
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.warnings[0].second, "the feed has no items");
}

TEST_F(BadInput, FeedDatesThatAreNoDatesAreReportedAndTheItemsKeptUndated) {
    const auto path = writeFile(
        t.dir(), "dates.rss",
        rss("<item><title>A</title><pubDate>Yesterday-ish</pubDate><description>Ministers met in Oslo.</description>"
            "</item><item><title>B</title><pubDate>2882015</pubDate><description>Talks went on in Bergen.</description>"
            "</item>"));
    const BatchResult r = BatchImport::importFeed(t.library(), analyzer, path);
    EXPECT_EQ(r.imported, 2);
    ASSERT_EQ(r.warnings.size(), 2u);
    EXPECT_NE(r.warnings[1].second.find("'2882015' is not understood"), std::string::npos) << r.warnings[1].second;
    for (const auto& hit : t.library().articles().search("Oslo OR Bergen")) EXPECT_FALSE(hit.article.meta.published);
}

// Dates that fool other taggers ----------------------------------------------------

TEST(BadDates, NumbersAndCompactDatesAreNotTakenForOtherDates) {
    const Analyzer analyzer;
    const Analysis a = analyzer.analyze("Case 2882015 was heard on 19-Nov-12 in Oslo and again on 19 Nov 2012.",
                                        Date(2025, 3, 1));
    for (const Timex& t : a.timex) {
        EXPECT_EQ(t.text.find("2882015"), std::string::npos) << "a case number is not a date: " << t.text;
        if (!t.value.empty()) {
            EXPECT_EQ(t.value, "2012-11-19") << t.text;
        }
    }
}

// The library file itself ----------------------------------------------------------

TEST(BadLibrary, DamagedFileIsReportedAndLeftAsItWas) {
    TempLibrary t;
    importText(t.library(), "Kept", Date(2025, 1, 2), "Norway and Sweden signed a treaty in Oslo.");
    t.close();
    QFile f(QString::fromStdString(t.path()));
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    ASSERT_GT(f.size(), 8192);
    f.seek(4096);  // the second page on: the schema page stays readable, the tables do not
    f.write(QByteArray(static_cast<int>(f.size() - 4096), '\x5a'));
    f.close();
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray damaged = f.readAll();
    f.close();
    try {
        Library lib(t.path());
        lib.articles().list();
        FAIL() << "a damaged library must be reported";
    } catch (const StorageError& e) {
        EXPECT_EQ(e.kind(), StorageError::Kind::Corrupt) << e.what();
        EXPECT_NE(std::string(e.what()).find("damaged"), std::string::npos) << e.what();
    }
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), damaged) << "nothing was written to it";
}

TEST(BadLibrary, ForeignSqliteDatabaseIsRefusedUntouched) {
    TempLibrary t;
    {
        Database db(t.path());
        db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('a')");
    }
    try {
        Library lib(t.path());
        FAIL();
    } catch (const StorageError& e) {
        EXPECT_EQ(e.kind(), StorageError::Kind::NotALibrary);
        EXPECT_NE(std::string(e.what()).find("not a Dossier library"), std::string::npos) << e.what();
    }
    Database db(t.path());
    auto st = db.prepare("SELECT count(*) FROM sqlite_master");
    st.step();
    EXPECT_EQ(st.int64(0), 1) << "no table was added to it";
}

TEST(BadLibrary, FullDiskFailsTheImportCleanlyAndKeepsWhatWasThere) {
    TempLibrary t;
    Analyzer analyzer;
    importText(t.library(), "Kept", Date(2025, 1, 2), "Norway and Sweden signed a treaty in Oslo.");
    const std::string before = fingerprint(t.library());
    t.library().limitGrowth(2);  // two more pages: not enough for a long article and its index
    std::string text;
    for (int i = 0; i < 400; ++i) text += "Paragraph " + std::to_string(i) + " about talks in Oslo and Bergen.\n\n";
    const auto path = writeFile(t.dir(), "long.txt", "title: Long\n\n" + text);
    const BatchResult r = BatchImport::run(t.library(), analyzer, {path});
    EXPECT_EQ(r.imported, 0);
    ASSERT_EQ(r.refused.size(), 1u);
    EXPECT_NE(r.refused[0].second.find("disk is full"), std::string::npos) << r.refused[0].second;
    EXPECT_EQ(fingerprint(t.library()), before);
}

TEST(BadLibrary, MalformedSearchQueriesAreExplained) {
    TempLibrary t;
    importText(t.library(), "Kept", Date(2025, 1, 2), "Norway and Sweden signed a treaty in Oslo.");
    for (const char* query : {"\"unclosed phrase", "AND", "*prefix", "treaty NOT", "(Oslo"}) {
        try {
            t.library().articles().search(query);
            ADD_FAILURE() << query << " should be explained";
        } catch (const StorageError& e) {
            EXPECT_EQ(e.kind(), StorageError::Kind::BadQuery) << query;
            EXPECT_NE(std::string(e.what()).find("is not valid"), std::string::npos) << e.what();
        }
    }
}
