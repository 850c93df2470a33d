#pragma once

#include <string_view>
#include <vector>

#include "core/analysis/Token.h"

namespace dossier::core {

// Splits UTF-8 text into words, numbers and punctuation, Unicode-aware: letters of
// any script, curly quotes and apostrophes, dashes. A hyphen is a token of its own
// with no space before it, so "Seung-chan" and "Korea-China" can each be read the
// way their context wants. Initialisms ("U.S.", "U.K.") stay one token; so do
// decimal numbers ("3.5", "1,000").
class Tokenizer {
public:
    static std::vector<Token> tokenize(std::string_view text);
};

}  // namespace dossier::core
