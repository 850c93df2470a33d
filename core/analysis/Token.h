#pragma once

#include <cstdint>
#include <string_view>

#include "core/text/TextOffsets.h"

namespace dossier::core {

enum class TokenKind : std::uint8_t { Word, Number, Punct, Symbol };

// A token of the analysed text. Byte offsets index the UTF-8 text for speed inside
// the pipeline; code-point offsets are what leaves it.
struct Token {
    std::uint32_t byteStart = 0;
    std::uint32_t byteEnd = 0;
    Offset start = 0;  // code points
    Offset end = 0;
    TokenKind kind = TokenKind::Word;
    bool spaceBefore = false;    // white space between this token and the previous one
    bool newlineBefore = false;  // a line break between them
    bool capitalized = false;    // starts with an upper-case letter
    bool allCaps = false;        // two or more letters, all upper case ("CCTV", "U.S.")
    bool plain = false;          // ASCII only, with no capital letter or digit ("the", ",", "don't")

    std::string_view text(std::string_view source) const { return source.substr(byteStart, byteEnd - byteStart); }
};

}  // namespace dossier::core
