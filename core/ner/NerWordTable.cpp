#include "core/ner/NerWordTable.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <vector>

#include "core/analysis/TextDocument.h"
#include "core/analysis/Token.h"
#include "core/analysis/Tokenizer.h"
#include "core/ner/NerHash.h"

namespace dossier::core {

namespace {

std::string titled(std::string word) {
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
}

std::uint64_t nextTableId() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}

}  // namespace

NerWordTable::NerWordTable(const NerFeatures& features, const NerModel& model)
    : features_(features), model_(model), id_(nextTableId()) {
    std::vector<std::uint64_t> ids;
    for (std::size_t k = 0; k < 4; ++k) {
        ids.clear();
        NerFeatures::wordFeatures(nullptr, {}, kOffsets[k], ids);
        beyond_[k] = sum(ids);
    }
    // The vocabulary as news writes it: in lower case, and capitalised (sentence starts,
    // names, and headlines, whose capitals the features fold to this form).
    const auto& words = NerFeatures::bundledLexicon().words;
    const std::size_t size = std::bit_ceil(std::max<std::size_t>(4 * words.size(), 16));  // at most half full
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(size));
    mask_ = size - 1;
    slots_.assign(size, Slot{});
    entries_.reserve(2 * words.size());
    for (const std::string& word : words) {
        const std::string title = titled(word);
        for (const std::string* written : {&word, &title}) {
            const auto tokens = Tokenizer::tokenize(*written);
            if (tokens.size() != 1 || tokens[0].byteEnd - tokens[0].byteStart != written->size()) continue;
            const Token& token = tokens[0];
            const std::uint64_t key = keyOf(nerhash::bytes(*written), token);
            if (built(key)) continue;
            entries_.push_back(make(*written, TextDocument::lowerOf(*written), token));
            std::size_t s = key >> shift_;
            while (slots_[s].index != 0) s = (s + 1) & mask_;
            slots_[s] = {static_cast<std::uint32_t>(key), static_cast<std::uint32_t>(entries_.size())};
        }
    }
}

NerWordEntry::Sum NerWordTable::sum(const std::vector<std::uint64_t>& features) const {
    std::array<std::int32_t, kNerLabelCount> scores{};  // O's lane stays 0: every label but O is kept
    model_.addTo(std::span<const std::uint64_t>(features), scores.data());
    NerWordEntry::Sum out;
    std::copy(scores.begin() + 1, scores.end(), out.begin());
    return out;
}

std::uint64_t NerWordTable::keyOf(std::uint64_t writtenHash, const Token& token) {
    // The word features read the token's kind and capitalisation besides its text.
    return writtenHash ^ (token.capitalized ? 0x9e3779b97f4a7c15ULL : 0) ^
           (static_cast<std::uint64_t>(token.kind) * 0xc2b2ae3d27d4eb4fULL);
}

NerWordEntry NerWordTable::make(std::string_view written, std::string_view lower, const Token& token) const {
    NerWordEntry e;
    e.key = keyOf(nerhash::bytes(written), token);
    e.info = features_.wordInfo(written, lower, token);
    std::vector<std::uint64_t> ids;
    NerFeatures::wordFeatures(&e.info, lower, 0, ids);
    e.self = sum(ids);
    for (std::size_t k = 0; k < 4; ++k) {
        ids.clear();
        NerFeatures::wordFeatures(&e.info, lower, kOffsets[k], ids);
        e.asNeighbour[k] = sum(ids);
    }
    return e;
}

NerWordTable::Made& NerWordTable::made() const {
    thread_local Made made;
    if (made.table != id_) {  // made for another table (another model or knowledge base)
        made.newer = HashedKeyMap<NerWordEntry>();
        made.older = HashedKeyMap<NerWordEntry>();
        made.table = id_;
    }
    // Between documents only: the entries of the last one may be dropped now.
    if (made.newer.size() >= Made::kGeneration) {
        made.older = std::move(made.newer);
        made.newer = HashedKeyMap<NerWordEntry>();
    }
    return made;
}

const NerWordEntry& NerWordTable::entry(std::string_view written, std::string_view lower, const Token& token,
                                        Made& made) const {
    const std::uint64_t key = keyOf(nerhash::bytes(written), token);
    // The key stands for the written form, and the lower-case form follows from it.
    if (const NerWordEntry* e = built(key)) return *e;
    return madeEntry(key, written, lower, token, made);
}

const NerWordEntry& NerWordTable::madeEntry(std::uint64_t key, std::string_view written, std::string_view lower,
                                            const Token& token, Made& made) const {
    return made.newer.findOrAdd(key, [&] {
        const NerWordEntry* old = made.older.find(key);
        return old ? *old : make(written, lower, token);
    });
}

std::vector<const NerWordEntry*> NerWordTable::entries(const TextDocument& doc, Made& made) const {
    const std::size_t n = doc.tokens.size();
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i) {
        keys[i] = keyOf(doc.wordHash[i], doc.tokens[i]);  // the same hash as nerhash::bytes
        __builtin_prefetch(&slots_[keys[i] >> shift_]);
    }
    std::vector<const NerWordEntry*> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = built(keys[i]);
        if (out[i]) __builtin_prefetch(out[i]);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!out[i]) out[i] = &madeEntry(keys[i], doc.word(i), doc.lower[i], doc.tokens[i], made);
    return out;
}

}  // namespace dossier::core
