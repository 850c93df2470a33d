#include "core/analysis/TimexScanner.h"

#include <algorithm>
#include <array>
#include <cstdio>

using namespace dossier::core::timexrules;

namespace dossier::core {

namespace {

// Words before a bare month name that make it a month ("since November"), not a
// name or a verb ("Theresa May", "may").
constexpr std::array<std::string_view, 18> kMonthContext{
    "in", "since", "until", "till", "by", "from", "early", "late", "mid", "last", "next", "this",
    "during", "through", "before", "after", "between", "of"};

// After a four-digit number these make it a quantity, not a year.
constexpr std::array<std::string_view, 64> kQuantityNouns{
    "%", "percent", "people", "persons", "troops", "soldiers", "workers", "jobs", "employees", "members",
    "students", "cases", "deaths", "votes", "tons", "tonnes", "miles", "kilometers", "kilometres", "km",
    "meters", "metres", "feet", "barrels", "shares", "units", "cars", "vehicles", "homes", "houses",
    "households", "acres", "hectares", "points", "dollars", "euros", "yuan", "yen", "pounds", "rupees",
    "children", "women", "men", "residents", "families", "seats", "delegates", "refugees", "civilians",
    "prisoners", "companies", "firms", "times", "pages", "copies", "items", "missiles", "rockets", "aircraft",
    "ships", "tanks", "visitors", "patients", "officers"};
constexpr std::array<std::string_view, 9> kBeforeQuantity{"$", "£", "€", "¥", "#", "no.", "no", "number", "us$"};
// A month or date with no tense cue this close is taken as the nearest one.
constexpr std::size_t kMonthReach = 4;

constexpr std::array<std::string_view, 16> kTimeZones{"gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt",
                                                      "pst", "pdt", "bst", "cet", "cest", "jst", "kst", "ist"};
// Before a day of the month these look ahead: "payable Jan. 2", "rights expire Nov. 21".
constexpr std::array<std::string_view, 6> kDeadlineBefore{"payable", "expire", "expires", "due", "until", "record"};
}  // namespace

int TimexScanner::yearWordAt(std::size_t k) const {
    if (w(k + 1) != "year") return kNoYearWord;
    return w(k) == "this" ? 0 : w(k) == "last" ? -1 : w(k) == "next" ? 1 : kNoYearWord;
}

int TimexScanner::digitsAt(std::size_t k) const {
    const std::string_view s = w(k);
    return isNumber(k) && s.size() <= 9 && allDigits(s) ? toInt(s) : -1;
}

int TimexScanner::ordinalAt(std::size_t k) const {
    if (const TimexWord* x = lex(k); x && x->ordinal) return x->ordinal;
    const std::string_view s = w(k);
    if (!isNumber(k) || s.size() < 3 || s.size() > 4) return 0;
    const std::string_view suffix = s.substr(s.size() - 2);
    if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
    return allDigits(s.substr(0, s.size() - 2)) ? toInt(s.substr(0, s.size() - 2)) : 0;
}

int TimexScanner::yearAt(std::size_t k) const {
    const std::string_view s = w(k);
    if (!isNumber(k) || s.size() != 4 || !allDigits(s)) return -1;
    const int y = toInt(s);
    if (y < 1800 || y > 2100) return -1;
    if (k > begin_ && among(w(k - 1), kBeforeQuantity)) return -1;
    if (among(w(k + 1), kQuantityNouns)) return -1;
    return y;
}

bool TimexScanner::quarterContext() {
    if (quarterContext_ < 0) {
        quarterContext_ = 0;
        for (std::size_t k = begin_; k < end_; ++k)
            if (t_.lower[k] == "quarter" || t_.lower[k] == "quarterly") quarterContext_ = 1;
    }
    return quarterContext_ == 1;
}

TimexMatch TimexScanner::withDay(TimexMatch time) {
    const std::size_t k = time.last;
    if (const TimexWord* x = lex(k); x && x->weekday && !x->weekdayPlural && capitalized(k)) {
        time.relative = named(RelativeTime::Kind::Weekday, x->weekday, tense(time.first, k + 1));
        time.last = k + 1;
    } else if (w(k) == "today" || w(k) == "yesterday" || w(k) == "tomorrow") {
        time.relative = offset(TimeUnit::Day, w(k) == "today" ? 0 : w(k) == "yesterday" ? -1 : 1);
        time.last = k + 1;
    } else if (auto day = matchMonth(w(k) == "," ? k + 1 : k); day && !day->coarse) {  // "5 p.m. EST, Nov. 6"
        time.last = day->last;
        time.relative = day->relative;
        if (!day->relative) {
            time.value = day->value + time.suffix;
            time.suffix.clear();
        }
    }
    return time;
}

std::optional<TimexScanner::Amount> TimexScanner::yearInWordsAt(std::size_t k) const {
    // "nineteen ninety-six", "nineteen eighty", "two thousand", "two thousand and one"
    auto unitAfter = [&](std::size_t m, int& v) {
        if (w(m) == "-" && glued(m)) ++m;
        const TimexWord* u = lex(m);
        if (!u || u->number < 1 || u->number > 9 || w(m) == "a" || w(m) == "an") return m;
        v += u->number;
        return m + 1;
    };
    const TimexWord* x = lex(k);
    if (!x) return std::nullopt;
    if (w(k) == "nineteen" || w(k) == "eighteen") {
        const TimexWord* tens = lex(k + 1);
        if (!tens || tens->number < 10 || tens->number > 90 || (tens->number >= 20 && tens->number % 10 != 0))
            return std::nullopt;
        int year = x->number * 100 + tens->number;
        const std::size_t next = tens->number >= 20 ? unitAfter(k + 2, year) : k + 2;
        return Amount{year, next, false};
    }
    if (w(k) == "two" && w(k + 1) == "thousand") {
        int year = 2000;
        std::size_t next = k + 2;
        if (w(next) == "and") {
            const std::size_t after = unitAfter(next + 1, year);
            if (after != next + 1) next = after;
        }
        return Amount{year, next, false};
    }
    return std::nullopt;
}

std::optional<TimexScanner::Amount> TimexScanner::amountAt(std::size_t k) const {
    auto a = wholeAmountAt(k);
    if (a && !a->article && w(a->next) == "and" && w(a->next + 1) == "a" && w(a->next + 2) == "half") {
        a->half = true;  // "two and a half"
        a->next += 3;
    }
    return a;
}

std::optional<TimexScanner::Amount> TimexScanner::wholeAmountAt(std::size_t k) const {
    if (const int d = digitsAt(k); d >= 0) {
        // "5 1/2"
        if (isNumber(k + 1) && !glued(k + 1) && w(k + 1) == "1" && w(k + 2) == "/" && glued(k + 2) &&
            w(k + 3) == "2" && glued(k + 3))
            return Amount{d, k + 4, false, true};
        return Amount{d, k + 1, false};
    }
    if (w(k) == "half" && (w(k + 1) == "a" || w(k + 1) == "an")) return Amount{0, k + 2, false, true};
    if (w(k) == "couple" && w(k + 1) == "of") return Amount{2, k + 2, false};  // "the next couple of years"
    const TimexWord* x = lex(k);
    if (!x || x->number == -1) return std::nullopt;
    const std::string_view s = w(k);
    if (s == "a" || s == "an") {
        if (w(k + 1) == "few") return Amount{-2, k + 2, false};
        if (w(k + 1) == "couple" && w(k + 2) == "of") return Amount{2, k + 3, false};
        if (w(k + 1) == "dozen") return Amount{12, k + 2, false};
        if (w(k + 1) == "hundred") return Amount{100, k + 2, false};
        return Amount{1, k + 1, true};
    }
    int v = x->number;
    std::size_t next = k + 1;
    if (v >= 20 && v <= 90 && v % 10 == 0) {  // "twenty-four", "twenty four"
        std::size_t m = next;
        if (w(m) == "-" && glued(m)) ++m;
        if (const TimexWord* u = lex(m); u && u->number >= 1 && u->number <= 9 && w(m) != "a" && w(m) != "an") {
            v += u->number;
            next = m + 1;
        }
    }
    if (v > 0 && v < 10 && (w(next) == "hundred" || w(next) == "thousand")) {
        v *= w(next) == "hundred" ? 100 : 1000;
        ++next;
    }
    return Amount{v, next, false};
}

std::optional<TimexMatch> TimexScanner::matchAt(std::size_t i) {
    if (w(i) == "the") {
        // "at the time": the time the sentence tells of, past in a past sentence
        if (w(i + 1) == "time" && i > begin_ && w(i - 1) == "at" && w(i + 2) != "of")
            return make(i, i + 2, TimexType::Date,
                        tense(i, i + 2, 8, Direction::Future) == Direction::Past ? "PAST_REF" : "PRESENT_REF");
        if (w(i + 1) == "near" && w(i + 2) == "future") return make(i, i + 3, TimexType::Date, "FUTURE_REF");
        // "the end of the year", "the start of next month": TimeML keeps the whole phrase, valued as the period
        if (const std::string_view edge = w(i + 1);
            w(i + 2) == "of" && (edge == "end" || edge == "beginning" || edge == "start" || edge == "middle")) {
            if (const TimexWord* u = lex(i + 4); w(i + 3) == "the" && u && !u->plural && w(i + 5) != "-" &&
                                                 (u->unit == TimeUnit::Week || u->unit == TimeUnit::Month ||
                                                  u->unit == TimeUnit::Year))
                return makeRelative(i, i + 5, TimexType::Date, offset(u->unit, 0));  // "the end of the month"
            if (auto m = matchAt(i + 3); m && m->first == i + 3 && m->type == TimexType::Date && m->coarse) {
                m->first = i;
                return m;
            }
        }
        if ((w(i + 1) == "near" || w(i + 1) == "short") && w(i + 2) == "term")  // "in the near term"
            return make(i, i + 3, TimexType::Date, "FUTURE_REF");
        auto m = matchModified(i + 1, true);
        if (m && m->takesThe) {
            m->first = i;
            return m;
        }
        return std::nullopt;
    }
    return matchModified(i, false);
}

std::optional<TimexMatch> TimexScanner::matchModified(std::size_t j, bool afterThe) {
    const std::string_view s = w(j);
    // Approximations belong to the extent of amounts: "more than three years", "nearly a decade ago".
    std::size_t k = j;
    if ((s == "more" || s == "less") && w(j + 1) == "than") k = j + 2;
    else if (s == "nearly" || s == "almost" || s == "about" || s == "roughly" || s == "approximately" || s == "around")
        k = j + 1;
    else if (s == "at" && (w(j + 1) == "least" || w(j + 1) == "most")) k = j + 2;
    if (k != j) {
        auto m = matchCore(k, afterThe);
        if (!m || !m->amount) return std::nullopt;
        m->first = j;
        return m;
    }
    // "later this month", "early next year", "late November", "the late 1990s", "mid-2025".
    const bool edge = s == "early" || s == "late" || s == "mid";
    if (edge || s == "earlier" || s == "later") {
        k = j + 1;
        if (w(k) == "-" && glued(k)) ++k;
        if (s == "mid")
            if (const TimexWord* part = lex(k); part && part->partOfDay && !w(k).ends_with('s')) return midPartOfDay(j, k);
        auto m = matchCore(k, afterThe);
        if (!m || m->amount || m->type == TimexType::Duration || m->type == TimexType::Set) return std::nullopt;
        if (!m->coarse && !edge) return std::nullopt;
        m->first = j;
        return m;
    }
    return matchCore(j, afterThe);
}

// "mid-afternoon", "mid morning yesterday": the part of the day, of today unless a day follows.
TimexMatch TimexScanner::midPartOfDay(std::size_t j, std::size_t part) {
    RelativeTime r = offset(TimeUnit::Day, 0);
    r.timeOfDay = partOfDayCode(lex(part)->partOfDay);
    std::size_t last = part + 1;
    if (w(last) == "yesterday" || w(last) == "today" || w(last) == "tomorrow") {
        r.offset = w(last) == "yesterday" ? -1 : w(last) == "tomorrow" ? 1 : 0;
        ++last;
    }
    return makeRelative(j, last, TimexType::Time, r);
}

std::optional<TimexMatch> TimexScanner::matchCore(std::size_t j, bool afterThe) {
    if (j >= end_) return std::nullopt;
    if (isNumber(j)) return matchNumeric(j);
    const std::string_view s = w(j);
    if ((afterThe || s == "last") && (s == "corresponding" || s == "comparable" || s == "same" || s == "quarter" ||
                                      s == "period" || s == "last"))
        if (auto m = matchResultsPeriod(j, afterThe)) return m;
    const TimexWord* x = lex(j);
    if (!x) return std::nullopt;
    if (x->month)
        if (auto m = matchMonth(j)) return m;
    if (x->weekday) return matchWeekday(j);
    if (x->ordinal)
        if (auto m = matchOrdinal(j)) return m;
    // A year said in words, as transcripts write it; "two thousand years" is an amount.
    if (const auto y = yearInWordsAt(j); y && !(lex(y->next) && lex(y->next)->unit != TimeUnit::None)) {
        TimexMatch m = make(j, y->next, TimexType::Date, yearValue(y->value));
        m.coarse = true;
        return m;
    }
    if (x->number != -1 || w(j) == "half")
        if (auto m = matchAmount(j, afterThe)) return m;
    if (x->season)
        if (auto m = matchSeason(j, afterThe)) return m;
    if (x->holiday)
        if (auto m = matchHoliday(j, Direction::Nearest)) return m;
    if (auto m = matchAnaphoric(j, afterThe)) return m;
    if (auto m = matchDeictic(j, afterThe)) return m;
    return matchWord(j, afterThe);
}

std::optional<TimexMatch> TimexScanner::matchNumeric(std::size_t j) {
    const std::string_view s = w(j);
    auto sep = [&](std::size_t k, std::string_view c) { return w(k) == c && glued(k) && isNumber(k + 1) && glued(k + 1); };
    // 2013-03-22
    if (s.size() == 4 && allDigits(s) && sep(j + 1, "-") && w(j + 2).size() == 2 && sep(j + 3, "-") &&
        w(j + 4).size() == 2) {
        const int y = toInt(s), mo = digitsAt(j + 2), d = digitsAt(j + 4);
        if (validDay(y, mo, d)) return make(j, j + 5, TimexType::Date, dayValue(y, mo, d));
    }
    // 3/22/2013, 11/02/89 (American order unless the first number cannot be a month)
    if (sep(j + 1, "/") && sep(j + 3, "/")) {
        int a = digitsAt(j), b = digitsAt(j + 2), y = digitsAt(j + 4);
        const std::size_t yearDigits = w(j + 4).size();
        if (yearDigits == 2) y += y <= 30 ? 2000 : 1900;
        if (a > 12) std::swap(a, b);
        if ((yearDigits == 2 || yearDigits == 4) && validDay(y, a, b))
            return make(j, j + 5, TimexType::Date, dayValue(y, a, b));
    }
    // 19980114
    if (s.size() == 8 && allDigits(s)) {
        const int y = toInt(s.substr(0, 4)), mo = toInt(s.substr(4, 2)), d = toInt(s.substr(6, 2));
        if (y >= 1900 && y <= 2100 && validDay(y, mo, d)) return make(j, j + 1, TimexType::Date, dayValue(y, mo, d));
    }
    // 9 a.m., 10:35 p.m. EST, 14:30 GMT
    if (int h = digitsAt(j); h >= 0 && h <= 24) {
        std::size_t k = j + 1;
        int minute = 0;
        const bool colon = sep(k, ":") && w(k + 1).size() == 2;
        if (colon) {
            minute = digitsAt(k + 1);
            k += 2;
        }
        const std::string_view ampm = w(k);
        bool am = ampm == "a.m." || ampm == "am", pm = ampm == "p.m." || ampm == "pm";
        // "4 in the morning", "8 in the evening"
        if (const TimexWord* part = lex(k + 2);
            !am && !pm && h >= 1 && h <= 11 && ampm == "in" && w(k + 1) == "the" && part && part->partOfDay &&
            !w(k + 2).ends_with('s')) {
            am = part->partOfDay == 1;
            pm = !am;
            k += 2;
        }
        if ((am || pm) && h <= 12) {
            if (pm && h < 12) h += 12;
            if (am && h == 12) h = 0;
            ++k;
        }
        const bool zone = among(w(k), kTimeZones);
        if (zone) ++k;
        if ((am || pm || (colon && zone)) && minute < 60) {
            TimexMatch m = makeRelative(j, k, TimexType::Time, offset(TimeUnit::Day, 0));
            char buf[16];
            std::snprintf(buf, sizeof buf, "T%02d:%02d", h, minute);
            m.suffix = buf;
            return withDay(m);
        }
    }
    // 22 March 2013, 22nd March
    int day = digitsAt(j);
    if (day <= 0) day = ordinalAt(j);
    if (day >= 1 && day <= 31 && lex(j + 1) && lex(j + 1)->month && capitalized(j + 1)) {
        const int month = lex(j + 1)->month;
        std::size_t k = j + 2;
        if (w(k) == "." && glued(k) && lex(j + 1)->monthAbbreviation) ++k;  // "22 Sept.", not "1 July."
        std::size_t n = w(k) == "," ? k + 1 : k;
        if (const int y = yearAt(n); y > 0 && validDay(y, month, day))
            return make(j, n + 1, TimexType::Date, dayValue(y, month, day));
        if (validDay(2000, month, day)) {
            RelativeTime r = named(RelativeTime::Kind::MonthDay, month, tense(j, k, kMonthReach, Direction::Nearest));
            r.day = day;
            return makeRelative(j, k, TimexType::Date, r);
        }
    }
    // the 1990s
    if (s.size() == 5 && s[4] == 's' && allDigits(s.substr(0, 4))) {
        TimexMatch m = make(j, j + 1, TimexType::Date, std::string(s.substr(0, 3)));
        m.takesThe = m.coarse = true;
        return m;
    }
    if (ordinalAt(j))
        if (auto m = matchOrdinal(j)) return m;
    if (auto m = matchAmount(j, false)) return m;
    if (auto m = matchSecondDay(j)) return m;
    return matchYear(j);
}

// "April 24 and 25", "March 3 to 5": the second day takes the month of the first.
std::optional<TimexMatch> TimexScanner::matchSecondDay(std::size_t j) {
    const int day = digitsAt(j);
    if (day < 1 || day > 31 || j < begin_ + 3 || among(w(j + 1), kQuantityNouns) ||
        (lex(j + 1) && lex(j + 1)->unit != TimeUnit::None))
        return std::nullopt;
    const std::string_view joint = w(j - 1);
    if (joint != "and" && joint != "or" && joint != "to" && joint != "through") return std::nullopt;
    const int first = digitsAt(j - 2);
    const TimexWord* month = lex(j - 3);
    if (first < 1 || first >= day || !month || !month->month || !capitalized(j - 3)) return std::nullopt;
    if (!validDay(2000, month->month, day)) return std::nullopt;
    if (const int y = w(j + 1) == "," ? yearAt(j + 2) : -1; y > 0 && validDay(y, month->month, day))
        return make(j, j + 3, TimexType::Date, dayValue(y, month->month, day));
    RelativeTime r = named(RelativeTime::Kind::MonthDay, month->month, tense(j - 3, j + 1, kMonthReach, Direction::Nearest));
    r.day = day;
    return makeRelative(j, j + 1, TimexType::Date, r);
}

std::optional<TimexMatch> TimexScanner::matchYear(std::size_t j) {
    const int y = yearAt(j);
    if (y < 0) return std::nullopt;
    // "the 1990's"
    if (y % 10 == 0 && (w(j + 1) == "'s" || w(j + 1) == "’s") && glued(j + 1)) {
        TimexMatch m = make(j, j + 2, TimexType::Date, yearValue(y).substr(0, 3));
        m.takesThe = m.coarse = true;
        return m;
    }
    if (auto m = matchResultsPeriod(j, false)) return m;
    // "the 1988 third quarter"
    if (const int q = ordinalAt(j + 1); q >= 1 && q <= 4 && w(j + 2) == "quarter") {
        TimexMatch m = make(j, j + 3, TimexType::Date, yearValue(y) + "-Q" + std::to_string(q));
        m.takesThe = m.coarse = true;
        return m;
    }
    TimexMatch m = make(j, j + 1, TimexType::Date, yearValue(y));
    m.coarse = true;
    return m;
}

std::optional<TimexMatch> TimexScanner::matchMonth(std::size_t j) {
    const TimexWord* x = lex(j);
    if (!x || !x->month || !capitalized(j)) return std::nullopt;  // "may", "march" the verbs
    const int month = x->month;
    std::size_t k = j + 1;
    if (w(k) == "." && glued(k) && x->monthAbbreviation) ++k;  // "Nov. 6"; after "July." the sentence ends
    // March 22, 2013 / March 22
    int day = digitsAt(k);
    if (day <= 0) day = ordinalAt(k);
    const bool clock = w(k + 1) == ":" && glued(k + 1) && isNumber(k + 2) && glued(k + 2);  // "March 10:30"?
    if (day >= 1 && day <= 31 && !clock && w(k + 1) != "%" && validDay(2000, month, day)) {
        const std::size_t n = w(k + 1) == "," ? k + 2 : k + 1;
        if (const int y = yearAt(n); y > 0 && validDay(y, month, day))
            return make(j, n + 1, TimexType::Date, dayValue(y, month, day));
        // "May 3 to 5, 2019": the year after the pair is the first day's too
        if (const std::string_view joint = w(k + 1); joint == "and" || joint == "to" || joint == "through")
            if (const int y = digitsAt(k + 2) > day && w(k + 3) == "," ? yearAt(k + 4) : -1; y > 0 && validDay(y, month, day))
                return make(j, k + 1, TimexType::Date, dayValue(y, month, day));
        if (const int y = yearWordAt(k + 1); y != kNoYearWord) {  // "March 28 last year"
            RelativeTime r = named(RelativeTime::Kind::MonthDay, month, Direction::This);
            r.day = day;
            r.offset = y;
            return makeRelative(j, k + 3, TimexType::Date, r);
        }
        const bool deadline = j > begin_ && (among(w(j - 1), kDeadlineBefore) ||
                                             (w(j - 1) == "to" && j >= begin_ + 2 && w(j - 2).starts_with("extend")));
        RelativeTime r = named(RelativeTime::Kind::MonthDay, month,
                               deadline ? Direction::Future : tense(j, k + 1, kMonthReach, Direction::Nearest));
        r.day = day;
        return makeRelative(j, k + 1, TimexType::Date, r);
    }
    // November 2025, November of 2025, January nineteen ninety-seven
    const std::size_t n = w(k) == "," || w(k) == "of" ? k + 1 : k;
    if (const int y = yearAt(n); y > 0) {
        TimexMatch m = make(j, n + 1, TimexType::Date, monthValue(y, static_cast<unsigned>(month)));
        m.coarse = true;
        return m;
    }
    if (const auto y = yearInWordsAt(n)) {
        TimexMatch m = make(j, y->next, TimexType::Date, monthValue(y->value, static_cast<unsigned>(month)));
        m.coarse = true;
        return m;
    }
    // A bare month: an abbreviation is too uncertain; "May" and "March" need a temporal word before.
    if (x->monthAbbreviation) return std::nullopt;
    const std::string_view prev = j > begin_ ? w(j - 1) : std::string_view{};
    const bool context = among(prev, kMonthContext) ||
                         (prev == "-" && j >= begin_ + 2 && (w(j - 2) == "mid" || w(j - 2) == "early" || w(j - 2) == "late"));
    if ((month == 5 || month == 3) && !context) return std::nullopt;
    if (prev == "of" && month == 5) return std::nullopt;  // "the government of May"
    // "June last year", "January this year"
    if (const int d = yearWordAt(j + 1); d != kNoYearWord) {
        RelativeTime r = named(RelativeTime::Kind::Month, month, Direction::This);
        r.offset = d;
        TimexMatch m = makeRelative(j, j + 3, TimexType::Date, r);
        m.coarse = true;
        return m;
    }
    const Direction d = prev == "since" ? Direction::Past : tense(j, j + 1, kMonthReach, Direction::Nearest);
    TimexMatch m = makeRelative(j, j + 1, TimexType::Date, named(RelativeTime::Kind::Month, month, d));
    m.coarse = true;
    return m;
}

std::optional<TimexMatch> TimexScanner::matchWeekday(std::size_t j) {
    const TimexWord* x = lex(j);
    if (!capitalized(j)) return std::nullopt;
    std::size_t k = j + 1;
    const TimexWord* part = lex(k);
    const int partOfDay = part && part->partOfDay && !capitalized(k) ? part->partOfDay : 0;
    // "Tuesday nights", "Sunday mornings": a plural part of the day makes a set.
    if (partOfDay && w(k).ends_with('s'))
        return make(j, k + 1, TimexType::Set, "XXXX-WXX-" + std::to_string(x->weekday) + "T" + std::string(partOfDayCode(partOfDay)));
    if (x->weekdayPlural) {  // "Tuesdays", "Tuesday nights"
        std::string value = "XXXX-WXX-" + std::to_string(x->weekday);
        if (partOfDay) value += "T" + std::string(partOfDayCode(partOfDay));
        return make(j, partOfDay ? k + 1 : k, TimexType::Set, value);
    }
    // "Monday, March 22, 2013" is one date
    if (auto m = matchMonth(w(k) == "," ? k + 1 : k); m && !m->coarse) {
        m->first = j;
        return m;
    }
    RelativeTime r = named(RelativeTime::Kind::Weekday, x->weekday, tense(j, partOfDay ? k + 1 : k));
    if (partOfDay) {
        r.timeOfDay = partOfDayCode(partOfDay);
        return makeRelative(j, k + 1, TimexType::Time, r);
    }
    return makeRelative(j, k, TimexType::Date, r);
}

}  // namespace dossier::core
