#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/text/HashedKeyMap.h"
#include "core/ner/NerLabel.h"

namespace dossier::core {

class KnowledgeBase;
struct TextDocument;
struct Token;

// The features of every token of a document that do not depend on the labels chosen
// so far, as 64-bit hashes: computed once per document, in training and tagging alike.
struct NerFeatureTable {
    // Left uninitialised when resized: the builder writes every element it keeps.
    template <class T>
    struct Uninitialised : std::allocator<T> {
        template <class U>
        struct rebind {
            using other = Uninitialised<U>;
        };
        template <class U>
        void construct(U* p) noexcept {
            ::new (static_cast<void*>(p)) U;
        }
        template <class U, class... Args>
        void construct(U* p, Args&&... args) {
            ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
        }
    };
    std::vector<std::uint64_t, Uninitialised<std::uint64_t>> ids;
    std::vector<std::uint32_t> begin;  // token i's features are ids[begin[i], begin[i + 1])
    std::vector<std::uint64_t> word;   // hash of each token's lower-case form
    std::vector<std::uint64_t> shape;  // hash of each token's shape ("Xx", "X.X.", "d")
    std::vector<std::uint8_t> capitalized;  // a capitalised word: one the article may name again

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
    HashedKeyMap<Counts> seen_;
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
    struct Lexicon {
        std::unordered_map<std::uint64_t, WordFacts> facts;  // by nerhash::bytes of the lower-case word
        std::vector<std::string> words;                      // those words, for tables built at load
    };
    static const Lexicon& bundledLexicon();

    explicit NerFeatures(const KnowledgeBase& kb, const Lexicon& lexicon = bundledLexicon())
        : kb_(kb), lexicon_(lexicon) {}

    // What one word as written gives the tagger whatever its context: its hashes, its
    // word data, and what the knowledge base says of the word alone.
    struct WordInfo {
        std::uint64_t word = 0;     // hash of the lower-case form
        std::uint64_t written = 0;  // hash as written
        std::uint64_t shape = 0;
        std::uint64_t fine = 0;     // word classes, as feature values
        std::uint64_t coarse = 0;
        UsualCase usualCase = UsualCase::Unknown;
        std::uint8_t names = 0;        // capitalised words: 1 a given name, 2 a surname
        bool common = false;           // capitalised words: an ordinary English word
        bool mayStartPhrase = false;   // a knowledge-base phrase may start with it
        bool isWord = false;
        bool capitalized = false;
    };
    WordInfo wordInfo(std::string_view written, std::string_view lower, const Token& token) const;

    // The features of a word alone, as the token scored (offset 0) or as its neighbour
    // at offset -2, -1, 1 or 2 in the same sentence; null: no token there.
    static void wordFeatures(const WordInfo* info, std::string_view lower, int offset, std::vector<std::uint64_t>& out);

    // Every feature of every token (training, and the reference for tagging).
    NerFeatureTable extract(const TextDocument& doc) const;

    // Only the features of each token's context, for a tagger that has the word-alone
    // ones summed ahead; `infoOf(i, written, lower)` gives token i's word information.
    // `scored`, when given, says which tokens need features (those with kScored): the
    // others get none.
    static constexpr std::uint8_t kScored = 1;
    using InfoSource = std::function<const WordInfo*(std::size_t i, std::string_view written, std::string_view lower)>;
    NerFeatureTable extractContext(const TextDocument& doc, const InfoSource& infoOf,
                                   const std::vector<std::uint8_t>* scored = nullptr) const;

    // Appends the features of the labels already chosen: for the two tokens before
    // token i, and for its word earlier in the article.
    static void history(const NerFeatureTable& table, std::size_t i, NerLabel prev, NerLabel prev2,
                        const NerDocumentMemory& memory, std::vector<std::uint64_t>& out);
    // The two parts of history: the labels alone (which a tagger can sum ahead for every
    // pair), and those with token i's word and shape and its labels earlier on.
    static void labelsBefore(NerLabel prev, NerLabel prev2, std::vector<std::uint64_t>& out);
    static void wordHistory(const NerFeatureTable& table, std::size_t i, NerLabel prev,
                            const NerDocumentMemory& memory, std::vector<std::uint64_t>& out);

private:
    NerFeatureTable build(const TextDocument& doc, const InfoSource& infoOf, bool wordAlone,
                          const std::vector<std::uint8_t>* scored) const;

    const KnowledgeBase& kb_;
    const Lexicon& lexicon_;
};

}  // namespace dossier::core
