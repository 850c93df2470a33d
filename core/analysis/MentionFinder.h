#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis/KnowledgeBase.h"
#include "core/model/Analysis.h"

namespace dossier::core {

struct TextDocument;

// A mention as the finder sees it, before mentions are grouped into entities.
struct RawMention {
    enum class Kind : std::uint8_t { Person, MaybePerson, Country, Place, Organization, Policy };
    Kind kind = Kind::Person;
    std::size_t first = 0;  // token range [first, last)
    std::size_t last = 0;
    std::string name;          // canonical name when known (countries, cities, listed organisations)
    std::int32_t country = -1;  // the country itself, or where a place or organisation is
    bool capital = false;       // a national capital (may stand for its government)
    bool demonym = false;       // "Chinese", "South Korean"
    std::int32_t org = -1;      // a listed organisation: its index in the knowledge base
    // People: the role the text gives them right here.
    std::string role;
    HeadOf headOf = HeadOf::None;
    bool formerRole = false;
    bool appositionRole = false;  // "X, a professor of ..." rather than a title before the name
    std::int32_t roleCountry = -1;  // "South Korean President", "South Korea’s national security director"
    std::size_t affiliation = SIZE_MAX;  // first token of an organisation named in the apposition
};

// Finds mentions of people, countries, places, organisations and policies, using
// the knowledge base for what can be listed and the text's own signals (titles,
// capitalisation, appositions, reporting verbs, name patterns) for what cannot.
class MentionFinder {
public:
    explicit MentionFinder(const KnowledgeBase& kb) : kb_(kb) {}
    std::vector<RawMention> find(const TextDocument& doc) const;

private:
    const KnowledgeBase& kb_;
};

}  // namespace dossier::core
