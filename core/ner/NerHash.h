#pragma once

#include <cstdint>

#include "core/text/ByteHash.h"

namespace dossier::core::nerhash {

// The model stores features by these hashes: changing them means retraining.
using bytehash::bytes;
using bytehash::mix;

// A feature: its template and up to two values. Inlined: the tagger computes some
// forty per token.
[[gnu::always_inline]] constexpr std::uint64_t feature(std::uint32_t templ, std::uint64_t a, std::uint64_t b = 0) {
    return mix(mix(a + templ) ^ (b * 0x9e3779b97f4a7c15ULL + templ));
}

}  // namespace dossier::core::nerhash
