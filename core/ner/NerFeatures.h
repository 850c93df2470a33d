#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/ner/NerLabel.h"

namespace dossier::core {

class KnowledgeBase;
struct TextDocument;

// The features of every token of a document that do not depend on the labels chosen
// so far, as 64-bit hashes: computed once per document, in training and tagging alike.
struct NerFeatureTable {
    std::vector<std::uint64_t> ids;
    std::vector<std::uint32_t> begin;  // token i's features are ids[begin[i], begin[i + 1])
    std::vector<std::uint64_t> word;   // hash of each token's lower-case form
    std::vector<std::uint64_t> shape;  // hash of each token's shape ("Xx", "X.X.", "d")
    std::vector<bool> capitalized;     // a capitalised word: one the article may name again

    std::size_t size() const { return word.size(); }
    std::span<const std::uint64_t> of(std::size_t i) const {
        return {ids.data() + begin[i], ids.data() + begin[i + 1]};
    }
};

// The labels already given to each capitalised word earlier in the article: a name
// keeps its class when it comes back ("Pirelli", "Kent"), and later mentions are often
// shorter and less clear than the first.
class NerDocumentMemory {
public:
    void remember(const NerFeatureTable& table, std::size_t i, NerLabel label);
    // Appends the features of what token i's word was labelled before.
    void features(const NerFeatureTable& table, std::size_t i, std::vector<std::uint64_t>& out) const;

private:
    using Counts = std::array<std::uint16_t, kNerClassCount + 1>;  // + O
    std::unordered_map<std::uint64_t, Counts> seen_;
};

// Where token i stands when its label is chosen: the label it must follow (O at a
// sentence start), what the history features see before it, and whether it must close
// any name it is in (the last token of its sentence).
struct NerPosition {
    NerLabel prev = kNerOutside;
    NerLabel histPrev = kNerSentenceStart;
    NerLabel histPrev2 = kNerSentenceStart;
    bool endsSentence = false;
};
NerPosition nerPosition(const TextDocument& doc, std::size_t i, const std::vector<NerLabel>& labels);

// What a strong news tagger looks at: the word and its neighbours, their shapes,
// prefixes and suffixes, capitalisation in context (sentence starts, headlines in
// capitals, the same word elsewhere in the article), and the knowledge base's
// countries, cities, organisations, titles and person names.
class NerFeatures {
public:
    // What unlabelled news says about a lower-case word (resources/ner): how it is
    // usually written (casing.tsv) and its word classes (clusters.tsv).
    enum class UsualCase : std::uint8_t { Unknown, Lower, Title, Upper, Mixed };
    struct WordFacts {
        UsualCase usualCase = UsualCase::Unknown;
        std::uint16_t coarseClass = 0xffff;  // 0xffff: not clustered
        std::uint16_t fineClass = 0xffff;
    };
    using Lexicon = std::unordered_map<std::uint64_t, WordFacts>;  // by nerhash::bytes of the word
    static const Lexicon& bundledLexicon();

    explicit NerFeatures(const KnowledgeBase& kb, const Lexicon& lexicon = bundledLexicon())
        : kb_(kb), lexicon_(lexicon) {}

    NerFeatureTable extract(const TextDocument& doc) const;

    // Appends the features of the labels already chosen: for the two tokens before
    // token i, and for its word earlier in the article.
    static void history(const NerFeatureTable& table, std::size_t i, NerLabel prev, NerLabel prev2,
                        const NerDocumentMemory& memory, std::vector<std::uint64_t>& out);

private:
    const KnowledgeBase& kb_;
    const Lexicon& lexicon_;
};

}  // namespace dossier::core
