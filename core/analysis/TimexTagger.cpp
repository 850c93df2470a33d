#include "core/analysis/TimexTagger.h"

#include <algorithm>

#include "core/analysis/TextDocument.h"
#include "core/analysis/TimexReference.h"
#include "core/analysis/TimexScanner.h"

namespace dossier::core {

namespace {

// Longest word the lexicon knows ("approximately"); longer words need no lookup.
constexpr std::size_t kLongestWord = 16;

Timex toTimex(std::string_view text, const std::vector<Token>& tokens, const TimexMatch& m, const Date* published,
              TimexReference& reference) {
    const Token& first = tokens[m.first];
    const Token& last = tokens[m.last - 1];
    Timex t;
    t.span = {first.start, last.end};
    if (first.byteStart <= last.byteEnd && last.byteEnd <= text.size())
        t.text = std::string(text.substr(first.byteStart, last.byteEnd - first.byteStart));
    t.type = m.type;
    const auto rebased = m.anchored ? reference.rebase(*m.anchored) : std::nullopt;
    if (rebased) t.value = resolve(rebased->rel, rebased->date) + m.suffix;
    else if (!m.relative) t.value = m.value;
    else if (published) t.value = resolve(*m.relative, *published) + m.suffix;
    else t.relative = describe(*m.relative) + m.suffix;
    // Comparisons ("last year", "a year ago", "a year earlier") do not move the narrative's time:
    // the next "a year earlier" compares with the same period again.
    const bool comparison = m.comparison || m.anchored ||
                            (m.relative && m.relative->kind == RelativeTime::Kind::Shift &&
                             m.relative->unit > TimeUnit::Day && m.suffix.empty());
    if ((t.type == TimexType::Date || t.type == TimexType::Time) && !comparison) reference.note(t.value);
    return t;
}

}  // namespace

std::vector<Timex> TimexTagger::tag(std::string_view text, const std::vector<Token>& tokens,
                                    const std::vector<SentenceRange>& sentences, const std::optional<Date>& published) {
    return tag(text, tokens, sentences, published, nullptr);
}

std::vector<Timex> TimexTagger::tag(const TextDocument& doc, const std::optional<Date>& published) {
    return tag(doc.text, doc.tokens, doc.sentences, published, &doc.lowerHash);
}

std::vector<Timex> TimexTagger::tag(std::string_view text, const std::vector<Token>& tokens,
                                    const std::vector<SentenceRange>& sentences, const std::optional<Date>& published,
                                    const std::vector<std::uint64_t>* lowerHash) {
    std::vector<Timex> out;
    if (tokens.empty()) return out;

    // Lower-case the text once; every token's words are views into it.
    std::string lowered(text);
    for (char& c : lowered)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    TimexTokens t{tokens, {}, {}};
    t.lower.resize(tokens.size());
    t.words.resize(tokens.size(), nullptr);
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& tok = tokens[k];
        if (tok.byteStart > tok.byteEnd || tok.byteEnd > lowered.size()) continue;  // not from this text
        t.lower[k] = std::string_view(lowered).substr(tok.byteStart, tok.byteEnd - tok.byteStart);
        if (tok.kind != TokenKind::Word || t.lower[k].size() > kLongestWord) continue;
        // The document's lower-case form is this one for ASCII words, the only ones the
        // lexicon holds; for others its hash finds nothing, as the word itself would not.
        const TimexWord* x = t.words[k] =
            lowerHash ? lookupTimexWord(t.lower[k], (*lowerHash)[k]) : lookupTimexWord(t.lower[k]);
        // Words of company results: their "periods" are the quarters (or halves) reported.
        if (x && !t.quarterly)
            t.quarterly = x->unit == TimeUnit::Quarter || t.lower[k] == "quarterly" || t.lower[k] == "fiscal" ||
                          t.lower[k] == "interim";
    }

    const Date* date = published && published->isValid() ? &*published : nullptr;
    std::vector<SentenceRange> ranges = sentences;
    if (ranges.empty()) ranges.push_back({0, tokens.size()});
    TimexReference reference;  // follows the text, so that "the next day" counts from the last date named
    std::size_t done = 0;  // tokens before this are covered: sentences must not overlap
    for (const SentenceRange& s : ranges) {
        const std::size_t begin = std::max(s.first, done);
        const std::size_t end = std::min(s.last, tokens.size());
        if (begin >= end) continue;
        TimexScanner scanner(t, begin, end);
        for (std::size_t i = begin; i < end;) {
            if (!t.words[i] && tokens[i].kind != TokenKind::Number) {
                ++i;
                continue;
            }
            const auto m = scanner.matchAt(i);
            if (!m || m->first != i || m->last <= i || m->last > end) {
                ++i;
                continue;
            }
            out.push_back(toTimex(text, tokens, *m, date, reference));
            i = m->last;
        }
        done = end;
    }
    return out;
}

}  // namespace dossier::core
