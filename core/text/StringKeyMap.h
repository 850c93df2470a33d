#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/text/ByteHash.h"
#include "core/text/HashedKeyMap.h"

namespace dossier::core {

// A map from strings, for look-ups made for every token of every article, most of
// them about words it does not hold: a bit per (first byte, length) of its keys turns
// most of those away at once; the others are hashed inline and found by one probe of an
// open-addressing table (HashedKeyMap), then compared, without std::unordered_map's
// hash call, division and node chase.
template <class Value>
class StringKeyMap {
public:
    const Value* find(std::string_view key) const {
        if (!(shapes_[firstByte(key)] & lengthBit(key))) return nullptr;
        const Slot* s = slots_.find(bytehash::bytes(key));
        return s && s->key == key ? &s->value : nullptr;
    }
    // The same, with the key's bytehash::bytes already known (TextDocument hashes its tokens).
    const Value* find(std::string_view key, std::uint64_t hash) const {
        if (!(shapes_[firstByte(key)] & lengthBit(key))) return nullptr;
        const Slot* s = slots_.find(hash);
        return s && s->key == key ? &s->value : nullptr;
    }
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    bool contains(std::string_view key, std::uint64_t hash) const { return find(key, hash) != nullptr; }

    // The value for key, default-made when absent.
    Value& operator[](std::string_view key) {
        shapes_[firstByte(key)] |= lengthBit(key);
        Slot& s = slots_.findOrAdd(bytehash::bytes(key), [&] { return Slot{std::string(key), Value{}}; });
        // Two keys with one 64-bit hash: about one chance in 10^9 for a million keys.
        if (s.key != key) throw std::logic_error("StringKeyMap: hash collision of '" + s.key + "' and '" + std::string(key) + "'");
        return s.value;
    }

    template <class F>
    void forEachValue(F&& f) {
        slots_.forEachValue([&](Slot& s) { f(s.value); });
    }
    std::size_t size() const { return slots_.size(); }

private:
    static unsigned char firstByte(std::string_view key) { return key.empty() ? 0 : static_cast<unsigned char>(key[0]); }
    static std::uint32_t lengthBit(std::string_view key) { return std::uint32_t{1} << std::min<std::size_t>(key.size(), 31); }

    struct Slot {
        std::string key;
        Value value;
    };
    HashedKeyMap<Slot> slots_;
    std::array<std::uint32_t, 256> shapes_{};
};

}  // namespace dossier::core
