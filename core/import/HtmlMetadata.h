#pragma once

#include "core/model/Article.h"

#include <string>
#include <string_view>

struct GumboInternalNode;

namespace dossier::core {

// Reads an article's metadata from a parsed page, trusting what publishers write
// for machines first (OpenGraph and article:* meta, JSON-LD NewsArticle, rel=canonical)
// and falling back to what readers see (<h1>, byline, <time datetime>, <title>).
class HtmlMetadata {
public:
    // `article` is the element the text comes from: <h1>, <time> and bylines are looked for there first.
    static ArticleMeta extract(const GumboInternalNode* document, const GumboInternalNode* article);

    // "Ministers agree deal | The Daily Ledger" -> "Ministers agree deal" (site may be empty).
    static std::string cleanTitle(std::string_view title, std::string_view site);
    // A title that fits a list row, cut at a code-point boundary.
    static std::string shortTitle(std::string_view title);
    // "https://www.example.org/a/b" -> "example.org"; empty when url is not absolute http(s).
    static std::string hostOf(std::string_view url);
};

}  // namespace dossier::core
