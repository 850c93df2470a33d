#include "core/analysis/SentenceSplitter.h"

#include <algorithm>
#include <array>
#include <string>

namespace dossier::core {

namespace {

// Words that a period follows without ending the sentence.
constexpr std::array<std::string_view, 44> kAbbreviations{
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Gov", "Sen", "Rep", "Rev", "St", "Jr", "Sr", "Lt", "Col",
    "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Pres", "Amb", "Hon", "Mt", "Ft", "Inc", "Corp", "Ltd", "Co",
    "vs", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "etc"};

// Capitalised words that usually start a sentence, so an initialism before them ("... in the U.S. The")
// still ends one.
constexpr std::array<std::string_view, 16> kSentenceStarters{
    "The", "It", "He", "She", "They", "We", "I", "This", "That", "But", "And", "In", "A", "An", "There", "His"};

bool isClosing(std::string_view t) {
    return t == "\"" || t == "”" || t == "’" || t == "'" || t == ")" || t == "]" || t == "»";
}

bool isTerminal(std::string_view t) { return t == "." || t == "!" || t == "?" || t == "…"; }

bool startsLikeSentence(std::string_view text, const Token& t) {
    const std::string_view s = t.text(text);
    if (t.kind == TokenKind::Number) return true;
    if (t.capitalized) return true;
    return s == "\"" || s == "“" || s == "‘" || s == "(" || s == "'" || s == "«";
}

}  // namespace

std::vector<SentenceRange> SentenceSplitter::split(std::string_view text, const std::vector<Token>& tokens) {
    std::vector<SentenceRange> out;
    std::size_t start = 0;
    auto close = [&](std::size_t end) {
        if (end > start) out.push_back({start, end});
        start = end;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i > start && tokens[i].newlineBefore) {
            close(i);  // a line break ends a paragraph, headline or list item
        }
        const std::string_view s = tokens[i].text(text);
        const bool initialism = tokens[i].kind == TokenKind::Word && s.size() >= 4 && s.back() == '.';
        if (!isTerminal(s) && !initialism) continue;

        std::size_t end = i + 1;
        while (end < tokens.size() && (isTerminal(tokens[end].text(text)) || isClosing(tokens[end].text(text))) &&
               !tokens[end].spaceBefore)
            ++end;
        if (end >= tokens.size()) break;
        const Token& next = tokens[end];
        if (!next.spaceBefore || !startsLikeSentence(text, next)) continue;
        if (s == "." && i > 0 && !tokens[i].spaceBefore) {
            const std::string_view prev = tokens[i - 1].text(text);
            const bool abbreviation = std::find(kAbbreviations.begin(), kAbbreviations.end(), prev) != kAbbreviations.end();
            const bool initial = tokens[i - 1].kind == TokenKind::Word && tokens[i - 1].capitalized &&
                                 tokens[i - 1].byteEnd - tokens[i - 1].byteStart == 1;  // "George W. Bush"
            if ((abbreviation || initial) && !next.newlineBefore) continue;
        }
        if (initialism && !next.newlineBefore &&
            std::find(kSentenceStarters.begin(), kSentenceStarters.end(), next.text(text)) == kSentenceStarters.end())
            continue;
        close(end);
        i = end - 1;
    }
    close(tokens.size());
    return out;
}

}  // namespace dossier::core
