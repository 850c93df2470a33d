#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace dossier::core {

// The classes the tagger learns. Misc (nationalities, events, titles of works) is
// learnt so that such names are not taken for the others; the pipeline drops it.
enum class NerClass : std::uint8_t { Per, Loc, Org, Misc };
inline constexpr std::size_t kNerClassCount = 4;
constexpr std::string_view toString(NerClass c) {
    constexpr std::string_view kNames[] = {"PER", "LOC", "ORG", "MISC"};
    return kNames[static_cast<std::size_t>(c)];
}

// BILOU labels: where a token sits in a name (Begin, Inside, Last, Unit), or O outside
// one. They beat IOB for greedy decoding because the end of a name is decided too.
enum class NerPart : std::uint8_t { Begin, Inside, Last, Unit };
using NerLabel = std::uint8_t;  // 0 is O
inline constexpr NerLabel kNerOutside = 0;
inline constexpr std::size_t kNerLabelCount = 1 + 4 * kNerClassCount;

constexpr NerLabel nerLabel(NerClass c, NerPart p) {
    return static_cast<NerLabel>(1 + 4 * static_cast<unsigned>(c) + static_cast<unsigned>(p));
}
constexpr NerClass nerClassOf(NerLabel l) { return static_cast<NerClass>((l - 1) / 4); }
constexpr NerPart nerPartOf(NerLabel l) { return static_cast<NerPart>((l - 1) % 4); }

// Whether `next` may follow `prev`: an open name (B, I) continues with I or L of its
// class; anything else is followed by O, B or U.
// A label inside a name that goes on: Begin or Inside.
constexpr bool nerIsOpen(NerLabel l) {
    return l != kNerOutside && (nerPartOf(l) == NerPart::Begin || nerPartOf(l) == NerPart::Inside);
}

constexpr bool nerAllowed(NerLabel prev, NerLabel next) {
    const bool open = nerIsOpen(prev);
    const bool continues = next != kNerOutside && (nerPartOf(next) == NerPart::Inside || nerPartOf(next) == NerPart::Last);
    if (!open) return !continues;
    return continues && nerClassOf(next) == nerClassOf(prev);
}

// A name the tagger found: tokens [first, last) of its TextDocument.
struct NerName {
    std::size_t first = 0;
    std::size_t last = 0;
    NerClass cls = NerClass::Per;
    friend bool operator==(const NerName&, const NerName&) = default;
};

}  // namespace dossier::core

namespace dossier::core {

// What the history features see before a sentence's first token.
inline constexpr NerLabel kNerSentenceStart = 31;

// The labels that may follow each label, with and without a sentence end next: a bit
// per label, so that choosing the best looks only at those.
struct NerAllowedLabels {
    std::uint32_t mask[kNerLabelCount][2] = {};
    constexpr NerAllowedLabels() {
        for (NerLabel prev = 0; prev < kNerLabelCount; ++prev)
            for (int ends = 0; ends < 2; ++ends)
                for (NerLabel l = 0; l < kNerLabelCount; ++l) {
                    const bool opens = nerIsOpen(l);
                    if (nerAllowed(prev, l) && !(ends && opens)) mask[prev][ends] |= 1u << l;
                }
    }
};
inline constexpr NerAllowedLabels kNerAllowedLabels{};

// The best-scoring label that may follow `prev`; a sentence's last token must close
// any name. Ties go to the lower label (O first), as in training.
template <typename Score>
NerLabel bestNerLabel(const Score* scores, NerLabel prev, bool endsSentence) {
    std::uint32_t allowed = kNerAllowedLabels.mask[prev][endsSentence ? 1 : 0];
    auto best = static_cast<NerLabel>(__builtin_ctz(allowed));
    for (allowed &= allowed - 1; allowed != 0; allowed &= allowed - 1) {
        const auto l = static_cast<NerLabel>(__builtin_ctz(allowed));
        if (scores[l] > scores[best]) best = l;
    }
    return best;
}

}  // namespace dossier::core
