// The holiday rules of TimexScanner: named days whose date follows from the year
// ("Christmas", "Thanksgiving Day", "Easter Sunday", "Election Day"), read with the tense
// of the sentence like a month and day, or fixed by a year that follows.
#include <array>

#include "core/analysis/TimexScanner.h"

namespace dossier::core {

using namespace timexrules;

namespace {

struct HolidayName {
    std::array<std::string_view, 4> words;  // lower case; "'s" is the possessive token; empty ends
    Holiday holiday;
};

// Longer names first, so that "Christmas Eve" wins over "Christmas". Only holidays with one
// meaning in general news: "Election Day" is the United States' general election; "Independence
// Day" differs by country and is left out.
constexpr std::array<HolidayName, 16> kHolidays{{
    {{"christmas", "eve"}, Holiday::ChristmasEve},
    {{"christmas", "day"}, Holiday::Christmas},
    {{"christmas"}, Holiday::Christmas},
    {{"new", "year", "'s", "day"}, Holiday::NewYearsDay},
    {{"new", "year", "'s", "eve"}, Holiday::NewYearsEve},
    {{"thanksgiving", "day"}, Holiday::Thanksgiving},
    {{"thanksgiving"}, Holiday::Thanksgiving},
    {{"easter", "sunday"}, Holiday::Easter},
    {{"easter"}, Holiday::Easter},
    {{"good", "friday"}, Holiday::GoodFriday},
    {{"labor", "day"}, Holiday::LaborDay},
    {{"memorial", "day"}, Holiday::MemorialDay},
    {{"election", "day"}, Holiday::ElectionDay},
    {{"halloween"}, Holiday::Halloween},
    {{"valentine", "'s", "day"}, Holiday::ValentinesDay},
    {{"boxing", "day"}, Holiday::BoxingDay},
}};

}  // namespace

std::optional<TimexMatch> TimexScanner::matchHoliday(std::size_t j, Direction direction) {
    if (!capitalized(j)) return std::nullopt;
    for (const HolidayName& name : kHolidays) {
        std::size_t k = j;
        bool ok = true;
        for (std::string_view word : name.words) {
            if (word.empty()) break;
            const std::string_view have = w(k);
            const bool possessive = word == "'s" && (have == "'s" || have == "’s") && glued(k);
            if (!possessive && (have != word || (k > j && !capitalized(k)))) {
                ok = false;
                break;
            }
            ++k;
        }
        if (!ok) continue;
        // "the Christmas season" is not the day; "Christmas 2012" fixes the year.
        const std::size_t n = w(k) == "," || w(k) == "of" ? k + 1 : k;
        RelativeTime r = named(RelativeTime::Kind::Holiday, static_cast<int>(name.holiday), direction);
        if (const int y = yearAt(n); y > 0) {
            TimexMatch m = make(j, n + 1, TimexType::Date, holidayDate(name.holiday, y).toIso());
            m.takesThe = true;
            return m;
        }
        if (direction == Direction::Nearest) r.direction = tense(j, k, kHolidayReach, Direction::Nearest);
        if (w(k) == "week") {  // "Easter week": the week it falls in
            r.unit = TimeUnit::Week;
            ++k;
        }
        TimexMatch m = makeRelative(j, k, TimexType::Date, r);
        m.takesThe = true;
        return m;
    }
    return std::nullopt;
}

}  // namespace dossier::core
