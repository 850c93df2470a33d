#include "core/analysis/Tokenizer.h"

#include <QChar>

#include <array>
#include <cstdint>
#include <string_view>

namespace dossier::core {

namespace {

bool isLetter(char32_t c) { return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : QChar::isLetter(c); }
bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || (c >= 0x80 && QChar::isSpace(c)); }
bool isApostrophe(char32_t c) { return c == '\'' || c == U'\u2019'; }
bool isUpper(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : QChar::isUpper(c); }

// ASCII letters and digits by byte: what the tokenizer's inner loop asks of each.
constexpr unsigned kLowerBit = 1, kUpperBit = 2, kDigitBit = 4;
constexpr auto kAsciiClass = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = kLowerBit;
    for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = kUpperBit;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = kDigitBit;
    return t;
}();

struct Cursor {
    std::string_view text;
    std::size_t byte = 0;
    Offset cp = 0;

    bool atEnd() const { return byte >= text.size(); }
    // News text is mostly ASCII: those bytes skip the UTF-8 decoder (a third of the
    // pipeline's tokenizing time went into decoding every character twice).
    char32_t peek(std::size_t ahead = 0) const {
        if (byte + ahead < text.size()) {
            bool ascii = true;
            for (std::size_t k = 0; k <= ahead; ++k) ascii = ascii && static_cast<unsigned char>(text[byte + k]) < 0x80;
            if (ascii) return static_cast<unsigned char>(text[byte + ahead]);
        }
        std::size_t b = byte;
        char32_t c = 0;
        for (std::size_t i = 0; i <= ahead; ++i) {
            if (b >= text.size()) return 0;
            c = decodeUtf8(text, b);
        }
        return c;
    }
    // Steps over ASCII letters and digits, the bulk of news text, counting letters and
    // capitals, without the general checks a character outside them needs.
    void skipAsciiLettersAndDigits(int& letters, int& upper, int& digits) {
        // One table look-up a byte; the counts are made afterwards, and only a run with
        // capitals or digits is read again (most runs are lower-case words).
        std::size_t b = byte;
        unsigned seen = 0;
        for (; b < text.size(); ++b) {
            const unsigned k = kAsciiClass[static_cast<unsigned char>(text[b])];
            if (k == 0) break;
            seen |= k;
        }
        const std::string_view run = text.substr(byte, b - byte);
        int u = 0, d = 0;
        if (seen & (kUpperBit | kDigitBit))
            for (const char c : run) {
                const unsigned k = kAsciiClass[static_cast<unsigned char>(c)];
                u += (k & kUpperBit) ? 1 : 0;
                d += (k & kDigitBit) ? 1 : 0;
            }
        letters += static_cast<int>(run.size()) - d;
        upper += u;
        digits += d;
        cp += static_cast<Offset>(run.size());
        byte = b;
    }
    void next() {
        ++cp;
        if (static_cast<unsigned char>(text[byte]) < 0x80)
            ++byte;
        else
            decodeUtf8(text, byte);
    }
};

}  // namespace

std::vector<Token> Tokenizer::tokenize(std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5);
    Cursor cur{text};
    bool space = false, newline = false;
    while (!cur.atEnd()) {
        const char32_t c = cur.peek();
        if (isSpace(c)) {
            space = true;
            newline = newline || c == '\n';
            cur.next();
            continue;
        }
        Token t;
        t.byteStart = static_cast<std::uint32_t>(cur.byte);
        t.start = cur.cp;
        t.spaceBefore = space || tokens.empty();
        t.newlineBefore = newline;
        space = newline = false;

        if (isLetter(c)) {
            t.kind = TokenKind::Word;
            t.capitalized = isUpper(c);
            int letters = 0, upper = 0, digits = 0;
            // Initialism: single letters each followed by a period ("U.S.", "e.g.").
            if (cur.peek(1) == '.' && isLetter(cur.peek(2)) && cur.peek(3) == '.') {
                while (isLetter(cur.peek()) && cur.peek(1) == '.') {
                    upper += isUpper(cur.peek());
                    ++letters;
                    cur.next();
                    cur.next();
                }
            } else {
                while (!cur.atEnd()) {
                    cur.skipAsciiLettersAndDigits(letters, upper, digits);
                    if (cur.atEnd()) break;
                    const char32_t d = cur.peek();
                    if (isLetter(d) || isDigit(d) || d == U'\u00AD' || (d >= 0x300 && QChar::category(d) == QChar::Mark_NonSpacing)) {
                        letters += isLetter(d);
                        upper += isUpper(d);
                        cur.next();
                    } else if (isApostrophe(d) && isLetter(cur.peek(1)) && !(cur.peek(1) == 's' && !isLetter(cur.peek(2)))) {
                        cur.next();  // O'Brien, don't — but not the possessive 's
                    } else {
                        break;
                    }
                }
            }
            t.allCaps = letters >= 2 && upper == letters;
            t.plain = upper == 0 && digits == 0;  // and ASCII, checked below
        } else if (isDigit(c)) {
            t.kind = TokenKind::Number;
            while (isDigit(cur.peek()) || ((cur.peek() == '.' || cur.peek() == ',') && isDigit(cur.peek(1))))
                cur.next();
            // Ordinals and decades stay whole: "20th", "1990s".
            for (std::u32string_view suffix : {U"th", U"st", U"nd", U"rd", U"s"}) {
                std::size_t k = 0;
                while (k < suffix.size() && cur.peek(k) == suffix[k]) ++k;
                if (k == suffix.size() && !isLetter(cur.peek(k))) {
                    for (std::size_t i = 0; i < k; ++i) cur.next();
                    break;
                }
            }
        } else if (isApostrophe(c) && (cur.peek(1) == 's' || cur.peek(1) == 'S') && !isLetter(cur.peek(2))) {
            t.kind = TokenKind::Word;  // possessive clitic 's
            t.plain = cur.peek(1) == 's';
            cur.next();
            cur.next();
        } else {
            t.kind = QChar::isPunct(c) ? TokenKind::Punct : TokenKind::Symbol;
            t.plain = true;
            cur.next();
        }
        t.byteEnd = static_cast<std::uint32_t>(cur.byte);
        t.end = cur.cp;
        // A byte per code point: ASCII.
        t.plain = t.plain && t.byteEnd - t.byteStart == static_cast<std::uint32_t>(t.end - t.start);
        tokens.push_back(t);
    }
    return tokens;
}

}  // namespace dossier::core
