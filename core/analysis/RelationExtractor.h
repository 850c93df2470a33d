#pragma once

#include <vector>

#include "core/analysis/EntityLinker.h"
#include "core/model/Analysis.h"

namespace dossier::core {

struct TextDocument;

// Finds typed relations between the entities of a sentence from trigger words and
// the entities around them. The vocabulary and each type's direction are in
// docs/relations.md. A capital that acts as a government stands for its country.
class RelationExtractor {
public:
    // sentenceWhen: the TimeML date of each sentence ("" when it has none).
    static std::vector<Relation> extract(const TextDocument& doc, const LinkResult& linked,
                                         const std::vector<std::string>& sentenceWhen);
};

}  // namespace dossier::core
