#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "core/text/ByteHash.h"
#include "core/text/HashedKeyMap.h"

namespace dossier::core {

// A map from strings, for look-ups made for every token of every article: the key is
// hashed inline and found by one probe of an open-addressing table (HashedKeyMap),
// then compared, without std::unordered_map's hash call, division and node chase.
template <class Value>
class StringKeyMap {
public:
    const Value* find(std::string_view key) const {
        const Slot* s = slots_.find(bytehash::bytes(key));
        return s && s->key == key ? &s->value : nullptr;
    }
    bool contains(std::string_view key) const { return find(key) != nullptr; }

    // The value for key, default-made when absent.
    Value& operator[](std::string_view key) {
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
    struct Slot {
        std::string key;
        Value value;
    };
    HashedKeyMap<Slot> slots_;
};

}  // namespace dossier::core
