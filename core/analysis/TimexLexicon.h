#pragma once

#include <cstdint>
#include <string_view>

#include "core/analysis/TimeValue.h"

namespace dossier::core {

// What a lower-case word can contribute to a time expression. One word may play
// several parts ("may" a month, "second" an ordinal and a unit, "a" the number one).
struct TimexWord {
    std::uint8_t month = 0;        // 1..12: "january", "jan", "sept"
    bool monthAbbreviation = false;
    std::uint8_t weekday = 0;      // 1..7 (ISO): "monday", "mondays", "mon"
    bool weekdayPlural = false;    // "mondays": a set
    std::int16_t number = -1;      // cardinal: "one" 1, "twenty" 20, "a" 1; -2 an unspecified amount ("several")
    std::uint8_t ordinal = 0;      // "first" 1, "twentieth" 20
    TimeUnit unit = TimeUnit::None;
    bool plural = false;           // "years"
    std::uint8_t season = 0;       // 1..4: spring, summer, fall/autumn, winter
    std::uint8_t partOfDay = 0;    // 1..4: morning, afternoon, evening, night
    std::uint8_t decade = 0;       // 2..9: "twenties" .. "nineties"
    bool holiday = false;          // can start a holiday's name ("christmas", "new")
    std::int8_t tense = 0;         // +1 points to the future ("will"), -1 to the past ("said")
    bool trigger = false;          // can start or introduce a time expression
};

// Null when the word plays no part in time expressions. `lower` is ASCII lower case.
const TimexWord* lookupTimexWord(std::string_view lower);
// The same with bytehash::bytes(lower) already known.
const TimexWord* lookupTimexWord(std::string_view lower, std::uint64_t hash);

// Two-letter TimeML codes: "MO", "AF", "EV", "NI".
std::string_view partOfDayCode(int partOfDay);

}  // namespace dossier::core
