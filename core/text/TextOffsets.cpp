#include "core/text/TextOffsets.h"

#include <algorithm>
#include <stdexcept>

namespace dossier::core {

namespace {
constexpr bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

bool isValidUtf8(std::string_view bytes, std::size_t* badByte) {
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    auto fail = [&](std::size_t at) {
        if (badByte) *badByte = at;
        return false;
    };
    while (i < n) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return fail(i);
        }
        if (i + len > n) return fail(i);
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(bytes[i + k]);
            if (!isContinuation(cc)) return fail(i);
            cp = (cp << 6) | (cc & 0x3F);
        }
        const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return fail(i);
        i += len;
    }
    return true;
}

char32_t decodeUtf8(std::string_view text, std::size_t& pos) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
        ++pos;
        return c;
    }
    std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    len = std::min(len, text.size() - pos);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
    pos += len;
    return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t codePointCount(std::string_view utf8) {
    return static_cast<std::size_t>(
        std::count_if(utf8.begin(), utf8.end(), [](char c) { return !isContinuation(static_cast<unsigned char>(c)); }));
}

CodePointIndex::CodePointIndex(std::string_view utf8) : text_(utf8) {
    cpToByte_.reserve(utf8.size() + 1);
    for (std::size_t i = 0; i < utf8.size(); ++i)
        if (!isContinuation(static_cast<unsigned char>(utf8[i]))) cpToByte_.push_back(static_cast<std::uint32_t>(i));
    cpToByte_.push_back(static_cast<std::uint32_t>(utf8.size()));
}

std::size_t CodePointIndex::byteOf(Offset cp) const {
    if (cp < 0 || static_cast<std::size_t>(cp) >= cpToByte_.size())
        throw std::out_of_range("code-point offset outside the text");
    return cpToByte_[static_cast<std::size_t>(cp)];
}

Offset CodePointIndex::codePointOf(std::size_t byte) const {
    const auto it = std::lower_bound(cpToByte_.begin(), cpToByte_.end(), static_cast<std::uint32_t>(byte));
    if (it == cpToByte_.end() || *it != byte) throw std::out_of_range("byte offset not at a code-point boundary");
    return static_cast<Offset>(it - cpToByte_.begin());
}

std::string sliceCodePoints(std::string_view utf8, Offset start, Offset end) {
    const CodePointIndex index(utf8);
    const auto b = index.byteOf(start);
    const auto e = index.byteOf(end);
    if (e < b) throw std::out_of_range("slice end before start");
    return std::string(utf8.substr(b, e - b));
}

}  // namespace dossier::core
