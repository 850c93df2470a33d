#pragma once

#include <optional>
#include <string_view>

#include "core/model/Analysis.h"
#include "core/model/Date.h"

namespace dossier::core {

class KnowledgeBase;
class NerTagger;

// Runs the analysis pipeline over one article's text: sentences and tokens, entity
// mentions, coreference, roles, time expressions, relations, chronology. Pure: the
// same text and date give the same result, and nothing is read or written.
class Analyzer {
public:
    // Stored with each article; bump it when results change so libraries re-analyse.
    static constexpr int kVersion = 2;

    // How names are found. The rules and lists alone are fast; adding the trained tagger
    // finds the names no list holds and tells organisations from places far better
    // (CoNLL-2003 dev F1 61 -> 90), at about twice the analysis time for now
    // (docs/performance.md). It stays opt-in until it costs no speed.
    enum class Names { Rules, RulesAndTagger };

    explicit Analyzer(Names names = Names::Rules);
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    Analysis analyze(std::string_view text, const std::optional<Date>& published) const;
    Names names() const { return tagger_ ? Names::RulesAndTagger : Names::Rules; }

private:
    const KnowledgeBase& kb_;
    const NerTagger* tagger_ = nullptr;  // the shared bundled tagger; null: rules only
};

}  // namespace dossier::core
