#pragma once

// TimeML values for the temporal tagger: the units and calendar anchors that time
// expressions name, and how an anchor becomes a value once the publication date is
// known. Kept apart from the tagger so that the calendar rules can be tested alone.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/Date.h"

namespace dossier::core {

enum class TimeUnit : std::uint8_t { None, Second, Minute, Hour, Day, Week, Month, Quarter, Year, Decade, Century };

// Which occurrence of a named day, month or season an expression means, seen from the
// publication date. Past/Future include the publication day itself ("said on Sunday"
// in a Sunday paper is that day); the strict forms come from "last"/"next". Nearest, when
// the sentence gives no clue, takes the closer occurrence ("expires Nov. 10" in October).
enum class Direction : std::uint8_t { Past, Future, PastStrict, FutureStrict, This, Nearest };

// An expression whose value depends on the publication date.
struct RelativeTime {
    enum class Kind : std::uint8_t {
        Weekday,   // which = 1..7 (ISO)
        Month,     // which = 1..12
        MonthDay,  // which = month, day
        Season,    // which = 1..4 (SP, SU, FA, WI)
        Quarter,   // which = 1..4 in the year `offset` years away; which = 0: the quarter `offset` quarters away
        Shift,     // `offset` units of `unit` away from the publication date ("yesterday", "next week")
        Weekend,   // the weekend of the week `offset` weeks away
        Holiday,   // which = a Holiday; the occurrence in `direction`, or in the year `offset` away with This
    };
    Kind kind = Kind::Shift;
    TimeUnit unit = TimeUnit::None;
    int which = 0;
    int day = 0;
    int offset = 0;
    int year = 0;  // Quarter: a year the text names ("the 1988 quarter"), else 0
    Direction direction = Direction::This;
    std::string_view timeOfDay;  // "MO", "AF", "EV", "NI" or empty
};

// Holidays whose date follows from the year alone.
enum class Holiday : std::uint8_t {
    None, Christmas, ChristmasEve, NewYearsDay, NewYearsEve, Thanksgiving, Easter, GoodFriday, LaborDay,
    MemorialDay, ElectionDay, Halloween, ValentinesDay, BoxingDay
};
Date holidayDate(Holiday holiday, int year);  // invalid for None

// The TimeML value of `rel` on `published`, e.g. "2026-01-05", "2025-W52", "2026-SU".
std::string resolve(const RelativeTime& rel, const Date& published);
// The unresolved meaning, for articles without a date: "weekday:1:future", "year:-1".
std::string describe(const RelativeTime& rel);

// "P3Y", "PT24H", "P10Y" (a decade); a negative amount means an unspecified one ("PXY").
std::string durationValue(int amount, TimeUnit unit);
// `amount` and a half units: "P2Y6M", "PT1H30M"; amount 0 is half a unit ("PT30M").
std::string durationAndHalfValue(int amount, TimeUnit unit);
std::string isoWeekValue(const Date& day);  // "2025-W52"
std::string yearValue(int year);            // "2019"
std::string monthValue(int year, unsigned month);

}  // namespace dossier::core
