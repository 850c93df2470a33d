#include "core/analysis/Analyzer.h"

#include "core/analysis/SentenceSplitter.h"
#include "core/analysis/Tokenizer.h"

namespace dossier::core {

Analyzer::Analyzer() = default;
Analyzer::~Analyzer() = default;

Analysis Analyzer::analyze(std::string_view text, const std::optional<Date>& /*published*/) const {
    Analysis analysis;
    const std::vector<Token> tokens = Tokenizer::tokenize(text);
    for (const SentenceRange& s : SentenceSplitter::split(text, tokens))
        analysis.sentences.push_back({tokens[s.first].start, tokens[s.last - 1].end});
    return analysis;
}

}  // namespace dossier::core
