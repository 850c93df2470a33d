#include "core/ner/NerTagger.h"

#include <algorithm>
#include <array>

#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/TextDocument.h"
#include "core/ner/NerModel.h"

namespace dossier::core {

NerTagger::NerTagger(const NerModel& model, const KnowledgeBase& kb)
    : model_(model), features_(kb), words_(features_, model), labelPairs_(kHistoryLabels * kHistoryLabels) {
    const auto label = [](std::size_t index) {
        return index == kNerLabelCount ? kNerSentenceStart : static_cast<NerLabel>(index);
    };
    std::vector<std::uint64_t> ids;
    for (std::size_t p = 0; p < kHistoryLabels; ++p)
        for (std::size_t p2 = 0; p2 < kHistoryLabels; ++p2) {
            ids.clear();
            NerFeatures::labelsBefore(label(p), label(p2), ids);
            labelPairs_[p * kHistoryLabels + p2] = words_.sum(ids);
        }
}

const NerTagger& NerTagger::bundled() {
    static const NerTagger tagger(NerModel::bundled(), KnowledgeBase::bundled());
    return tagger;
}

std::vector<std::uint8_t> NerTagger::scoredTokens(const TextDocument& doc) {
    const std::size_t n = doc.tokens.size();
    std::vector<std::uint8_t> capitalLike(n);
    std::size_t words = 0, capitalLikeWords = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned like = doc.tokens[i].plain ? 0u : 1u;
        capitalLike[i] = static_cast<std::uint8_t>(like);
        const bool word = doc.tokens[i].kind == TokenKind::Word;
        words += word ? 1 : 0;
        capitalLikeWords += word ? like : 0;
    }
    // Edited news capitalises one word in seven; a text that hardly does cannot be read
    // by its capitals.
    if (capitalLikeWords * 50 < words) return std::vector<std::uint8_t>(n, kScored | kCapitalLike);
    // Tokens written without a space between them read as one word: "Young-hoon",
    // "Chester-le-Street", "London-based". Its words, not its punctuation: the full stop
    // of "Novatech." stays plain, so a name never ends on it.
    for (std::size_t first = 0; first < n;) {
        std::size_t last = first + 1;
        std::uint8_t any = capitalLike[first];
        for (; last < n && !doc.tokens[last].spaceBefore; ++last) any |= capitalLike[last];
        if (any)
            for (std::size_t i = first; i < last; ++i)
                if (doc.tokens[i].kind == TokenKind::Word) capitalLike[i] = 1;
        first = last;
    }
    std::vector<std::uint8_t> scored(n);
    for (std::size_t i = 0; i < n; ++i) {
        const bool near = capitalLike[i] | (i > 0 ? capitalLike[i - 1] : 0) | (i + 1 < n ? capitalLike[i + 1] : 0);
        scored[i] = static_cast<std::uint8_t>((near ? kScored : 0) | (capitalLike[i] ? kCapitalLike : 0));
    }
    return scored;
}

std::vector<NerTagger::Scores> NerTagger::localScores(const TextDocument& doc, NerFeatureTable& table,
                                                      const std::vector<std::uint8_t>* scored) const {
    const std::size_t n = doc.tokens.size();
    NerWordTable::Made& made = words_.made();  // words beyond the table
    std::vector<const NerWordEntry*> entries = words_.entries(doc, made);
    table = features_.extractContext(
        doc,
        [&](std::size_t i, std::string_view written, std::string_view lower) {
            // A word of a headline in capitals is read as a title ("CANADA" as "Canada").
            if (written.data() != doc.text.data() + doc.tokens[i].byteStart)
                entries[i] = &words_.entry(written, lower, doc.tokens[i], made);
            return &entries[i]->info;
        },
        scored);
    // Every token's scores before the greedy pass: their weights' loads are independent
    // of each other, so the CPU overlaps the cache misses that a token-by-token loop
    // would wait out one decision at a time.
    std::vector<Scores> local(n);
    constexpr std::size_t kAhead = 2;  // tokens whose rows are fetched while this one is summed
    for (std::size_t i = 0; i < n; ++i) {
        if (i + kAhead < n)
            for (const std::uint64_t f : table.of(i + kAhead)) model_.prefetch(f);
        if (scored && !((*scored)[i] & kScored)) continue;
        NerWordEntry::Sum sum = entries[i]->self;
        for (std::size_t k = 0; k < 4; ++k) {
            const auto j = static_cast<std::ptrdiff_t>(i) + NerWordTable::kOffsets[k];
            const bool inSentence = j >= 0 && j < static_cast<std::ptrdiff_t>(n) &&
                                    doc.sentenceOf[static_cast<std::size_t>(j)] == doc.sentenceOf[i];
            const NerWordEntry::Sum& add =
                inSentence ? entries[static_cast<std::size_t>(j)]->asNeighbour[k] : words_.beyond()[k];
            for (std::size_t l = 0; l < sum.size(); ++l) sum[l] += add[l];
        }
        local[i][0] = 0;
        std::copy(sum.begin(), sum.end(), local[i].begin() + 1);
        model_.addTo(table.of(i), local[i].data());
    }
    return local;
}

std::vector<NerLabel> NerTagger::labels(const TextDocument& doc, Reach reach) const {
    const std::vector<std::uint8_t> scored =
        reach == Reach::NearCapitals ? scoredTokens(doc) : std::vector<std::uint8_t>();
    const std::vector<std::uint8_t>* mask = reach == Reach::NearCapitals ? &scored : nullptr;
    NerFeatureTable table;
    const std::vector<Scores> local = localScores(doc, table, mask);
    NerDocumentMemory memory;
    std::vector<NerLabel> out(table.size(), kNerOutside);
    std::vector<std::uint64_t> history;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (mask && !(scored[i] & kScored)) {
            // Outside any name. A name the model carried on into plain words ("Steve has
            // never been", "Bellamy's agent") ends at its last word with a capital: the
            // labels stay well formed and the name is not padded with what it ran into.
            if (i > 0 && doc.sentenceOf[i - 1] == doc.sentenceOf[i] && nerIsOpen(out[i - 1])) {
                for (std::size_t j = i - 1;; --j) {
                    const NerPart part = nerPartOf(out[j]);
                    if ((scored[j] & kCapitalLike) && !doc.isPossessive(j)) {
                        out[j] = nerLabel(nerClassOf(out[j]), part == NerPart::Begin ? NerPart::Unit : NerPart::Last);
                        break;
                    }
                    out[j] = kNerOutside;
                    if (part == NerPart::Begin) break;  // plain words only: no name
                }
            }
            continue;
        }
        const NerPosition at = nerPosition(doc, i, out);
        Scores scores = local[i];
        const auto& pair = labelPairs_[historyIndex(at.histPrev) * kHistoryLabels + historyIndex(at.histPrev2)];
        for (std::size_t k = 0; k < pair.size(); ++k) scores[k + 1] += pair[k];
        history.clear();
        NerFeatures::wordHistory(table, i, at.histPrev, memory, history);
        model_.addTo(history, scores.data());
        // The full stop that ends a sentence is no part of a name ("with Novatech."): a name
        // still open before it closes at the word before.
        const std::size_t end = doc.sentences[doc.sentenceOf[i]].last;
        const bool beforeFullStop = i + 2 == end && doc.tokens[i + 1].kind == TokenKind::Punct &&
                                    (doc.word(i + 1) == "." || doc.word(i + 1) == "!" || doc.word(i + 1) == "?");
        out[i] = bestNerLabel(scores.data(), at.prev, at.endsSentence || beforeFullStop);
        memory.remember(table, i, out[i]);
    }
    return out;
}

std::vector<NerName> NerTagger::names(const std::vector<NerLabel>& labels) {
    std::vector<NerName> out;
    std::size_t first = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const NerLabel l = labels[i];
        if (l == kNerOutside) continue;
        switch (nerPartOf(l)) {
            case NerPart::Begin:
                first = i;
                break;
            case NerPart::Inside:
                break;
            case NerPart::Last:
                out.push_back({first, i + 1, nerClassOf(l)});
                break;
            case NerPart::Unit:
                out.push_back({i, i + 1, nerClassOf(l)});
                break;
        }
    }
    return out;
}

}  // namespace dossier::core
