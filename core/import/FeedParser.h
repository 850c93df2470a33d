#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/import/TextImporter.h"
#include "core/model/Date.h"

namespace dossier::core {

// A feed as read: its title and its items as articles.
struct ParsedFeed {
    std::string title;
    std::vector<ImportedDocument> items;  // text may be a short summary; see FeedPages
    int skipped = 0;                      // items without any text
    std::vector<std::pair<std::string, std::string>> badDates;  // item title, date not understood (item kept undated)
};

// Reads RSS 2.0 (and RSS 1.0) and Atom feeds: each item becomes an article with its
// title, link, date and author; meta.source is the feed's title. HTML in
// descriptions and content is reduced to plain paragraphs separated by "\n\n".
//
// Feeds are untrusted: QXmlStreamReader never resolves external entities (they
// read as nothing), internal entity expansion is bounded, and malformed XML is
// refused with an ImportError naming the line.
class FeedParser {
public:
    static constexpr std::size_t kMaxBytes = 16 * 1024 * 1024;

    // True when the bytes start like an RSS or Atom document (sniffing, not validation).
    static bool looksLikeFeed(std::string_view bytes);
    static bool handles(std::string_view fileName);  // .rss, .atom, .xml

    // Throws ImportError naming fileName when the feed is refused.
    static ParsedFeed read(std::string_view bytes, const std::string& fileName);
    static std::vector<ImportedDocument> parse(std::string_view bytes, const std::string& fileName);

    // "Tue, 10 Jun 2025 04:00:00 GMT" (RFC 822/1123, two-digit years too) or ISO 8601;
    // the calendar day as the publisher wrote it. nullopt for anything else.
    static std::optional<Date> parseDate(std::string_view text);

    // Plain paragraphs from an HTML fragment: tags dropped (scripts and styles with
    // their content), block elements and <br> end paragraphs, entities decoded.
    static std::string htmlToText(std::string_view html);
    // Plain text: paragraphs at blank lines, whitespace inside them collapsed.
    static std::string plainToText(std::string_view text);
};

}  // namespace dossier::core
