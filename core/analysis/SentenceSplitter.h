#pragma once

#include <string_view>
#include <vector>

#include "core/analysis/Token.h"

namespace dossier::core {

// A sentence as a range of tokens [first, last).
struct SentenceRange {
    std::size_t first = 0;
    std::size_t last = 0;
};

// Ends a sentence at . ! ? (with any closing quotes or brackets after it) when the
// next word could start one, and at every paragraph break; not after titles and
// abbreviations ("Dr.", "Gen.", "Jan.") or inside initialisms ("U.S. officials").
class SentenceSplitter {
public:
    static std::vector<SentenceRange> split(std::string_view text, const std::vector<Token>& tokens);
};

}  // namespace dossier::core
