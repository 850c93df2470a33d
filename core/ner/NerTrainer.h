#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/model/Analysis.h"
#include "core/ner/NerFeatures.h"
#include "core/ner/NerLabel.h"
#include "core/ner/NerModel.h"

namespace dossier::core {

class KnowledgeBase;
struct TextDocument;

// A training document: text and its names as code-point spans.
struct NerTrainingText {
    std::string text;
    std::vector<std::pair<Span, NerClass>> names;
};

// Trains the tagger's averaged perceptron (Collins 2002) on labelled documents, tokenised
// exactly as the pipeline tokenises articles so that training and tagging see the same
// tokens. Deterministic: the same documents, epochs and seed give the same model.
class NerTrainer {
public:
    struct Epoch {
        unsigned number = 0;
        std::size_t tokens = 0;
        std::size_t mistakes = 0;  // tokens labelled wrongly during the epoch
    };

    NerTrainer(const KnowledgeBase& kb, unsigned bits = NerModel::kDefaultBits);
    ~NerTrainer();

    void add(NerTrainingText document);
    std::size_t documents() const { return docs_.size(); }
    std::size_t tokens() const;
    // Names whose edges fall inside a token of ours ("U.S.-based"): labelled by the tokens they cover.
    std::size_t misaligned() const { return misaligned_; }

    NerModel train(unsigned epochs, std::uint32_t seed, const std::function<void(const Epoch&)>& progress = {});

private:
    struct Doc;
    NerFeatures features_;
    unsigned bits_;
    std::vector<std::unique_ptr<Doc>> docs_;
    std::size_t misaligned_ = 0;
};

}  // namespace dossier::core
