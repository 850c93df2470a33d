#pragma once

#include <cstdint>
#include <string_view>

namespace dossier::core::bytehash {

// Our own hashes, not std::hash: the same on every platform and library version (a
// trained model stores hashed features), and inlined, without std::hash's call.
[[gnu::always_inline]] constexpr std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

// FNV-1a over the bytes, then mixed: every bit of the result depends on every byte.
constexpr std::uint64_t bytes(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return mix(h);
}

}  // namespace dossier::core::bytehash
