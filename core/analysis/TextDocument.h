#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/SentenceSplitter.h"
#include "core/analysis/Token.h"

namespace dossier::core {

// The working state that every stage of the pipeline reads: the text, its tokens
// and sentences, and each token's lower-case form for case-insensitive matching.
struct TextDocument {
    explicit TextDocument(std::string_view source);

    std::string_view text;
    std::vector<Token> tokens;
    std::vector<SentenceRange> sentences;
    std::vector<std::size_t> sentenceOf;  // token index -> sentence index
    std::vector<std::string> lower;       // token text, lower-cased (ASCII and Latin-1 letters)
    // bytehash::bytes of each token as written and of its lower-case form: hashed once
    // here for the many word lists, tables and maps every stage looks tokens up in.
    std::vector<std::uint64_t> wordHash;
    std::vector<std::uint64_t> lowerHash;

    std::string_view word(std::size_t i) const { return tokens[i].text(text); }
    bool is(std::size_t i, std::string_view lowerText) const { return i < tokens.size() && lower[i] == lowerText; }
    // The possessive clitic, straight or curly ("Jordan's", "China’s").
    bool isPossessive(std::size_t i) const { return is(i, "'s") || is(i, "’s"); }
    // The first word of its sentence, opening quotes and brackets aside ("“When I ...").
    // A token's lower-case form, as `lower` holds it.
    static std::string lowerOf(std::string_view token);
    bool sentenceStart(std::size_t i) const;
    // The token is glued to the previous one by a hyphen ("Seung-chan", "Korea-China").
    bool hyphenGlued(std::size_t i) const;
    // Text of tokens [first, last), as written.
    std::string_view span(std::size_t first, std::size_t last) const;
};

}  // namespace dossier::core
