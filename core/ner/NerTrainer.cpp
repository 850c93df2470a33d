#include "core/ner/NerTrainer.h"

#include <algorithm>
#include <array>
#include <random>

#include "core/analysis/TextDocument.h"

namespace dossier::core {

struct NerTrainer::Doc {
    explicit Doc(std::string t) : text(std::move(t)), doc(text) {}
    std::string text;  // before doc, which views it
    TextDocument doc;
    std::vector<NerLabel> gold;
    NerFeatureTable features;
};

NerTrainer::NerTrainer(const KnowledgeBase& kb, unsigned bits) : features_(kb), bits_(bits) {}
NerTrainer::~NerTrainer() = default;

void NerTrainer::add(NerTrainingText document) {
    auto d = std::make_unique<Doc>(std::move(document.text));
    const std::vector<Token>& tokens = d->doc.tokens;
    d->gold.assign(tokens.size(), kNerOutside);
    for (const auto& [span, cls] : document.names) {
        const auto first = std::lower_bound(tokens.begin(), tokens.end(), span.start,
                                            [](const Token& t, Offset v) { return t.end <= v; });
        auto last = first;
        while (last != tokens.end() && last->start < span.end) ++last;
        if (first == last) {
            ++misaligned_;
            continue;
        }
        if (first->start != span.start || (last - 1)->end != span.end) ++misaligned_;
        const auto a = static_cast<std::size_t>(first - tokens.begin());
        const auto b = static_cast<std::size_t>(last - tokens.begin());
        if (b - a == 1) {
            d->gold[a] = nerLabel(cls, NerPart::Unit);
            continue;
        }
        d->gold[a] = nerLabel(cls, NerPart::Begin);
        for (std::size_t k = a + 1; k + 1 < b; ++k) d->gold[k] = nerLabel(cls, NerPart::Inside);
        d->gold[b - 1] = nerLabel(cls, NerPart::Last);
    }
    d->features = features_.extract(d->doc);
    docs_.push_back(std::move(d));
}

std::size_t NerTrainer::tokens() const {
    std::size_t n = 0;
    for (const auto& d : docs_) n += d->doc.tokens.size();
    return n;
}

NerModel NerTrainer::train(unsigned epochs, std::uint32_t seed, const std::function<void(const Epoch&)>& progress) {
    const std::size_t rows = std::size_t{1} << bits_;
    const unsigned shift = 64 - bits_;
    // Averaging without touching every weight at every step: keep the weights w and the
    // sum of each update times the step it was made at; the average is w - sum / steps.
    std::vector<float> w(rows * kNerLabelCount, 0.0f);
    std::vector<double> stamped(rows * kNerLabelCount, 0.0);
    double step = 1;

    std::vector<std::size_t> order(docs_.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::mt19937 random(seed);

    std::vector<std::uint64_t> active;
    for (unsigned epoch = 1; epoch <= epochs; ++epoch) {
        // Fisher-Yates with our own draws: std::shuffle differs between libraries.
        for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[random() % k]);
        Epoch report{epoch, 0, 0};
        for (const std::size_t di : order) {
            const Doc& d = *docs_[di];
            const auto pass = [&](NerDocumentMemory& memory, bool learn) {
                std::vector<NerLabel> out(d.gold.size(), kNerOutside);
                for (std::size_t i = 0; i < out.size(); ++i) {
                    const NerPosition at = nerPosition(d.doc, i, out);
                    active.assign(d.features.of(i).begin(), d.features.of(i).end());
                    NerFeatures::history(d.features, i, at.histPrev, at.histPrev2, memory, active);

                    std::array<float, kNerLabelCount> scores{};
                    for (const std::uint64_t f : active) {
                        const float* row = w.data() + (f >> shift) * kNerLabelCount;
                        for (std::size_t k = 0; k < kNerLabelCount; ++k) scores[k] += row[k];
                    }
                    const NerLabel guess = bestNerLabel(scores.data(), at.prev, at.endsSentence);
                    const NerLabel gold = d.gold[i];
                    if (learn && guess != gold) {
                        ++report.mistakes;
                        for (const std::uint64_t f : active) {
                            const std::size_t row = (f >> shift) * kNerLabelCount;
                            w[row + gold] += 1;
                            stamped[row + gold] += step;
                            w[row + guess] -= 1;
                            stamped[row + guess] -= step;
                        }
                    }
                    // The next tokens see the guess, as they will when tagging (no gold history).
                    out[i] = guess;
                    memory.remember(d.features, i, guess);
                    if (learn) step += 1;
                }
                return out;
            };
            NerDocumentMemory memory;
            report.tokens += pass(memory, true).size();
        }
        if (progress) progress(report);
    }
    std::vector<float> average(w.size());
    for (std::size_t k = 0; k < w.size(); ++k)
        average[k] = static_cast<float>(static_cast<double>(w[k]) - stamped[k] / step);
    return NerModel::quantize(average, bits_);
}

}  // namespace dossier::core
