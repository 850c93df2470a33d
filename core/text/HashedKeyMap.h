#pragma once

#include <bit>
#include <cstdint>
#include <deque>
#include <vector>

namespace dossier::core {

// A map from 64-bit keys that are already good hashes (bytehash) to values, for
// per-token look-ups: open addressing in a power-of-two table indexed by the
// key's top bits, so a look-up is a shift and usually one probe, with no division and
// no node to chase as in std::unordered_map. Values live in a deque: references stay
// valid as the map grows.
template <class Value>
class HashedKeyMap {
public:
    explicit HashedKeyMap(std::size_t expected = 16) { rehash(expected); }

    const Value* find(std::uint64_t key) const {
        const std::uint32_t v = indexOf(key);
        return v == 0 ? nullptr : &values_[v - 1];
    }

    // The value for key, inserted as `make()` returns it when absent.
    template <class Make>
    Value& findOrAdd(std::uint64_t key, Make&& make) {
        if (const std::uint32_t v = indexOf(key)) return values_[v - 1];
        if (2 * (keys_.size() + 1) > slots_.size()) rehash(2 * (keys_.size() + 1));
        keys_.push_back(key);
        values_.push_back(make());
        place(key, static_cast<std::uint32_t>(keys_.size()));
        return values_.back();
    }

    std::size_t size() const { return keys_.size(); }
    template <class F>
    void forEachValue(F&& f) {
        for (Value& v : values_) f(v);
    }

private:
    // 1 + the key's index into keys_ and values_; 0 when it is absent.
    std::uint32_t indexOf(std::uint64_t key) const {
        for (std::size_t s = key >> shift_;; s = (s + 1) & mask_) {
            const std::uint32_t v = slots_[s];
            if (v == 0 || keys_[v - 1] == key) return v;
        }
    }
    void rehash(std::size_t expected) {
        const std::size_t size = std::bit_ceil(std::max<std::size_t>(2 * expected, 16));
        shift_ = 64 - static_cast<unsigned>(std::countr_zero(size));
        mask_ = size - 1;
        slots_.assign(size, 0);
        for (std::size_t k = 0; k < keys_.size(); ++k) place(keys_[k], static_cast<std::uint32_t>(k + 1));
    }
    void place(std::uint64_t key, std::uint32_t index) {
        std::size_t s = key >> shift_;
        while (slots_[s] != 0) s = (s + 1) & mask_;
        slots_[s] = index;
    }

    std::vector<std::uint32_t> slots_;  // 0: empty; else 1 + the index into keys_ and values_
    std::vector<std::uint64_t> keys_;
    std::deque<Value> values_;
    unsigned shift_ = 60;
    std::size_t mask_ = 15;
};

}  // namespace dossier::core
