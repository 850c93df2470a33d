#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dossier::core {

// Bounds what the HTML parser is given, so that a hostile page costs little.
//
// gumbo has no depth limit, frees its tree recursively, checks duplicate
// attributes in quadratic time and re-opens every unclosed formatting element
// for each new paragraph. A cheap tokenizer pass over the UTF-8 page therefore
// drops start tags nested deeper than kMaxDepth, attributes past kMaxAttributes
// in one tag and unclosed formatting elements (<b>, <a>, <font>...) past
// kMaxFormatting, keeping all text; it refuses pages with more tags or attributes
// than any saved article has. Numeric character references too long to name any
// character (which overflow gumbo's decoder) become "&#xFFFD". Everything else is
// passed through byte for byte.
class HtmlGuard {
public:
    static constexpr std::size_t kMaxDepth = 256;
    static constexpr std::size_t kMaxAttributes = 64;
    static constexpr std::size_t kMaxFormatting = 8;
    static constexpr std::size_t kMaxNodes = 250'000;
    static constexpr std::size_t kMaxAttributesTotal = 500'000;

    struct Result {
        std::string html;
        std::size_t droppedTags = 0;
        std::size_t droppedAttributes = 0;
    };

    // Throws ImportError (TooLarge) naming fileName when the page has too many nodes.
    static Result limit(std::string_view html, const std::string& fileName);
};

}  // namespace dossier::core
