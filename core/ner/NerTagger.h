#pragma once

#include <array>
#include <vector>

#include "core/ner/NerFeatures.h"
#include "core/ner/NerLabel.h"
#include "core/ner/NerWordTable.h"

namespace dossier::core {

class KnowledgeBase;
class NerModel;
struct TextDocument;

// Finds the names of people, places, organisations (and other names) in a document
// with a trained averaged perceptron: one pass left to right, each token's label
// chosen from its features, the labels before it and those its word had earlier in
// the article.
class NerTagger {
public:
    // Builds the word table for the model (a few hundredths of a second).
    NerTagger(const NerModel& model, const KnowledgeBase& kb);
    NerTagger(const NerTagger&) = delete;  // the word table refers to the features
    NerTagger& operator=(const NerTagger&) = delete;

    // The bundled model's tagger, built on first use and shared: tagging only reads it,
    // so every analyser and thread can use the one instance.
    static const NerTagger& bundled();

    // Which tokens are scored. In edited news a word with no capital letter, digit or
    // non-ASCII letter, between two such words, is outside every name (4 of the 8,603
    // name tokens of CoNLL-2003 dev are not), and two thirds of an article's tokens are
    // such words: NearCapitals gives them O without scoring them. EveryToken is the
    // reference it is tested against.
    enum class Reach { NearCapitals, EveryToken };
    std::vector<NerLabel> labels(const TextDocument& doc, Reach reach = Reach::NearCapitals) const;
    std::vector<NerName> tag(const TextDocument& doc, Reach reach = Reach::NearCapitals) const {
        return names(labels(doc, reach));
    }

    // For each token, kScored when NearCapitals scores it (a token with a capital, digit
    // or non-ASCII letter, kCapitalLike, and its neighbours; every token of a text written
    // without capitals), else 0.
    static constexpr std::uint8_t kScored = NerFeatures::kScored, kCapitalLike = 2;
    static std::vector<std::uint8_t> scoredTokens(const TextDocument& doc);

    // The names a well-formed label sequence spells.
    static std::vector<NerName> names(const std::vector<NerLabel>& labels);

    // Every token's score for each label from the features that do not depend on labels
    // (O's stays 0): the word table's sums plus the context features. Public so that
    // tests can hold it to the sum of every feature the trainer sees. Tokens without
    // kScored in `scored`, when given, get no features and zero scores.
    using Scores = std::array<std::int32_t, kNerLabelCount>;
    std::vector<Scores> localScores(const TextDocument& doc, NerFeatureTable& table,
                                    const std::vector<std::uint8_t>* scored = nullptr) const;

private:
    // Summed weights of the label-only history features, for every pair of labels before
    // a token (O, the 16 name labels, or "sentence start" as index 17).
    static constexpr std::size_t kHistoryLabels = kNerLabelCount + 1;
    static std::size_t historyIndex(NerLabel l) { return l == kNerSentenceStart ? kNerLabelCount : l; }

    const NerModel& model_;
    NerFeatures features_;
    NerWordTable words_;
    std::vector<NerWordEntry::Sum> labelPairs_;  // [prev * kHistoryLabels + prev2]
};

}  // namespace dossier::core
