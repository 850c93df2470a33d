#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/analysis/KnowledgeBase.h"
#include "core/analysis/MentionFinder.h"
#include "core/model/Analysis.h"

namespace dossier::core {

struct TextDocument;

// Per-mention facts the later stages need besides the entity it belongs to.
struct LinkedMention {
    std::size_t entity = 0;  // index into the entities
    std::size_t first = 0;   // tokens
    std::size_t last = 0;
    bool standsForGovernment = false;  // "Beijing has stepped up its criticism"
};

struct LinkResult {
    std::vector<Entity> entities;
    std::vector<std::int32_t> entityCountry;  // knowledge-base country of each entity (-1 when none)
    std::vector<HeadOf> headOf;               // a person who heads the state or government of entityCountry
    std::vector<LinkedMention> mentions;      // in text order
    struct Membership {
        std::size_t person, organization, sentence;
    };
    std::vector<Membership> memberships;  // "X, a professor at Y University"

    // The mentions in one sentence: contiguous, as mentions are in text order. A binary
    // search, so that passes over every sentence stay linear in long articles.
    std::span<const LinkedMention> mentionsIn(const TextDocument& doc, std::size_t sentence) const;
};

// Groups mentions into entities: one entity per country, city and organisation;
// people by full name, with short forms ("Lee", "Takaichi") linked to the nearest
// earlier full name that has them (or the nearest later one, for a headline). Then
// gives each person a role and a country from what the text says about them.
class EntityLinker {
public:
    explicit EntityLinker(const KnowledgeBase& kb) : kb_(kb) {}
    LinkResult link(const TextDocument& doc, const std::vector<RawMention>& raw) const;

private:
    const KnowledgeBase& kb_;
};

}  // namespace dossier::core
