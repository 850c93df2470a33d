#include "core/ner/NerTagger.h"

#include <array>

#include "core/analysis/TextDocument.h"
#include "core/ner/NerModel.h"

namespace dossier::core {

std::vector<NerLabel> NerTagger::labels(const TextDocument& doc) const {
    const NerFeatureTable table = features_.extract(doc);
    NerDocumentMemory memory;
    return decode(doc, table, memory);
}

std::vector<NerLabel> NerTagger::decode(const TextDocument& doc, const NerFeatureTable& table,
                                        NerDocumentMemory& memory) const {
    // The features that do not depend on labels first, for every token: their weights'
    // loads are independent of each other, so the CPU overlaps the cache misses that a
    // token-by-token loop would wait out one decision at a time.
    std::vector<std::array<std::int32_t, kNerLabelCount>> local(table.size());
    constexpr std::size_t kAhead = 2;  // tokens whose rows are fetched while this one is summed
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (i + kAhead < table.size())
            for (const std::uint64_t f : table.of(i + kAhead)) model_.prefetch(f);
        local[i].fill(0);
        model_.addTo(table.of(i), local[i].data());
    }
    std::vector<NerLabel> out(table.size(), kNerOutside);
    std::vector<std::uint64_t> history;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const NerPosition at = nerPosition(doc, i, out);
        std::array<std::int32_t, kNerLabelCount> scores = local[i];
        history.clear();
        NerFeatures::history(table, i, at.histPrev, at.histPrev2, memory, history);
        model_.addTo(history, scores.data());
        out[i] = bestNerLabel(scores.data(), at.prev, at.endsSentence);
        memory.remember(table, i, out[i]);
    }
    return out;
}

std::vector<NerName> NerTagger::names(const std::vector<NerLabel>& labels) {
    std::vector<NerName> out;
    std::size_t first = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const NerLabel l = labels[i];
        if (l == kNerOutside) continue;
        switch (nerPartOf(l)) {
            case NerPart::Begin:
                first = i;
                break;
            case NerPart::Inside:
                break;
            case NerPart::Last:
                out.push_back({first, i + 1, nerClassOf(l)});
                break;
            case NerPart::Unit:
                out.push_back({i, i + 1, nerClassOf(l)});
                break;
        }
    }
    return out;
}

}  // namespace dossier::core
