#include "core/import/FeedParser.h"

#include <QXmlStreamReader>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <utility>

#include "core/import/HtmlMetadata.h"
#include "core/import/ImportError.h"
#include "core/text/TextOffsets.h"

namespace dossier::core {

namespace {

using R = ImportError::Reason;

// Enough for every legitimate use of internal entities, far below a "billion laughs".
constexpr int kEntityExpansionLimit = 4096;

const QString kContentNs = QStringLiteral("http://purl.org/rss/1.0/modules/content/");

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Collapses whitespace (including no-break spaces) inside one paragraph and trims it.
std::string collapse(std::string_view s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool nbsp = s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
        if (isSpace(s[i]) || nbsp) {
            space = true;
            if (nbsp) ++i;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += s[i];
    }
    return out;
}

// A numeric character reference may name no character: NUL, a surrogate, or past U+10FFFF.
void appendReference(std::string& out, char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    appendUtf8(out, cp);
}

// The entities news HTML actually uses; an unknown one stays as written.
std::optional<char32_t> namedEntity(std::string_view name) {
    static constexpr std::array<std::pair<std::string_view, char32_t>, 16> kNamed{{
        {"amp", U'&'}, {"lt", U'<'}, {"gt", U'>'}, {"quot", U'"'}, {"apos", U'\''}, {"nbsp", U'\u00A0'},
        {"mdash", U'\u2014'}, {"ndash", U'\u2013'}, {"hellip", U'\u2026'}, {"lsquo", U'\u2018'},
        {"rsquo", U'\u2019'}, {"ldquo", U'\u201C'}, {"rdquo", U'\u201D'}, {"laquo", U'\u00AB'},
        {"raquo", U'\u00BB'}, {"euro", U'\u20AC'},
    }};
    for (const auto& [n, cp] : kNamed)
        if (n == name) return cp;
    return std::nullopt;
}

// Decodes the entity at s[i] == '&' into out; returns the index after it.
std::size_t decodeEntity(std::string_view s, std::size_t i, std::string& out) {
    const std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 12) {
        out += '&';
        return i + 1;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        std::uint32_t cp = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
        if (ec == std::errc() && end == digits.data() + digits.size() && !digits.empty()) {
            appendReference(out, static_cast<char32_t>(cp));
            return semi + 1;
        }
    } else if (const auto cp = namedEntity(name)) {
        appendReference(out, *cp);
        return semi + 1;
    }
    out += '&';
    return i + 1;
}

bool isBlockTag(std::string_view tag) {
    static constexpr std::array<std::string_view, 24> kBlocks{
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "hr", "dd"};
    return std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end();
}

std::string joinParagraphs(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const std::string& p : paragraphs) {
        if (p.empty()) continue;
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

std::string toStd(const QString& s) { return s.toStdString(); }

}  // namespace

std::string FeedParser::htmlToText(std::string_view html) {
    std::vector<std::string> paragraphs;
    std::string current;
    const auto flush = [&] {
        paragraphs.push_back(collapse(current));
        current.clear();
    };
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '&') {
            i = decodeEntity(html, i, current);
            continue;
        }
        if (c != '<') {
            current += c;
            ++i;
            continue;
        }
        if (html.substr(i, 4) == "<!--") {
            const std::size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        const std::size_t close = html.find('>', i);
        if (close == std::string_view::npos) break;  // a cut-off tag: nothing after it is text
        std::string_view tag = html.substr(i + 1, close - i - 1);
        i = close + 1;
        if (!tag.empty() && tag.front() == '/') tag.remove_prefix(1);
        const std::size_t nameEnd = std::min(tag.find_first_of(" \t\r\n/>"), tag.size());
        const std::string name = lower(tag.substr(0, nameEnd));
        if (name == "script" || name == "style") {
            if (html[close - 1] == '/') continue;
            const std::string end = "</" + name;
            std::size_t at = i;
            while (at < html.size() && lower(html.substr(at, end.size())) != end) ++at;
            const std::size_t gt = html.find('>', at);
            i = gt == std::string_view::npos ? html.size() : gt + 1;
            continue;
        }
        if (isBlockTag(name)) flush();
    }
    flush();
    return joinParagraphs(paragraphs);
}

std::string FeedParser::plainToText(std::string_view text) {
    std::vector<std::string> paragraphs;
    std::size_t from = 0;
    std::string normalized;
    for (char c : text)
        if (c != '\r') normalized += c;
    const std::string_view s = normalized;
    while (from <= s.size()) {
        const std::size_t end = std::min(s.find("\n\n", from), s.size());
        paragraphs.push_back(collapse(s.substr(from, end - from)));
        from = end + 2;
    }
    return joinParagraphs(paragraphs);
}

std::optional<Date> FeedParser::parseDate(std::string_view text) {
    std::string s = collapse(text);
    if (s.empty()) return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(s[0])) && s.size() >= 10 && s[4] == '-') {
        const auto d = Date::parseIso(s);
        if (d && d->isValid()) return d;
        return std::nullopt;
    }
    // RFC 822: [Day,] DD Mon YYYY [HH:MM[:SS] zone]
    if (const std::size_t comma = s.find(','); comma != std::string::npos) s = collapse(s.substr(comma + 1));
    std::vector<std::string> parts;
    for (std::size_t from = 0; from < s.size();) {
        const std::size_t end = std::min(s.find(' ', from), s.size());
        parts.push_back(s.substr(from, end - from));
        from = end + 1;
    }
    if (parts.size() < 3) return std::nullopt;
    static constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                              "jul", "aug", "sep", "oct", "nov", "dec"};
    const std::string mon = lower(parts[1]).substr(0, 3);
    const auto m = std::find(kMonths.begin(), kMonths.end(), mon);
    if (m == kMonths.end()) return std::nullopt;
    const auto number = [](const std::string& p, int& v) {
        const auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), v);
        return ec == std::errc() && end == p.data() + p.size();
    };
    int day = 0;
    int year = 0;
    if (!number(parts[0], day) || !number(parts[2], year) || day < 1 || day > 31) return std::nullopt;
    if (parts[2].size() == 2) year += year < 50 ? 2000 : 1900;
    if (year < 1000 || year > 9999) return std::nullopt;
    const Date d(year, static_cast<unsigned>(m - kMonths.begin() + 1), static_cast<unsigned>(day));
    if (!d.isValid()) return std::nullopt;
    return d;
}

bool FeedParser::handles(std::string_view fileName) {
    const std::string l = lower(fileName);
    return l.ends_with(".rss") || l.ends_with(".atom") || l.ends_with(".xml");
}

bool FeedParser::looksLikeFeed(std::string_view bytes) {
    const std::string head = lower(bytes.substr(0, 2048));
    return head.find("<rss") != std::string::npos || head.find("<feed") != std::string::npos ||
           head.find("<rdf:rdf") != std::string::npos;
}

namespace {

// One <item> or <entry>, read up to its end tag.
struct ItemReader {
    QXmlStreamReader& xml;
    bool atom;

    static bool isRel(const QXmlStreamAttributes& a) {
        const auto rel = a.value(QStringLiteral("rel"));
        return rel.isEmpty() || rel == QStringLiteral("alternate");
    }

    // Text of an element whose type attribute says html/xhtml/text (Atom) or HTML (RSS).
    std::string body(bool html) {
        const QString type = xml.attributes().value(QStringLiteral("type")).toString().toLower();
        const bool plain = atom && (type.isEmpty() || type == QStringLiteral("text"));
        const QString raw = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        return (html && !plain) ? FeedParser::htmlToText(toStd(raw)) : FeedParser::plainToText(toStd(raw));
    }

    std::string authorName() {
        if (!atom) return toStd(xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
        std::string name;
        while (xml.readNextStartElement()) {
            if (xml.name() == QStringLiteral("name"))
                name = toStd(xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
            else
                xml.skipCurrentElement();
        }
        return name;
    }

    std::string badDate;  // a publication date given but not understood

    ImportedDocument read() {
        ImportedDocument doc;
        std::string summary;
        std::string content;
        std::optional<Date> published;
        std::optional<Date> updated;
        while (xml.readNextStartElement()) {
            const QStringView name = xml.name();
            if (name == QStringLiteral("title")) {
                doc.meta.title = collapse(body(atom));  // RSS titles are plain text
            } else if (name == QStringLiteral("link")) {
                if (atom) {
                    const auto a = xml.attributes();
                    if (doc.meta.url.empty() && isRel(a)) doc.meta.url = toStd(a.value(QStringLiteral("href")).toString().trimmed());
                    xml.skipCurrentElement();
                } else {
                    doc.meta.url = toStd(xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed());
                }
            } else if (name == QStringLiteral("pubDate") || name == QStringLiteral("published") ||
                       name == QStringLiteral("date") || name == QStringLiteral("issued")) {
                const std::string text = collapse(toStd(xml.readElementText(QXmlStreamReader::IncludeChildElements)));
                published = FeedParser::parseDate(text);
                if (!published && !text.empty()) badDate = text;
            } else if (name == QStringLiteral("updated") || name == QStringLiteral("modified")) {
                updated = FeedParser::parseDate(toStd(xml.readElementText(QXmlStreamReader::IncludeChildElements)));
            } else if (name == QStringLiteral("author") || name == QStringLiteral("creator")) {
                std::string author = authorName();
                // RSS <author> is "email (Name)": keep the name.
                if (const auto open = author.find('('); open != std::string::npos && author.ends_with(')'))
                    author = author.substr(open + 1, author.size() - open - 2);
                if (doc.meta.author.empty()) doc.meta.author = collapse(author);
            } else if (name == QStringLiteral("description") || name == QStringLiteral("summary")) {
                summary = body(true);
            } else if ((name == QStringLiteral("encoded") && xml.namespaceUri() == kContentNs) ||
                       (atom && name == QStringLiteral("content"))) {
                content = body(true);
            } else {
                xml.skipCurrentElement();
            }
        }
        doc.meta.published = published ? published : updated;
        doc.text = content.size() >= summary.size() ? std::move(content) : std::move(summary);
        return doc;
    }
};

}  // namespace

ParsedFeed FeedParser::read(std::string_view bytes, const std::string& fileName) {
    if (bytes.size() > kMaxBytes)
        throw ImportError(R::TooLarge, fileName, "the feed is larger than 16 MiB");
    if (collapse(bytes.substr(0, 4096)).empty()) throw ImportError(R::Empty, fileName, "the feed is empty");

    QXmlStreamReader xml(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    xml.setEntityExpansionLimit(kEntityExpansionLimit);
    // No entity resolver is set: external entities (XXE) stay unresolved and read as nothing.
    ParsedFeed feed;
    bool atom = false;
    bool rootSeen = false;
    int depth = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            --depth;
            continue;
        }
        if (token != QXmlStreamReader::StartElement) continue;
        const QStringView name = xml.name();
        if (!rootSeen) {
            rootSeen = true;
            atom = name == QStringLiteral("feed");
            if (!atom && name != QStringLiteral("rss") && name != QStringLiteral("RDF"))
                throw ImportError(R::Unsupported, fileName,
                                  "this is XML but not an RSS or Atom feed (it starts with <" + toStd(name.toString()) + ">)");
        }
        if (name == QStringLiteral("item") || name == QStringLiteral("entry")) {
            ItemReader reader{xml, atom, {}};
            ImportedDocument doc = reader.read();
            if (doc.text.empty() || doc.text.size() > TextImporter::kMaxBytes) {
                ++feed.skipped;
                continue;
            }
            if (doc.meta.title.empty()) doc.meta.title = HtmlMetadata::shortTitle(doc.text.substr(0, doc.text.find('\n')));
            if (!doc.meta.published && !reader.badDate.empty())
                feed.badDates.emplace_back(doc.meta.title, reader.badDate);
            feed.items.push_back(std::move(doc));
            continue;  // the reader consumed the end tag
        }
        ++depth;
        // <rss><channel><title> or <feed><title>, also <rdf:RDF><channel><title>.
        if (name == QStringLiteral("title") && feed.title.empty() && depth == (atom ? 2 : 3)) {
            feed.title = collapse(toStd(xml.readElementText(QXmlStreamReader::IncludeChildElements)));
            --depth;
        }
    }
    if (xml.hasError())
        throw ImportError(R::Unsupported, fileName,
                          "the feed is not well-formed XML (line " + std::to_string(xml.lineNumber()) + ": " +
                              toStd(xml.errorString()) + ")");
    if (!rootSeen) throw ImportError(R::Unsupported, fileName, "this is not an RSS or Atom feed");
    for (ImportedDocument& doc : feed.items) {
        doc.meta.source = feed.title.empty() ? HtmlMetadata::hostOf(doc.meta.url) : feed.title;
    }
    return feed;
}

std::vector<ImportedDocument> FeedParser::parse(std::string_view bytes, const std::string& fileName) {
    return read(bytes, fileName).items;
}

}  // namespace dossier::core
