#pragma once

// Scores the analyzer's entity mentions against token-level NER corpora (CoNLL-2003,
// GMB, re3d): exact span and type, micro-averaged, as published NER results are.

#include "core/model/Analysis.h"

#include <array>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::core {

class Analyzer;
class NerTagger;
struct NerTrainingText;

// The types the corpora and Dossier share; everything else (MISC, policy, art...) is ignored.
enum class NerType { Per, Loc, Org };
inline constexpr std::size_t kNerTypeCount = 3;
std::string_view toString(NerType type);
std::optional<NerType> nerTypeOf(EntityType type);  // person→PER, country/place→LOC, organization→ORG

enum class NerFormat { Conll, Gmb, Re3d };
std::optional<NerFormat> nerFormatFromString(std::string_view name);

// A typed run of tokens [first, last) of one document.
struct NerSpan {
    std::size_t first = 0;
    std::size_t last = 0;
    NerType type = NerType::Per;
    friend auto operator<=>(const NerSpan&, const NerSpan&) = default;
};

// A document rebuilt from a token corpus: tokens joined by single spaces, sentences by
// "\n", so the analyzer sees ordinary text and every token has a code-point span.
struct NerDocument {
    std::string text;
    std::vector<Span> tokens;
    std::vector<NerSpan> gold;
    // Names of the corpus's other types (CoNLL MISC, GMB art/eve/nat, re3d Nationality):
    // not scored, but a tagger learns from them what is a name of none of Dossier's types.
    std::vector<std::pair<std::size_t, std::size_t>> otherNames;
};

struct NerCounts {
    std::size_t tp = 0;
    std::size_t fp = 0;
    std::size_t fn = 0;
    double precision() const;
    double recall() const;
    double f1() const;
    NerCounts& operator+=(const NerCounts& other);
};

struct NerScore {
    std::array<NerCounts, kNerTypeCount> byType{};
    NerCounts& of(NerType type) { return byType[static_cast<std::size_t>(type)]; }
    const NerCounts& of(NerType type) const { return byType[static_cast<std::size_t>(type)]; }
    NerCounts overall() const;
    NerScore& operator+=(const NerScore& other);
};

// One mistake, for --errors: a spurious prediction or a missed gold mention.
struct NerError {
    enum class Kind { FalsePositive, FalseNegative };
    Kind kind = Kind::FalsePositive;
    std::size_t document = 0;
    Span span;  // code points in the document's text
    NerType type = NerType::Per;
    std::optional<NerType> goldType;  // a false positive on a gold span of another type
    bool unaligned = false;           // a prediction that does not start and end on token boundaries
};

struct NerReport {
    NerScore score;
    std::size_t documents = 0;
    std::size_t tokens = 0;
    std::size_t unaligned = 0;  // predictions off token boundaries, counted as false positives
    double seconds = 0;
    std::vector<NerError> errors;
};

class NerEvaluation {
public:
    // GMB and re3d have no document boundaries; the analyzer works on articles, so
    // sentences are grouped into pseudo-documents of this many.
    static constexpr std::size_t kSentencesPerDocument = 20;

    // Reads a corpus (UTF-8 for conll/re3d, latin-1 for gmb); limit > 0 keeps only the
    // first documents. Throws std::runtime_error naming the line when the input is malformed.
    static std::vector<NerDocument> read(std::string_view bytes, NerFormat format, std::size_t limit = 0);
    static std::vector<NerDocument> readFile(const std::string& path, NerFormat format,
                                             std::size_t limit = 0);

    // The analysis's person/place/organisation mentions as token spans; mentions that
    // do not fall on token boundaries are returned in unaligned (as code-point spans).
    static std::vector<NerSpan> predictions(const NerDocument& doc, const Analysis& analysis,
                                            std::vector<std::pair<Span, NerType>>* unaligned = nullptr);

    // Exact span+type matching of predictions against doc.gold (duplicates count once).
    // Records every mistake in errors when given.
    static NerScore score(const NerDocument& doc, std::vector<NerSpan> predicted,
                          std::vector<NerError>* errors = nullptr, std::size_t documentIndex = 0);

    static NerReport evaluate(const std::vector<NerDocument>& documents, const Analyzer& analyzer);
    // The trained tagger alone, before the pipeline's rules and coreference.
    static NerReport evaluate(const std::vector<NerDocument>& documents, const NerTagger& tagger);

    // GMB and re3d have no separate test split: every tenth pseudo-document is held out
    // from training (heldOut = true keeps those, false keeps the rest).
    static std::vector<NerDocument> split(std::vector<NerDocument> documents, bool heldOut);
    // The document as a training text for the tagger, with every name typed.
    static NerTrainingText trainingText(const NerDocument& doc);

    // The table of P/R/F1 and, when errorSamples > 0, that many false positives and
    // false negatives spread over the corpus, each with its sentence.
    static void print(std::ostream& out, const NerReport& report, const std::vector<NerDocument>& documents,
                      std::size_t errorSamples);
};

}  // namespace dossier::core
