#pragma once

#include <cstdint>
#include <string_view>

namespace dossier::core::nerhash {

// Our own hashes, not std::hash: a trained model stores hashed features, so the
// hash must be the same on every platform and library version.
[[gnu::always_inline]] constexpr std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

constexpr std::uint64_t bytes(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return mix(h);
}

// A feature: its template and up to two values. Inlined: the tagger computes some
// forty per token.
[[gnu::always_inline]] constexpr std::uint64_t feature(std::uint32_t templ, std::uint64_t a, std::uint64_t b = 0) {
    return mix(mix(a + templ) ^ (b * 0x9e3779b97f4a7c15ULL + templ));
}

}  // namespace dossier::core::nerhash
