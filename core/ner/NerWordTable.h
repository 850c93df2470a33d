#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/HashedKeyMap.h"
#include "core/ner/NerFeatures.h"
#include "core/ner/NerModel.h"

namespace dossier::core {

struct Token;

// One word as written, with the summed weights of every feature that depends on the
// word alone: as the token scored, and as its neighbour two before, one before, one
// after and two after. A token then costs five vector adds for those features.
struct NerWordEntry {
    using Sum = std::array<std::int32_t, NerModel::kRowWidth>;  // every label but O
    NerFeatures::WordInfo info;
    Sum self{};
    std::array<Sum, 4> asNeighbour{};  // at offset -2, -1, 1, 2 of the token scored
};

// The entries of the words of the bundled word data (lower case and capitalised),
// built at load; words beyond them get their entry per article. Read-only once built,
// so one table serves every thread.
class NerWordTable {
public:
    NerWordTable(const NerFeatures& features, const NerModel& model);

    using Extra = HashedKeyMap<NerWordEntry>;
    // The entry of token `token` written `written`: from the table, or made and kept in
    // `extra` (the article's own words).
    const NerWordEntry& entry(std::string_view written, std::string_view lower, const Token& token, Extra& extra) const;
    // What stands for "no token here" beyond the sentence, at each neighbour offset.
    const std::array<NerWordEntry::Sum, 4>& beyond() const { return beyond_; }

    // The summed weights of a list of features, every label but O.
    NerWordEntry::Sum sum(const std::vector<std::uint64_t>& features) const;

    std::size_t size() const { return table_.size(); }
    static constexpr int kOffsets[4] = {-2, -1, 1, 2};

private:
    NerWordEntry make(std::string_view written, std::string_view lower, const Token& token) const;
    static std::uint64_t keyOf(std::uint64_t writtenHash, const Token& token);

    const NerFeatures& features_;
    const NerModel& model_;
    HashedKeyMap<NerWordEntry> table_;
    std::array<NerWordEntry::Sum, 4> beyond_{};
};

}  // namespace dossier::core
