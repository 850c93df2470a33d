#include "core/ner/NerWordTable.h"

#include <algorithm>
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

}  // namespace

NerWordTable::NerWordTable(const NerFeatures& features, const NerModel& model) : features_(features), model_(model) {
    std::vector<std::uint64_t> ids;
    for (std::size_t k = 0; k < 4; ++k) {
        ids.clear();
        NerFeatures::wordFeatures(nullptr, {}, kOffsets[k], ids);
        beyond_[k] = sum(ids);
    }
    // The vocabulary as news writes it: in lower case, and capitalised (sentence starts,
    // names, and headlines, whose capitals the features fold to this form).
    const auto& words = NerFeatures::bundledLexicon().words;
    table_ = HashedKeyMap<NerWordEntry>(2 * words.size());
    for (const std::string& word : words) {
        const std::string title = titled(word);
        for (const std::string* written : {&word, &title}) {
            const auto tokens = Tokenizer::tokenize(*written);
            if (tokens.size() != 1 || tokens[0].byteEnd - tokens[0].byteStart != written->size()) continue;
            const Token& token = tokens[0];
            table_.findOrAdd(keyOf(nerhash::bytes(*written), token),
                             [&] { return make(*written, TextDocument::lowerOf(*written), token); });
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

const NerWordEntry& NerWordTable::entry(std::string_view written, std::string_view lower, const Token& token,
                                        Extra& extra) const {
    const std::uint64_t key = keyOf(nerhash::bytes(written), token);
    // The key stands for the written form, and the lower-case form follows from it.
    if (const NerWordEntry* e = table_.find(key)) return *e;
    return extra.findOrAdd(key, [&] { return make(written, lower, token); });
}

}  // namespace dossier::core
