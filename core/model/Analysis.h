#pragma once

// The result of analysing one article: plain data, no behaviour. Offsets are code
// points into the article text (see core/text/TextOffsets.h).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/TextOffsets.h"

namespace dossier::core {

enum class EntityType { Person, Country, Place, Organization, Policy, Other };
std::string_view toString(EntityType type);
std::optional<EntityType> entityTypeFromString(std::string_view name);

enum class Origin { Automatic, User };  // user corrections survive re-analysis
std::string_view toString(Origin origin);

struct Span {
    Offset start = 0;
    Offset end = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

struct Mention {
    Span span;
    std::string text;
    Origin origin = Origin::Automatic;
};

struct Entity {
    std::string id;  // stable within an analysis: "<type>/<slug of name>"
    std::string name;
    EntityType type = EntityType::Other;
    std::string role;       // as the text states it, e.g. "President"; empty when unknown
    std::string country;    // canonical country name; empty when unknown
    std::string standsFor;  // a place used for its government ("Beijing" -> "China")
    std::vector<Mention> mentions;
};

enum class TimexType { Date, Time, Duration, Set };
std::string_view toString(TimexType type);
std::optional<TimexType> timexTypeFromString(std::string_view name);

struct Timex {
    Span span;
    std::string text;
    TimexType type = TimexType::Date;
    std::string value;  // TimeML value, e.g. 2026-01-05, 2025-11, P3Y, PRESENT_REF; empty when unresolved
    std::string relative;  // the unresolved meaning when no publication date is known, e.g. "weekday:1:future"
};

struct Relation {
    std::string source;  // entity ids
    std::string target;
    std::string type;  // from the vocabulary in docs/relations.md
    std::string when;  // TimeML value of the sentence's time, or empty
    Span evidence;     // the sentence that states it
};

struct ChronologyEvent {
    std::string when;  // TimeML value; empty for undated background
    std::string text;  // the sentence, trimmed
    std::vector<std::string> entities;
    Span evidence;
    std::string timexText;  // the expression the date came from ("Monday")
};

struct Analysis {
    std::vector<Span> sentences;
    std::vector<Entity> entities;
    std::vector<Timex> timex;
    std::vector<Relation> relations;
    std::vector<ChronologyEvent> chronology;  // dated, in date order
    std::vector<ChronologyEvent> background;  // undated, in text order

    const Entity* findEntity(std::string_view id) const;
};

}  // namespace dossier::core
