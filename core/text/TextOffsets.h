#pragma once

// Offsets convention, from storage to screen.
//
// Every offset Dossier stores or prints is a count of Unicode code points from the
// start of the article text as imported (header block removed, line ends normalised
// to "\n"), with the end exclusive. We chose code points because they are what the
// JSON contract, Python's text[start:end] and SQLite's substr() all count, so a
// stored mention can be checked from any of them; they also do not depend on how a
// particular front end encodes strings. Core keeps text as UTF-8; the UI converts
// code points to QString's UTF-16 units at the edge (see Utf16Offsets).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::core {

using Offset = std::int64_t;  // a code-point offset into an article's text

// True when the bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
// On failure, badByte receives the offset of the first offending byte.
bool isValidUtf8(std::string_view bytes, std::size_t* badByte = nullptr);

// Decodes the code point at byte position pos of valid UTF-8 and advances pos past it.
char32_t decodeUtf8(std::string_view text, std::size_t& pos);
void appendUtf8(std::string& out, char32_t cp);

std::size_t codePointCount(std::string_view utf8);

// Maps between byte and code-point offsets of one UTF-8 text in O(1) after an O(n) build.
class CodePointIndex {
public:
    explicit CodePointIndex(std::string_view utf8);

    std::size_t size() const { return cpToByte_.size() - 1; }  // code points in the text
    std::size_t byteOf(Offset cp) const;                        // cp may equal size()
    Offset codePointOf(std::size_t byte) const;                 // byte must start a code point or be the end

private:
    std::vector<std::uint32_t> cpToByte_;
    std::string_view text_;
};

// The code points [start, end) of a UTF-8 text, as UTF-8.
std::string sliceCodePoints(std::string_view utf8, Offset start, Offset end);

}  // namespace dossier::core
