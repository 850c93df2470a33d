#pragma once

#include <vector>

#include "core/ner/NerFeatures.h"
#include "core/ner/NerLabel.h"

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
    NerTagger(const NerModel& model, const KnowledgeBase& kb) : model_(model), features_(kb) {}

    std::vector<NerLabel> labels(const TextDocument& doc) const;
    std::vector<NerName> tag(const TextDocument& doc) const { return names(labels(doc)); }

    // The names a well-formed label sequence spells.
    static std::vector<NerName> names(const std::vector<NerLabel>& labels);

private:
    std::vector<NerLabel> decode(const TextDocument& doc, const NerFeatureTable& table, NerDocumentMemory& memory) const;

    const NerModel& model_;
    NerFeatures features_;
};

}  // namespace dossier::core
