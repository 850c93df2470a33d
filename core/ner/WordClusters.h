#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace dossier::core {

// Word classes learnt from unlabelled text: words that occur in the same contexts
// ("Tuesday", "Friday"; "Reuters", "Interfax") share a class, so the tagger can
// generalise from a name it was trained on to one it never saw.
//
// The exchange algorithm (Kneser & Ney 1993; Martin, Liebermann & Ney 1998): words
// are moved one at a time to the class that most raises the likelihood of the text
// under a class bigram model. Deterministic for the same input.
class WordClusters {
public:
    // Sentences of lower-case words. Words seen fewer than minCount times stay unclustered.
    static std::unordered_map<std::string, std::uint16_t> learn(const std::vector<std::vector<std::string>>& sentences,
                                                                unsigned classes, unsigned iterations,
                                                                unsigned minCount = 3);
};

}  // namespace dossier::core
