#include "core/model/Analysis.h"

#include <algorithm>
#include <array>
#include <utility>

namespace dossier::core {

namespace {
constexpr std::array<std::pair<EntityType, std::string_view>, 6> kEntityTypes{{
    {EntityType::Person, "person"},
    {EntityType::Country, "country"},
    {EntityType::Place, "place"},
    {EntityType::Organization, "organization"},
    {EntityType::Policy, "policy"},
    {EntityType::Other, "other"},
}};
constexpr std::array<std::pair<TimexType, std::string_view>, 4> kTimexTypes{{
    {TimexType::Date, "DATE"},
    {TimexType::Time, "TIME"},
    {TimexType::Duration, "DURATION"},
    {TimexType::Set, "SET"},
}};

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return {};
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name) {
    for (const auto& [v, n] : table)
        if (n == name) return v;
    return std::nullopt;
}
}  // namespace

std::string_view toString(EntityType type) { return nameOf(kEntityTypes, type); }
std::optional<EntityType> entityTypeFromString(std::string_view name) { return valueOf(kEntityTypes, name); }
std::string_view toString(TimexType type) { return nameOf(kTimexTypes, type); }
std::optional<TimexType> timexTypeFromString(std::string_view name) { return valueOf(kTimexTypes, name); }
std::string_view toString(Origin origin) { return origin == Origin::User ? "user" : "automatic"; }

const Entity* Analysis::findEntity(std::string_view id) const {
    const auto it = std::find_if(entities.begin(), entities.end(), [&](const Entity& e) { return e.id == id; });
    return it == entities.end() ? nullptr : &*it;
}

}  // namespace dossier::core
