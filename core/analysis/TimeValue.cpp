#include "core/analysis/TimeValue.h"

#include <cstdlib>

#include <array>
#include <charconv>
#include <cstdio>

#include "core/analysis/TimexTagger.h"

namespace dossier::core {

namespace {

constexpr std::array<std::string_view, 4> kSeasons{"SP", "SU", "FA", "WI"};

int floorDiv(int a, int b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int floorMod(int a, int b) { return a - floorDiv(a, b) * b; }

// The occurrence of `target` (mod period) nearest `current` in the given direction.
int cyclic(int current, int target, int period, Direction direction) {
    switch (direction) {
    case Direction::Past: return current - floorMod(current - target, period);
    case Direction::PastStrict: return current - 1 - floorMod(current - 1 - target, period);
    case Direction::Future: return current + floorMod(target - current, period);
    case Direction::FutureStrict: return current + 1 + floorMod(target - current - 1, period);
    case Direction::Nearest: {
        const int back = floorMod(current - target, period), ahead = floorMod(target - current, period);
        return ahead < back ? current + ahead : current - back;
    }
    case Direction::This: break;
    }
    return current + floorMod(target - current, period);
}

std::string_view directionName(Direction d) {
    switch (d) {
    case Direction::Past: return "past";
    case Direction::PastStrict: return "last";
    case Direction::Future: return "future";
    case Direction::FutureStrict: return "next";
    case Direction::Nearest: return "nearest";
    case Direction::This: break;
    }
    return "this";
}

std::string_view unitName(TimeUnit unit) {
    switch (unit) {
    case TimeUnit::Second: return "second";
    case TimeUnit::Minute: return "minute";
    case TimeUnit::Hour: return "hour";
    case TimeUnit::Day: return "day";
    case TimeUnit::Week: return "week";
    case TimeUnit::Month: return "month";
    case TimeUnit::Quarter: return "quarter";
    case TimeUnit::Year: return "year";
    case TimeUnit::Decade: return "decade";
    case TimeUnit::Century: return "century";
    case TimeUnit::None: break;
    }
    return "none";
}

std::string signedNumber(int n) { return (n >= 0 ? "+" : "") + std::to_string(n); }

std::string withTimeOfDay(std::string value, std::string_view timeOfDay) {
    if (!timeOfDay.empty()) value.append("T").append(timeOfDay);
    return value;
}

Date firstOfMonth(int monthIndex) {  // year * 12 + month - 1
    return Date(floorDiv(monthIndex, 12), static_cast<unsigned>(floorMod(monthIndex, 12) + 1), 1);
}

int monthIndex(const Date& d) { return d.year() * 12 + static_cast<int>(d.month()) - 1; }

// Seasons counted year * 4 + (season - 1); December belongs to that year's winter.
int seasonIndex(const Date& d) {
    const int m = static_cast<int>(d.month());
    if (m == 12) return d.year() * 4 + 3;
    if (m <= 2) return (d.year() - 1) * 4 + 3;
    return d.year() * 4 + (m - 3) / 3;
}

}  // namespace

std::string yearValue(int year) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d", year);
    return buf;
}

std::string monthValue(int year, unsigned month) { return yearValue(year) + (month < 10 ? "-0" : "-") + std::to_string(month); }

std::string isoWeekValue(const Date& day) {
    // The ISO week belongs to the year of its Thursday.
    const Date thursday = day.addDays(4 - static_cast<int>(day.isoWeekday()));
    const auto jan1 = Date(thursday.year(), 1, 1).sysDays();
    const int week = static_cast<int>((thursday.sysDays() - jan1).count() / 7 + 1);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", thursday.year(), week);
    return buf;
}

Date holidayDate(Holiday holiday, int year) {
    // The n-th given weekday of a month (n = -1: the last).
    auto nth = [&](unsigned month, unsigned weekday, int n) {
        if (n < 0) {
            const Date last = firstOfMonth(year * 12 + static_cast<int>(month)).addDays(-1);
            return last.addDays(-floorMod(static_cast<int>(last.isoWeekday()) - static_cast<int>(weekday), 7));
        }
        const Date first(year, month, 1);
        return first.addDays(floorMod(static_cast<int>(weekday) - static_cast<int>(first.isoWeekday()), 7) + 7 * (n - 1));
    };
    auto easter = [&] {  // the anonymous Gregorian computus
        const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
        const int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
        const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return Date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    };
    switch (holiday) {
    case Holiday::Christmas: return Date(year, 12, 25);
    case Holiday::ChristmasEve: return Date(year, 12, 24);
    case Holiday::NewYearsDay: return Date(year, 1, 1);
    case Holiday::NewYearsEve: return Date(year, 12, 31);
    case Holiday::Thanksgiving: return nth(11, 4, 4);  // the United States'
    case Holiday::Easter: return easter();
    case Holiday::GoodFriday: return easter().addDays(-2);
    case Holiday::LaborDay: return nth(9, 1, 1);
    case Holiday::MemorialDay: return nth(5, 1, -1);
    case Holiday::ElectionDay: return nth(11, 1, 1).addDays(1);  // the Tuesday after the first Monday
    case Holiday::Halloween: return Date(year, 10, 31);
    case Holiday::ValentinesDay: return Date(year, 2, 14);
    case Holiday::BoxingDay: return Date(year, 12, 26);
    case Holiday::None: break;
    }
    return Date(year, 2, 30);  // invalid
}

std::string durationValue(int amount, TimeUnit unit) {
    // ISO 8601 has no decade or century: TimeML writes them in years ("a decade" P10Y).
    if (unit == TimeUnit::Decade || unit == TimeUnit::Century) {
        const int years = unit == TimeUnit::Decade ? 10 : 100;
        return amount < 0 ? "PXY" : "P" + std::to_string(amount * years) + "Y";
    }
    const std::string n = amount < 0 ? "X" : std::to_string(amount);
    switch (unit) {
    case TimeUnit::Second: return "PT" + n + "S";
    case TimeUnit::Minute: return "PT" + n + "M";
    case TimeUnit::Hour: return "PT" + n + "H";
    case TimeUnit::Day: return "P" + n + "D";
    case TimeUnit::Week: return "P" + n + "W";
    case TimeUnit::Month: return "P" + n + "M";
    case TimeUnit::Quarter: return "P" + n + "Q";
    case TimeUnit::Year: return "P" + n + "Y";
    default: break;
    }
    return {};
}

std::string durationAndHalfValue(int amount, TimeUnit unit) {
    // Half of a unit in the next smaller one: "2 1/2 years" P2Y6M, "an hour and a half" PT1H30M.
    if (amount <= 0) {  // half a unit
        switch (unit) {
        case TimeUnit::Minute: return "PT30S";
        case TimeUnit::Hour: return "PT30M";
        case TimeUnit::Day: return "PT12H";
        case TimeUnit::Month: return "P15D";
        case TimeUnit::Year: return "P6M";
        default: amount = 0; break;
        }
    }
    const std::string n = std::to_string(amount);
    switch (unit) {
    case TimeUnit::Second: return "PT" + n + ".5S";
    case TimeUnit::Minute: return "PT" + n + "M30S";
    case TimeUnit::Hour: return "PT" + n + "H30M";
    case TimeUnit::Day: return "P" + n + "DT12H";
    case TimeUnit::Week: return "P" + std::to_string(amount * 7 + 3) + "DT12H";
    case TimeUnit::Month: return "P" + n + "M15D";
    case TimeUnit::Quarter: return "P" + std::to_string(amount * 3) + "M15D";
    case TimeUnit::Year: return "P" + n + "Y6M";
    case TimeUnit::Decade: return "P" + std::to_string(amount * 10 + 5) + "Y";
    case TimeUnit::Century: return "P" + std::to_string(amount * 100 + 50) + "Y";
    case TimeUnit::None: break;
    }
    return {};
}

std::string resolve(const RelativeTime& rel, const Date& published) {
    using Kind = RelativeTime::Kind;
    switch (rel.kind) {
    case Kind::Weekday: {
        const int today = static_cast<int>(published.isoWeekday());
        const int target = cyclic(today, rel.which, 7, rel.direction == Direction::This ? Direction::Future : rel.direction);
        return withTimeOfDay(published.addDays(target - today).toIso(), rel.timeOfDay);
    }
    case Kind::Month: {
        if (rel.direction == Direction::This) return monthValue(published.year() + rel.offset, static_cast<unsigned>(rel.which));
        const int target = cyclic(monthIndex(published), rel.which - 1, 12, rel.direction);
        return monthValue(floorDiv(target, 12), static_cast<unsigned>(floorMod(target, 12) + 1));
    }
    case Kind::MonthDay: {
        // Compare within the year: a later day this year is in the future.
        const int today = static_cast<int>(published.month()) * 32 + static_cast<int>(published.day());
        const int target = rel.which * 32 + rel.day;
        int year = published.year();
        const Direction d = rel.direction;
        // A day within a month of publication is that one, whatever the tense: a story told in the
        // past about "Nov. 6" a week ahead does not mean the Nov. 6 a year back.
        const bool close = std::abs(target - today) <= 32;
        if (d == Direction::This) year += rel.offset;  // "March 28 last year"
        if ((d == Direction::Past && target > today && !close) || (d == Direction::PastStrict && target >= today)) --year;
        if ((d == Direction::Future && target < today && !close) || (d == Direction::FutureStrict && target <= today)) ++year;
        if (d == Direction::Nearest) {  // the occurrence within half a year either way
            if (target - today > 6 * 32) --year;
            if (today - target > 6 * 32) ++year;
        }
        return Date(year, static_cast<unsigned>(rel.which), static_cast<unsigned>(rel.day)).toIso();
    }
    case Kind::Season: {
        const int current = seasonIndex(published);
        const int target = rel.direction == Direction::This ? published.year() * 4 + rel.which - 1
                                                              : cyclic(current, rel.which - 1, 4, rel.direction);
        return yearValue(floorDiv(target, 4)) + "-" + std::string(kSeasons[static_cast<std::size_t>(floorMod(target, 4))]);
    }
    case Kind::Quarter: {
        int year = published.year() + (rel.which > 0 ? rel.offset : 0);
        int quarter = rel.which;
        // "the fourth quarter" said in January is last year's; "the first quarter" ahead in October is next year's.
        const int current = static_cast<int>(published.month() - 1) / 3 + 1;
        if (rel.which > 0 && rel.direction == Direction::Past && rel.which > current) --year;
        // The quarter just ended is still reported on in the future tense.
        if (rel.which > 0 && rel.direction == Direction::Future && rel.which < current - 1) ++year;
        if (rel.which <= 0) {
            const int index = year * 4 + static_cast<int>(published.month() - 1) / 3 + rel.offset;
            year = floorDiv(index, 4);
            quarter = floorMod(index, 4) + 1;
        }
        if (rel.year > 0) year = rel.year;
        return yearValue(year) + "-Q" + std::to_string(quarter);
    }
    case Kind::Weekend: return isoWeekValue(published.addDays(7 * rel.offset)) + "-WE";
    case Kind::Holiday: {
        const auto h = static_cast<Holiday>(rel.which);
        int year = published.year() + (rel.direction == Direction::This ? rel.offset : 0);
        const Date d = holidayDate(h, year);
        if (!d.isValid()) return {};
        const Direction dir = rel.direction;
        const auto days = (d.sysDays() - published.sysDays()).count();
        const bool close = days <= 31 && days >= -31;  // as for days of the month: tense does not move it a year
        if ((dir == Direction::Past && d > published && !close) || (dir == Direction::PastStrict && d >= published)) --year;
        if ((dir == Direction::Future && d < published && !close) || (dir == Direction::FutureStrict && d <= published)) ++year;
        if (dir == Direction::Nearest) {
            if (days > 183) --year;
            if (days < -183) ++year;
        }
        const Date day = holidayDate(h, year);
        return rel.unit == TimeUnit::Week ? isoWeekValue(day) : day.toIso();
    }
    case Kind::Shift: break;
    }
    switch (rel.unit) {
    case TimeUnit::Week: return isoWeekValue(published.addDays(7 * rel.offset));
    case TimeUnit::Month: {
        const Date m = firstOfMonth(monthIndex(published) + rel.offset);
        return monthValue(m.year(), m.month());
    }
    case TimeUnit::Quarter: {
        RelativeTime q = rel;
        q.kind = Kind::Quarter;
        q.which = 0;
        return resolve(q, published);
    }
    case TimeUnit::Year: return yearValue(published.year() + rel.offset);
    case TimeUnit::Decade: {
        if (rel.which <= 0) return std::to_string(floorDiv(published.year(), 10) + rel.offset);
        // A decade named by its tens ("the nineties"): the latest one that has begun.
        int century = floorDiv(published.year(), 100);
        if (rel.which * 10 > published.year() - century * 100) --century;
        return std::to_string(century * 10 + rel.which);
    }
    case TimeUnit::Century: return std::to_string(floorDiv(published.year(), 100) + rel.offset);
    default: break;
    }
    return withTimeOfDay(published.addDays(rel.unit == TimeUnit::Day ? rel.offset : 0).toIso(), rel.timeOfDay);
}

std::string describe(const RelativeTime& rel) {
    using Kind = RelativeTime::Kind;
    std::string out;
    switch (rel.kind) {
    case Kind::Weekday: out = "weekday:" + std::to_string(rel.which) + ":" + std::string(directionName(rel.direction)); break;
    case Kind::Month: out = "month:" + std::to_string(rel.which) + ":" + std::string(directionName(rel.direction)); break;
    case Kind::MonthDay:
        out = "monthday:" + std::to_string(rel.which) + "-" + std::to_string(rel.day) + ":" +
              std::string(directionName(rel.direction));
        break;
    case Kind::Season:
        out = "season:" + std::string(kSeasons[static_cast<std::size_t>(floorMod(rel.which - 1, 4))]) + ":" +
              std::string(directionName(rel.direction));
        break;
    case Kind::Quarter:
        out = rel.which > 0 ? "quarter:Q" + std::to_string(rel.which) + ":year" + signedNumber(rel.offset)
                            : "quarter:" + signedNumber(rel.offset);
        break;
    case Kind::Weekend: out = "weekend:" + signedNumber(rel.offset); break;
    case Kind::Holiday:
        out = "holiday:" + std::to_string(rel.which) + ":" + std::string(directionName(rel.direction));
        break;
    case Kind::Shift: out = std::string(unitName(rel.unit)) + ":" + signedNumber(rel.offset); break;
    }
    if (!rel.timeOfDay.empty()) out.append(":").append(rel.timeOfDay);
    return out;
}

std::optional<DayRange> dayRangeOf(std::string_view timemlValue) {
    std::string_view v = timemlValue;
    auto digits = [&](std::size_t from, std::size_t len, int& out) {
        if (from + len > v.size()) return false;
        for (std::size_t i = from; i < from + len; ++i)
            if (v[i] < '0' || v[i] > '9') return false;
        return std::from_chars(v.data() + from, v.data() + from + len, out).ec == std::errc{};
    };
    auto range = [](Date first, Date last) -> std::optional<DayRange> {
        if (!first.isValid() || !last.isValid()) return std::nullopt;
        return DayRange{first, last};
    };
    if (v.size() == 4 && v.ends_with('X')) v = v.substr(0, v.find('X'));  // "199X", "19XX"
    int n = 0;
    if (v.size() == 2 && digits(0, 2, n)) return range(Date(n * 100, 1, 1), Date(n * 100 + 99, 12, 31));
    if (v.size() == 3 && digits(0, 3, n)) return range(Date(n * 10, 1, 1), Date(n * 10 + 9, 12, 31));
    int year = 0;
    if (!digits(0, 4, year)) return std::nullopt;
    if (v.size() == 4) return range(Date(year, 1, 1), Date(year, 12, 31));
    if (v[4] != '-') return std::nullopt;
    const std::string_view rest = v.substr(5);
    int month = 0, day = 0, week = 0;
    if (digits(5, 2, month) && month >= 1 && month <= 12) {
        const Date first(year, static_cast<unsigned>(month), 1);
        if (v.size() == 7) return range(first, firstOfMonth(monthIndex(first) + 1).addDays(-1));
        if (v.size() >= 10 && v[7] == '-' && digits(8, 2, day) && (v.size() == 10 || v[10] == 'T')) {
            const Date d(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
            return range(d, d);
        }
        return std::nullopt;
    }
    if (rest.size() >= 2 && rest[0] == 'W' && digits(6, rest.size() >= 3 && rest[2] >= '0' && rest[2] <= '9' ? 2 : 1, week)) {
        // Week 1 is the week with the year's first Thursday.
        const Date jan4(year, 1, 4);
        const Date monday = jan4.addDays(1 - static_cast<int>(jan4.isoWeekday()) + 7 * (week - 1));
        if (week < 1 || week > 53) return std::nullopt;
        if (rest.ends_with("-WE")) return range(monday.addDays(5), monday.addDays(6));
        return range(monday, monday.addDays(6));
    }
    if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
        const int q = rest[1] - '1';
        const Date first(year, static_cast<unsigned>(q * 3 + 1), 1);
        return range(first, firstOfMonth(monthIndex(first) + 3).addDays(-1));
    }
    if (rest == "H1") return range(Date(year, 1, 1), Date(year, 6, 30));
    if (rest == "H2") return range(Date(year, 7, 1), Date(year, 12, 31));
    for (std::size_t s = 0; s < kSeasons.size(); ++s) {
        if (rest != kSeasons[s]) continue;
        const Date first = firstOfMonth(year * 12 + 2 + 3 * static_cast<int>(s));  // March, June, September, December
        return range(first, firstOfMonth(monthIndex(first) + 3).addDays(-1));
    }
    return std::nullopt;
}

}  // namespace dossier::core
