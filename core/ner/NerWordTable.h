#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/ner/NerFeatures.h"
#include "core/ner/NerModel.h"
#include "core/text/HashedKeyMap.h"

namespace dossier::core {

struct TextDocument;
struct Token;

// One word as written, with the summed weights of every feature that depends on the
// word alone: as the token scored, and as its neighbour two before, one before, one
// after and two after. A token then costs five vector adds for those features.
struct NerWordEntry {
    using Sum = std::array<std::int32_t, NerModel::kRowWidth>;  // every label but O
    std::uint64_t key = 0;  // the table's key: the word as written, its kind and capital
    NerFeatures::WordInfo info;
    Sum self{};
    std::array<Sum, 4> asNeighbour{};  // at offset -2, -1, 1, 2 of the token scored
};

// The entries of the words of the bundled word data (lower case and capitalised),
// built at load; words beyond them get their entry when first met. The built table is
// read-only, so one serves every thread.
class NerWordTable {
public:
    NerWordTable(const NerFeatures& features, const NerModel& model);
    NerWordTable(const NerWordTable&) = delete;  // the thread caches know a table by its id
    NerWordTable& operator=(const NerWordTable&) = delete;

    // Entries made for words beyond the table, kept by each thread across articles: names
    // come back from article to article ("Blair", "Chelsea"), and making an entry sums
    // some sixty weight rows. Two generations bound it: when the newer fills, the older
    // is dropped, and a word found in the older moves to the newer.
    class Made {
    public:
        static constexpr std::size_t kGeneration = 8192;  // entries, about 3 MiB a generation

    private:
        friend class NerWordTable;
        std::uint64_t table = 0;  // the id of the table the entries were made for
        HashedKeyMap<NerWordEntry> newer, older;
    };
    // This thread's made entries, ready for a new document: entries returned for one
    // document stay valid until the thread asks for this again.
    Made& made() const;

    // The entry of token `token` written `written`.
    const NerWordEntry& entry(std::string_view written, std::string_view lower, const Token& token,
                              Made& made) const;
    // The entries of every token of a document, as written there. One loop of look-ups
    // and nothing else: the table is larger than the caches, and look-ups side by side
    // wait out their misses together.
    std::vector<const NerWordEntry*> entries(const TextDocument& doc, Made& made) const;
    // What stands for "no token here" beyond the sentence, at each neighbour offset.
    const std::array<NerWordEntry::Sum, 4>& beyond() const { return beyond_; }

    // The summed weights of a list of features, every label but O.
    NerWordEntry::Sum sum(const std::vector<std::uint64_t>& features) const;

    std::size_t size() const { return entries_.size(); }
    static constexpr int kOffsets[4] = {-2, -1, 1, 2};

private:
    NerWordEntry make(std::string_view written, std::string_view lower, const Token& token) const;
    // A word beyond the table: its entry from this thread's, made when it has none.
    const NerWordEntry& madeEntry(std::uint64_t key, std::string_view written, std::string_view lower,
                                  const Token& token, Made& made) const;
    static std::uint64_t keyOf(std::uint64_t writtenHash, const Token& token);
    // The built entry of a key, or null. A slot holds part of the key beside the entry's
    // index, and the entry the whole key: a look-up waits for two loads, the slot and the
    // entry it reads anyway.
    const NerWordEntry* built(std::uint64_t key) const {
        const auto tag = static_cast<std::uint32_t>(key);
        for (std::size_t s = key >> shift_;; s = (s + 1) & mask_) {
            const Slot slot = slots_[s];
            if (slot.index == 0) return nullptr;
            if (slot.tag == tag && entries_[slot.index - 1].key == key) return &entries_[slot.index - 1];
        }
    }

    struct Slot {
        std::uint32_t tag = 0;    // the key's low bits
        std::uint32_t index = 0;  // 1 + the entry's index; 0: empty
    };
    const NerFeatures& features_;
    const NerModel& model_;
    const std::uint64_t id_;
    std::vector<Slot> slots_;
    std::vector<NerWordEntry> entries_;
    unsigned shift_ = 64;
    std::size_t mask_ = 0;
    std::array<NerWordEntry::Sum, 4> beyond_{};
};

}  // namespace dossier::core
