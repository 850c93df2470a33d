#pragma once

#include <optional>
#include <string_view>

#include "core/model/Analysis.h"
#include "core/model/Date.h"

namespace dossier::core {

class KnowledgeBase;

// Runs the analysis pipeline over one article's text: sentences and tokens, entity
// mentions, coreference, roles, time expressions, relations, chronology. Pure: the
// same text and date give the same result, and nothing is read or written.
class Analyzer {
public:
    // Stored with each article; bump it when results change so libraries re-analyse.
    static constexpr int kVersion = 1;

    Analyzer();
    ~Analyzer();

    Analysis analyze(std::string_view text, const std::optional<Date>& published) const;

private:
    const KnowledgeBase& kb_;
};

}  // namespace dossier::core
