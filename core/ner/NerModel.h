#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/ner/NerLabel.h"

namespace dossier::core {

// The tagger's weights: for each hashed feature, one weight per label, stored as
// 16-bit integers (half the memory of floats, and the scores come out the same).
// Features share 2^bits rows by their hash, so the model's size is fixed. O's weight is
// folded into the others (subtracting it from every label changes no decision), which
// leaves 16 weights a row: 32 bytes, aligned, so a row is one cache line and one add.
class NerModel {
public:
    static constexpr unsigned kDefaultBits = 18;

    explicit NerModel(unsigned bits = kDefaultBits);

    // Rounds trained weights (2^bits rows of kNerLabelCount floats) to this format.
    static NerModel quantize(const std::vector<float>& weights, unsigned bits);

    // The model file's bytes; throws std::runtime_error when they are not a model.
    static NerModel fromBytes(std::string_view bytes);
    std::string toBytes() const;

    // The model shipped in resources/ner, loaded on first use.
    static const NerModel& bundled();

    static constexpr std::size_t kRowWidth = kNerLabelCount - 1;  // every label but O

    std::size_t rowOf(std::uint64_t feature) const { return static_cast<std::size_t>(feature >> shift_); }
    // Adds the feature's weights to scores[0, kNerLabelCount); O's score stays as it is.
    void addTo(std::uint64_t feature, std::int32_t* scores) const {
        const Row& row = rows_[rowOf(feature)];
        for (std::size_t k = 0; k < kRowWidth; ++k) scores[k + 1] += row.w[k];
    }

    // The same for every feature of a list, summed in registers: the tagger's inner loop.
    void addTo(std::span<const std::uint64_t> features, std::int32_t* scores) const;

    void prefetch(std::uint64_t feature) const { __builtin_prefetch(&rows_[rowOf(feature)]); }

    unsigned bits() const { return bits_; }
    std::size_t nonZeroRows() const;

private:
    unsigned bits_;
    unsigned shift_;
    struct alignas(32) Row {
        std::int16_t w[kRowWidth];
    };
    static_assert(sizeof(Row) == 32);
    std::vector<Row> rows_;
};

}  // namespace dossier::core
