#include "core/analysis/Analyzer.h"
#include "core/import/BatchImport.h"
#include "core/import/FeedParser.h"
#include "core/import/ImportError.h"
#include "core/storage/ArticleRepository.h"
#include "tests/support/TempLibrary.h"

#include <gtest/gtest.h>

using namespace dossier::core;
using dossier::test::TempLibrary;
using dossier::test::writeFile;

namespace {

const std::string kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Daily Ledger</title>
  <link>https://ledger.example.org/</link>
  <description>News</description>
  <item>
    <title>Ministers agree trade deal</title>
    <link>https://ledger.example.org/trade-deal</link>
    <pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>
    <dc:creator>Anna Berg</dc:creator>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>BRUSSELS &mdash; Ministers agreed a <b>trade</b> deal on Monday.</p><script>alert(1)</script><p>Talks resume &amp; continue in July.</p>]]></content:encoded>
  </item>
  <item>
    <title>Second story</title>
    <link>https://ledger.example.org/second</link>
    <pubDate>Wed, 11 Jun 25 09:15 +0200</pubDate>
    <author>desk@ledger.example.org (Carl Holm)</author>
    <description>&lt;p&gt;Only a summary of the second story.&lt;/p&gt;</description>
  </item>
  <item>
    <title>No text at all</title>
    <link>https://ledger.example.org/empty</link>
  </item>
  <item>
    <title>Bad date</title>
    <pubDate>the day after yesterday</pubDate>
    <description>Dated nonsense, still an article.</description>
  </item>
</channel>
</rss>
)";

const std::string kAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Wire</title>
  <entry>
    <title type="html">Rates &lt;em&gt;held&lt;/em&gt;</title>
    <link rel="self" href="https://wire.example.org/self/1"/>
    <link rel="alternate" href="https://wire.example.org/rates"/>
    <updated>2025-06-12T10:00:00Z</updated>
    <published>2025-06-11T08:30:00+01:00</published>
    <author><name>Dana Ortiz</name><email>d@example.org</email></author>
    <summary>Rates held.</summary>
    <content type="html">&lt;p&gt;The central bank held rates.&lt;/p&gt;&lt;p&gt;Markets rose.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain entry</title>
    <link href="https://wire.example.org/plain"/>
    <updated>2025-06-13T00:00:00Z</updated>
    <content type="text">Line one &lt;b&gt; stays literal.

Second paragraph.</content>
  </entry>
</feed>
)";

}  // namespace

TEST(FeedParser, Rss2ItemsBecomeArticlesWithDatesLinksAuthorsAndPlainText) {
    const ParsedFeed feed = FeedParser::read(kRss, "ledger.rss");
    EXPECT_EQ(feed.title, "The Daily Ledger");
    ASSERT_EQ(feed.items.size(), 3u);
    EXPECT_EQ(feed.skipped, 1);

    const auto& a = feed.items[0];
    EXPECT_EQ(a.meta.title, "Ministers agree trade deal");
    EXPECT_EQ(a.meta.url, "https://ledger.example.org/trade-deal");
    EXPECT_EQ(a.meta.source, "The Daily Ledger");
    EXPECT_EQ(a.meta.author, "Anna Berg");
    ASSERT_TRUE(a.meta.published);
    EXPECT_EQ(a.meta.published->toIso(), "2025-06-10");
    // content:encoded wins over the shorter description; HTML becomes paragraphs, scripts vanish.
    EXPECT_EQ(a.text, "BRUSSELS \u2014 Ministers agreed a trade deal on Monday.\n\nTalks resume & continue in July.");

    const auto& b = feed.items[1];
    EXPECT_EQ(b.meta.author, "Carl Holm");
    ASSERT_TRUE(b.meta.published);
    EXPECT_EQ(b.meta.published->toIso(), "2025-06-11");
    EXPECT_EQ(b.text, "Only a summary of the second story.");

    const auto& c = feed.items[2];
    EXPECT_FALSE(c.meta.published);  // a bad date is no date, not an error
    EXPECT_EQ(c.text, "Dated nonsense, still an article.");
}

TEST(FeedParser, AtomEntriesUseAlternateLinkPublishedDateAndHtmlContent) {
    const ParsedFeed feed = FeedParser::read(kAtom, "wire.atom");
    EXPECT_EQ(feed.title, "Atom Wire");
    ASSERT_EQ(feed.items.size(), 2u);
    const auto& a = feed.items[0];
    EXPECT_EQ(a.meta.title, "Rates held");
    EXPECT_EQ(a.meta.url, "https://wire.example.org/rates");
    EXPECT_EQ(a.meta.author, "Dana Ortiz");
    EXPECT_EQ(a.meta.source, "Atom Wire");
    ASSERT_TRUE(a.meta.published);
    EXPECT_EQ(a.meta.published->toIso(), "2025-06-11");
    EXPECT_EQ(a.text, "The central bank held rates.\n\nMarkets rose.");

    const auto& b = feed.items[1];
    EXPECT_EQ(b.meta.url, "https://wire.example.org/plain");
    ASSERT_TRUE(b.meta.published);  // updated stands in for a missing published
    EXPECT_EQ(b.meta.published->toIso(), "2025-06-13");
    EXPECT_EQ(b.text, "Line one <b> stays literal.\n\nSecond paragraph.");
}

TEST(FeedParser, DatesInRfc822AndIsoFormsAndNonsense) {
    EXPECT_EQ(FeedParser::parseDate("Tue, 10 Jun 2025 04:00:00 GMT")->toIso(), "2025-06-10");
    EXPECT_EQ(FeedParser::parseDate("1 Jan 99 00:00 EST")->toIso(), "1999-01-01");
    EXPECT_EQ(FeedParser::parseDate("2025-02-03T10:00:00Z")->toIso(), "2025-02-03");
    EXPECT_FALSE(FeedParser::parseDate("Mon, 31 Feb 2025 00:00:00 GMT"));
    EXPECT_FALSE(FeedParser::parseDate("Mon, 99999999999999999999 Feb 2025"));
    EXPECT_FALSE(FeedParser::parseDate(""));
    EXPECT_FALSE(FeedParser::parseDate("yesterday"));
    EXPECT_FALSE(FeedParser::parseDate("2025-13-45"));
}

TEST(FeedParser, ExternalEntitiesAreNeverResolved) {
    const std::string xxe = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y SYSTEM "http://127.0.0.1:9/secret">]>
<rss version="2.0"><channel><title>T</title>
<item><title>Leak &x;</title><description>Before &x;&y; after.</description></item>
</channel></rss>)";
    const std::vector<ImportedDocument> items = FeedParser::parse(xxe, "xxe.rss");
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].text.find("root:"), std::string::npos);
    EXPECT_EQ(items[0].meta.title.find("root:"), std::string::npos);
    EXPECT_EQ(items[0].text, "Before after.");
}

TEST(FeedParser, EntityExpansionBombIsRefusedWithALineNumber) {
    std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n";
    char prev = 'a';
    for (char e = 'b'; e <= 'j'; ++e) {
        bomb += std::string("<!ENTITY ") + e + " \"";
        for (int i = 0; i < 10; ++i) bomb += std::string("&") + prev + ";";
        bomb += "\">\n";
        prev = e;
    }
    bomb += "]>\n<rss version=\"2.0\"><channel><title>T</title>\n<item><description>&j;</description></item></channel></rss>\n";
    try {
        FeedParser::parse(bomb, "bomb.rss");
        FAIL() << "expected ImportError";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("bomb.rss"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("line 15"), std::string::npos) << e.what();
    }
}

TEST(FeedParser, MalformedAndUndefinedEntitiesAreRefusedWithTheLine) {
    const std::string broken = "<rss version=\"2.0\">\n<channel>\n<item><title>x</title>\n<description>a</descr></item>\n";
    try {
        FeedParser::parse(broken, "broken.rss");
        FAIL() << "expected ImportError";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("line 4"), std::string::npos) << e.what();
    }
    const std::string undefinedEntity = "<rss version=\"2.0\"><channel>\n\n<item><description>a&nbsp;b</description></item></channel></rss>";
    try {
        FeedParser::parse(undefinedEntity, "nbsp.rss");
        FAIL() << "expected ImportError";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
    }
    EXPECT_THROW(FeedParser::parse("<html><body>not a feed</body></html>", "page.xml"), ImportError);
    EXPECT_THROW(FeedParser::parse("   \n", "empty.rss"), ImportError);
    EXPECT_THROW(FeedParser::parse("\x01\x02\xff binary", "bin.rss"), ImportError);
    // Truncated at every length: an error or a result, never a crash.
    for (std::size_t n = 0; n < kRss.size(); n += 7) {
        try {
            (void)FeedParser::parse(std::string_view(kRss).substr(0, n), "cut.rss");
        } catch (const ImportError&) {
        }
    }
}

TEST(FeedParser, HtmlFragmentsBecomePlainParagraphs) {
    EXPECT_EQ(FeedParser::htmlToText("<p>One&nbsp;two &#8212; &#x263A;</p><br/>Three <style>p{}</style><!-- c -->four &bogus; &"),
              "One two \u2014 \u263A\n\nThree four &bogus; &");
    EXPECT_EQ(FeedParser::htmlToText("<p>cut <a href=\"x"), "cut");
    EXPECT_EQ(FeedParser::htmlToText("<script>never"), "");
}

TEST(FeedParser, ImportFeedFromAFileStoresEachItemOnceWithoutFetching) {
    TempLibrary t;
    const std::string path = writeFile(t.dir(), "ledger.rss", kRss);
    Analyzer analyzer;
    const BatchResult r = BatchImport::importFeed(t.library(), analyzer, path);
    EXPECT_EQ(r.imported, 3);
    EXPECT_TRUE(r.refused.empty());
    // The item without text, and the date "the day after yesterday" (that item is kept undated).
    ASSERT_EQ(r.warnings.size(), 2u);
    EXPECT_NE(r.warnings[0].second.find("'the day after yesterday' is not understood"), std::string::npos);
    EXPECT_NE(r.warnings[1].second.find("1 item without text"), std::string::npos);
    const BatchResult again = BatchImport::importFeed(t.library(), analyzer, path);
    EXPECT_EQ(again.imported, 0);
    EXPECT_EQ(again.duplicates, 3);
    EXPECT_EQ(t.library().articles().count(), 3);
    bool found = false;
    for (const auto& s : t.library().articles().list()) {
        if (s.meta.url != "https://ledger.example.org/trade-deal") continue;
        found = true;
        EXPECT_EQ(s.meta.source, "The Daily Ledger");
        ASSERT_TRUE(s.meta.published);
        EXPECT_EQ(s.meta.published->toIso(), "2025-06-10");
    }
    EXPECT_TRUE(found);
}
