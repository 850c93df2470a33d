// The word-led rules of TimexScanner: ordinals, amounts and durations, "this/last/next",
// seasons, and the single words ("yesterday", "now", "annually").
#include "core/analysis/TimexScanner.h"

namespace dossier::core {

using namespace timexrules;

namespace {

constexpr std::array<std::string_view, 8> kRateBefore{"million", "billion", "trillion", "percent", "%",
                                                      "cents", "dollars", "times"};
// Words after "daily", "weekly"... that leave them adverbs ("paid quarterly to holders").
constexpr std::array<std::string_view, 15> kAfterAdverb{"and", "or", "to", "in", "on", "at", "for", "by", "from",
                                                        "until", "since", "through", "but", "as", "with"};
constexpr std::array<std::string_view, 9> kSeasonContext{"in", "during", "since", "by", "until", "through",
                                                         "from", "over", "before"};

// "this" 0, "last" -1, "next" +1; anything else is not deictic.
std::optional<int> deixis(std::string_view w) {
    if (w == "this" || w == "current") return 0;
    if (w == "last" || w == "past" || w == "previous" || w == "latest" || w == "recent") return -1;
    if (w == "next" || w == "coming" || w == "following") return 1;
    return std::nullopt;
}

}  // namespace

std::optional<TimexMatch> TimexScanner::matchOrdinal(std::size_t j) {
    const int n = ordinalAt(j);
    std::size_t k = j + 1;
    if (w(k) == "-" && glued(k)) ++k;
    const std::string_view noun = w(k);
    if (noun == "century" && n >= 1 && n <= 99) {  // the 20th century: 1900-1999
        TimexMatch m = make(j, k + 1, TimexType::Date, n <= 10 ? "0" + std::to_string(n - 1) : std::to_string(n - 1));
        m.takesThe = m.coarse = true;
        return m;
    }
    if ((noun == "quarter" && n >= 1 && n <= 4) || (noun == "half" && n >= 1 && n <= 2)) {
        const std::string part = noun == "quarter" ? "-Q" + std::to_string(n) : "-H" + std::to_string(n);
        std::size_t last = k + 1;
        const std::size_t yearAtOf = w(last) == "of" ? last + 1 : last;
        TimexMatch m;
        bool adjective = false;
        if (const int y = yearAt(yearAtOf); y > 0) {
            m = make(j, yearAtOf + 1, TimexType::Date, yearValue(y) + part);
        } else if (const int off = yearAtOf > last ? yearWordAt(yearAtOf) : kNoYearWord; off != kNoYearWord) {
            // "the third quarter of next year"
            RelativeTime r = noun == "quarter" ? named(RelativeTime::Kind::Quarter, n, Direction::This)
                                               : offset(TimeUnit::Year, off);
            if (noun == "quarter") r.offset = off;
            m = makeRelative(j, yearAtOf + 2, TimexType::Date, r);
            if (noun == "half") m.suffix = part;
        } else {
            adjective = k > j + 1;  // "the third-quarter results": "the" goes with the noun
            if (noun == "quarter") {
                m = makeRelative(j, last, TimexType::Date, named(RelativeTime::Kind::Quarter, n, tense(j, last)));
            } else {
                m = makeRelative(j, last, TimexType::Date, offset(TimeUnit::Year, 0));
                m.suffix = part;
            }
        }
        m.takesThe = !adjective;
        m.coarse = true;
        return m;
    }
    // "the first nine months"
    if (n == 1 && w(j) == "first")
        if (auto a = amountAt(j + 1); a && !a->article && a->value > 1)
            if (const TimexWord* u = lex(a->next); u && u->unit != TimeUnit::None && u->plural) {
                TimexMatch m = make(j, a->next + 1, TimexType::Duration, durationValue(a->value, u->unit));
                m.takesThe = true;
                return m;
            }
    return std::nullopt;
}

std::optional<TimexMatch> TimexScanner::matchAmount(std::size_t j, bool afterThe) {
    const auto a = amountAt(j);
    if (!a) return std::nullopt;
    std::size_t k = a->next;
    // "three times a year": how often
    if (!a->article && a->value > 0 && w(k) == "times" && (w(k + 1) == "a" || w(k + 1) == "per" || w(k + 1) == "every"))
        if (const TimexWord* u = lex(k + 2); u && u->unit != TimeUnit::None && !u->plural)
            return make(j, k + 3, TimexType::Set, durationValue(1, u->unit));
    // "two more weeks", "an additional year"
    if ((w(k) == "more" || w(k) == "additional" || w(k) == "extra" || w(k) == "further") && lex(k + 1) &&
        lex(k + 1)->unit != TimeUnit::None)
        ++k;
    const bool hyphen = w(k) == "-" && glued(k);
    if (hyphen) ++k;
    const TimexWord* u = lex(k);
    if (!u || u->unit == TimeUnit::None) return std::nullopt;
    // "a second time", "a quarter of the vote", "one-day-old"
    if (a->article && (u->unit == TimeUnit::Second || u->unit == TimeUnit::Quarter)) return std::nullopt;
    if (u->plural && a->article) return std::nullopt;
    if (capitalized(k) && !capitalized(j)) return std::nullopt;  // "60 Minutes", a title
    // Ages are not durations here: "a 6-year-old boy"; nor are fractions: "three-quarters".
    if (w(k + 1) == "old" || (w(k + 1) == "-" && w(k + 2) == "old") || (hyphen && u->unit == TimeUnit::Quarter))
        return std::nullopt;
    if (a->value >= 1000 && !u->plural) return std::nullopt;  // "the 1988 quarter" is a year
    // "a year-earlier quarter": the adjective, not an amount
    if (w(k + 1) == "-" && glued(k + 1) && (w(k + 2) == "earlier" || w(k + 2) == "ago" || w(k + 2) == "end" || w(k + 2) == "long"))
        return std::nullopt;
    const TimeUnit unit = u->unit;
    TimexMatch m = make(j, k + 1, TimexType::Duration, durationValue(a->value, unit));
    m.amount = true;
    m.takesThe = afterThe;
    if (a->half) {
        m.value = durationAndHalfValue(a->value, unit);
    } else if (w(k + 1) == "and" && w(k + 2) == "a" && w(k + 3) == "half") {
        m.value = durationAndHalfValue(a->value, unit);  // "an hour and a half"
        m.last = k + 4;
        return m;
    }
    const std::string_view prev = j > begin_ ? w(j - 1) : std::string_view{};
    const std::string_view after = w(k + 1);
    const bool shifted = after == "ago" || after == "earlier" || after == "later" || after == "before";
    if (a->article && !shifted && (isNumber(j - 1) || among(prev, kRateBefore)) && j > begin_) {  // "$5 million a year"
        m.type = TimexType::Set;
        m.value = durationValue(1, unit);
        return m;
    }
    if (hyphen) return m;  // "a two-week visit"
    // "two years ago", "a year earlier", "three weeks from now"
    int direction = 0;
    std::size_t last = k + 2;
    if (after == "ago" || after == "earlier" || after == "before") direction = -1;
    else if (after == "later" || after == "hence") direction = 1;
    else if (after == "from" && w(k + 2) == "now") {
        direction = 1;
        last = k + 3;
    }
    if (!direction || after == "before") return m;
    m.last = last;
    m.type = TimexType::Date;
    m.coarse = unit >= TimeUnit::Month;
    if (a->value < 0) {
        m.value = direction < 0 ? "PAST_REF" : "FUTURE_REF";
        return m;
    }
    m.value.clear();
    m.comparison = true;
    const int n = direction * a->value;
    if (unit == TimeUnit::Year && quarterContext()) {
        // Quarterly results compare with the same quarter a year before: the last completed one.
        m.relative = named(RelativeTime::Kind::Quarter, 0, Direction::This);
        m.relative->offset = 4 * n - 1;
    } else if (unit <= TimeUnit::Hour) {
        m.relative = offset(TimeUnit::Day, 0);
    } else if (unit >= TimeUnit::Decade) {
        // "a decade ago" is about a year, ten back, not the whole decade before this one
        m.relative = offset(TimeUnit::Year, n * (unit == TimeUnit::Decade ? 10 : 100));
    } else {
        m.relative = offset(unit == TimeUnit::Day || unit >= TimeUnit::Week ? unit : TimeUnit::Day, n);
    }
    // "ago" counts from today; "three days later" from the day the text is talking about. A year
    // earlier is most often a comparison with today (results), so years stay with the publication date.
    if (after != "ago" && after != "from" && unit >= TimeUnit::Day && unit <= TimeUnit::Month) {
        m.anchored = offset(unit, n);
    } else if (unit == TimeUnit::Year && (n == -1 || n == 1)) {
        // In results, "a year ago" is the quarter the text reports on, a year back.
        m.anchored = named(RelativeTime::Kind::Quarter, 0, Direction::This);
        m.anchored->offset = 4 * n;
    }
    return m;
}

std::optional<TimexMatch> TimexScanner::matchDeictic(std::size_t j, bool afterThe) {
    auto d = deixis(w(j));
    if (!d) return std::nullopt;
    std::string_view word = w(j);
    // "the current fiscal year", "last fiscal year": a company's year, named like the calendar's.
    std::size_t k = w(j + 1) == "fiscal" && w(j + 2) == "year" ? j + 2 : j + 1;
    if (word == "this" && w(k) == "past" && lex(k + 1) && (lex(k + 1)->season || lex(k + 1)->unit != TimeUnit::None)) {
        word = "last";  // "this past spring", "this past week"
        d = -1;
        ++k;
    }
    // "the past two months", "the next five years", "the last 12 months"
    if (word != "this" && word != "current")
        if (auto a = amountAt(k); a && !a->article)
            if (const TimexWord* u = lex(a->next); u && u->unit != TimeUnit::None && (u->plural || a->value == 1)) {
                TimexMatch m = make(j, a->next + 1, TimexType::Duration, durationValue(a->value, u->unit));
                m.takesThe = m.amount = true;
                return m;
            }
    const TimexWord* x = lex(k);
    // "the last half of 1989", "the last quarter of 2024"
    if (word == "last" && (w(k) == "half" || w(k) == "quarter") && w(k + 1) == "of")
        if (const int y = yearAt(k + 2); y > 0) {
            TimexMatch m = make(j, k + 3, TimexType::Date, yearValue(y) + (w(k) == "half" ? "-H2" : "-Q4"));
            m.takesThe = m.coarse = true;
            return m;
        }
    if (word == "recent") {  // "recent years" is a stretch of time; "the recent sale" dates nothing
        if (!x || !x->plural || x->unit < TimeUnit::Day) return std::nullopt;
        TimexMatch m = make(j, k + 1, TimexType::Duration, durationValue(-1, x->unit));
        m.takesThe = true;
        return m;
    }
    if (word == "current" && !(x && x->unit != TimeUnit::None)) return make(j, k, TimexType::Date, "PRESENT_REF");
    // "the latest period" of quarterly results
    // "the latest period" of results is the quarter just reported; "of" makes it a stretch of history.
    if (word == "latest" && w(k) == "period" && afterThe && w(k + 1) != "of" && t_.quarterly) {
        TimexMatch m = makeRelative(j, k + 1, TimexType::Date, offset(TimeUnit::Quarter, -1));
        m.takesThe = true;
        return m;
    }
    // "This Week" inside a sentence is a programme's title.
    if (word == "this" && capitalized(j) && capitalized(k) && j > begin_ + 1) return std::nullopt;
    if (x && x->unit != TimeUnit::None && (x->unit != TimeUnit::Day || x->plural) && !(w(k + 1) == "-" && glued(k + 1))) {
        TimexMatch m;
        if (x->plural) {  // "the coming weeks", "the past months"
            if ((!afterThe && word != "coming") || word == "last" || word == "this") return std::nullopt;
            m = make(j, k + 1, TimexType::Duration, durationValue(-1, x->unit));
        } else if (afterThe && (word == "past" || word == "last") && x->unit != TimeUnit::Quarter) {
            m = make(j, k + 1, TimexType::Duration, durationValue(1, x->unit));  // "the past year"
        } else if (x->unit < TimeUnit::Week) {
            return std::nullopt;
        } else {
            m = makeRelative(j, k + 1, TimexType::Date, offset(x->unit, *d));
            m.coarse = true;
        }
        m.takesThe = true;
        return m;
    }
    if (word != "this" && word != "last" && word != "next") {
        if (word == "past" && afterThe) {  // "the past"
            TimexMatch m = make(j, k, TimexType::Date, "PAST_REF");
            m.takesThe = true;
            return m;
        }
        return std::nullopt;
    }
    const Direction named3 = *d < 0 ? Direction::PastStrict : *d > 0 ? Direction::FutureStrict : Direction::This;
    if (x && x->month && capitalized(k)) {
        TimexMatch m = makeRelative(j, k + 1, TimexType::Date, named(RelativeTime::Kind::Month, x->month, named3));
        m.coarse = true;
        return m;
    }
    if (x && x->weekday && !x->weekdayPlural && capitalized(k)) {
        RelativeTime r = named(RelativeTime::Kind::Weekday, x->weekday, *d == 0 ? tense(j, k + 1) : named3);
        const TimexWord* part = lex(k + 1);
        if (part && part->partOfDay) {
            r.timeOfDay = partOfDayCode(part->partOfDay);
            return makeRelative(j, k + 2, TimexType::Time, r);
        }
        return makeRelative(j, k + 1, TimexType::Date, r);
    }
    if (x && x->holiday && *d != 0)  // "last Christmas", "next Thanksgiving"
        if (auto m = matchHoliday(k, named3)) {
            m->first = j;
            return m;
        }
    if (x && x->season) {
        TimexMatch m = makeRelative(j, k + 1, TimexType::Date, named(RelativeTime::Kind::Season, x->season, named3));
        m.coarse = true;
        return m;
    }
    if (x && x->partOfDay && (*d == 0 || (*d < 0 && x->partOfDay == 4))) {  // "this morning", "last night"
        RelativeTime r = offset(TimeUnit::Day, *d);
        r.timeOfDay = partOfDayCode(x->partOfDay);
        return makeRelative(j, k + 1, TimexType::Time, r);
    }
    if (w(k) == "weekend") {
        RelativeTime r;
        r.kind = RelativeTime::Kind::Weekend;
        r.offset = *d;
        return makeRelative(j, k + 1, TimexType::Date, r);
    }
    return std::nullopt;
}

std::optional<TimexMatch> TimexScanner::matchSeason(std::size_t j, bool afterThe) {
    const int season = lex(j)->season;
    std::size_t n = w(j + 1) == "of" ? j + 2 : j + 1;
    static constexpr std::array<std::string_view, 4> kCodes{"-SP", "-SU", "-FA", "-WI"};
    const int y = yearAt(n);
    const auto said = y > 0 ? std::nullopt : yearInWordsAt(n);  // "the winter of nineteen ninety-four"
    if (y > 0 || said) {  // "summer 2025", "the summer of 2025"
        TimexMatch m = make(j, y > 0 ? n + 1 : said->next, TimexType::Date,
                            yearValue(y > 0 ? y : said->value) + std::string(kCodes[static_cast<std::size_t>(season - 1)]));
        m.takesThe = m.coarse = true;
        return m;
    }
    const std::string_view prev = afterThe ? (j >= begin_ + 2 ? w(j - 2) : std::string_view{})
                                           : (j > begin_ ? w(j - 1) : std::string_view{});
    // "the summer" is a season; "the fall" needs a preposition ("the fall of the wall").
    if ((!among(prev, kSeasonContext) && !(afterThe && season != 3)) || w(j + 1) == "of" || capitalized(j))
        return std::nullopt;
    TimexMatch m = makeRelative(j, j + 1, TimexType::Date, named(RelativeTime::Kind::Season, season, tense(j, j + 1)));
    m.takesThe = m.coarse = true;
    return m;
}

std::optional<TimexMatch> TimexScanner::matchWord(std::size_t j, bool afterThe) {
    // Cardinals ("a", "two", "several") that no amount rule took start nothing here; they are
    // most of the words that get this far, so leave before the comparisons below.
    if (const TimexWord* x = lex(j); x && x->number != -1) return std::nullopt;
    const std::string_view s = w(j);
    const std::string_view prev = j > begin_ ? w(j - 1) : std::string_view{};
    auto ref = [&](std::string_view value) { return make(j, j + 1, TimexType::Date, std::string(value)); };
    auto day = [&](int n) {
        RelativeTime r = offset(TimeUnit::Day, n);
        const TimexWord* part = lex(j + 1);
        if (part && part->partOfDay) {  // "yesterday morning"
            r.timeOfDay = partOfDayCode(part->partOfDay);
            return makeRelative(j, j + 2, TimexType::Time, r);
        }
        return makeRelative(j, j + 1, TimexType::Date, r);
    };
    auto set = [&](int n, TimeUnit unit) { return make(j, j + 1, TimexType::Set, durationValue(n, unit)); };

    if (afterThe) {
        if (s == "future" && w(j + 1) != "of") {
            TimexMatch m = ref("FUTURE_REF");
            m.takesThe = true;
            return m;
        }
        if (s == "quarter" && w(j + 1) != "-") {
            TimexMatch m = makeRelative(j, j + 1, TimexType::Date, named(RelativeTime::Kind::Quarter, 0, Direction::This));
            m.relative->offset = -1;  // the quarter just reported
            m.takesThe = true;
            return m;
        }
        // "the year", "the full year", "the fiscal year" (ended June 30)
        std::size_t k = j;
        if (w(k) == "current" || w(k) == "full") ++k;
        if (w(k) == "fiscal") ++k;
        if (w(k) == "year" && k == j) {  // "the year 2000", "the year two thousand"
            const int y = yearAt(k + 1);
            const auto said = y > 0 ? std::nullopt : yearInWordsAt(k + 1);
            if (y > 0 || said) {
                TimexMatch m = make(j, y > 0 ? k + 2 : said->next, TimexType::Date, yearValue(y > 0 ? y : said->value));
                m.takesThe = m.coarse = true;
                return m;
            }
        }
        if (w(k) == "year" && w(k + 1) != "-" && w(k + 1) != "before" && w(k + 1) != "after") {
            const bool ended = w(k + 1) == "ended" || w(k + 1) == "ending";
            TimexMatch m = ended ? make(j, k + 1, TimexType::Duration, durationValue(1, TimeUnit::Year))
                                 : makeRelative(j, k + 1, TimexType::Date, offset(TimeUnit::Year, 0));
            m.takesThe = true;
            return m;
        }
        if (const TimexWord* x = lex(j); x && x->decade) {  // "the nineties": the last such decade
            RelativeTime r = offset(TimeUnit::Decade, 0);
            r.which = x->decade;
            TimexMatch m = makeRelative(j, j + 1, TimexType::Date, r);
            m.takesThe = m.coarse = true;
            return m;
        }
        // "the weeks ahead", "the years ahead": a stretch still to come
        if (const TimexWord* x = lex(j); x && x->plural && x->unit >= TimeUnit::Day && w(j + 1) == "ahead") {
            TimexMatch m = make(j, j + 2, TimexType::Duration, durationValue(-1, x->unit));
            m.takesThe = true;
            return m;
        }
        if (s == "weekend") {
            RelativeTime r;
            r.kind = RelativeTime::Kind::Weekend;
            r.offset = tense(j, j + 1) == Direction::Past ? -1 : 0;
            TimexMatch m = makeRelative(j, j + 1, TimexType::Date, r);
            m.takesThe = true;
            return m;
        }
    }
    // Capitalised after another word, these are part of a name: "VOA Today", "High Noon".
    if (capitalized(j) && j > begin_ && t_.tokens[j - 1].kind == TokenKind::Word) return std::nullopt;
    if (s == "today") return day(0);
    if (s == "yesterday") return day(-1);
    if (s == "tomorrow") return day(1);
    if (s == "tonight") {
        RelativeTime r = offset(TimeUnit::Day, 0);
        r.timeOfDay = "NI";
        return makeRelative(j, j + 1, TimexType::Time, r);
    }
    if (s == "now" || s == "currently" || s == "nowadays") return ref("PRESENT_REF");
    if ((s == "once" || s == "twice") && (w(j + 1) == "a" || w(j + 1) == "per" || w(j + 1) == "every"))
        if (const TimexWord* u = lex(j + 2); u && u->unit != TimeUnit::None && !u->plural)  // "twice a week"
            return make(j, j + 3, TimexType::Set, durationValue(1, u->unit));
    if (s == "weekends" && (prev == "on" || prev == "at")) return make(j, j + 1, TimexType::Set, "XXXX-WXX-WE");
    if (s == "these" && w(j + 1) == "days") return make(j, j + 2, TimexType::Date, "PRESENT_REF");
    if (s == "then" && w(j + 1) == "current") return make(j, j + 2, TimexType::Date, "PAST_REF");  // "the then current price"
    // "previously" and "formerly" order events without dating them; TimeML leaves them untagged.
    if (s == "recently" || s == "lately") return ref("PAST_REF");
    if (s == "soon" && prev != "as" && w(j + 1) != "after" && w(j + 1) != "as") return ref("FUTURE_REF");
    // "the quarterly dividend", "a daily newspaper": before a noun these classify, they do not time.
    const bool beforeNoun = j + 1 < end_ && t_.tokens[j + 1].kind == TokenKind::Word && !among(w(j + 1), kAfterAdverb);
    if ((s == "annually" || s == "yearly" || s == "daily" || s == "weekly" || s == "monthly" || s == "quarterly" ||
         s == "hourly") && beforeNoun)
        return std::nullopt;
    if (s == "annually" || s == "yearly") return set(1, TimeUnit::Year);
    if (s == "daily") return set(1, TimeUnit::Day);
    if (s == "weekly") return set(1, TimeUnit::Week);
    if (s == "monthly") return set(1, TimeUnit::Month);
    if (s == "quarterly") return set(3, TimeUnit::Month);
    if (s == "hourly") return set(1, TimeUnit::Hour);
    if (s == "noon" || s == "midday" || s == "midnight") {
        TimexMatch m = makeRelative(j, j + 1, TimexType::Time, offset(TimeUnit::Day, 0));
        m.suffix = s == "midnight" ? "T24:00" : "T12:00";
        return withDay(m);
    }
    if (s == "every" || s == "each" || s == "per") {  // "every year", "every two weeks", "every Monday"
        std::size_t k = j + 1;
        int n = 1;
        if (w(k) == "other") {
            n = 2;
            ++k;
        } else if (auto a = amountAt(k); a && !a->article && s == "every") {
            n = a->value;
            k = a->next;
        }
        const TimexWord* x = lex(k);
        if (x && x->unit != TimeUnit::None && (!x->plural || n != 1)) return make(j, k + 1, TimexType::Set, durationValue(n, x->unit));
        if (x && x->month && !x->monthAbbreviation && capitalized(k) && s != "per")  // "each July"
            return make(j, k + 1, TimexType::Set, "XXXX-" + std::string(monthValue(2000, x->month)).substr(5));
        if (x && x->partOfDay && !x->plural && s != "per")  // "every morning"
            return make(j, k + 1, TimexType::Set, "XXXX-XX-XXT" + std::string(partOfDayCode(x->partOfDay)));
        if (w(k) == "weekend" && s != "per") return make(j, k + 1, TimexType::Set, "XXXX-WXX-WE");
        if (x && x->weekday && s != "per") return make(j, k + 1, TimexType::Set, "XXXX-WXX-" + std::to_string(x->weekday));
        return std::nullopt;
    }
    if (s == "fiscal") {  // "fiscal 1989", "fiscal year 1990", "the fiscal first quarter"
        std::size_t k = w(j + 1) == "year" ? j + 2 : j + 1;
        if (const int y = yearAt(k); y > 0) {
            TimexMatch m = make(j, k + 1, TimexType::Date, yearValue(y));
            m.coarse = true;
            return m;
        }
        if (auto m = matchOrdinal(j + 1); m && m->type == TimexType::Date) {
            m->first = j;
            return m;
        }
        return std::nullopt;
    }
    const TimexWord* x = lex(j);
    if (!x || x->unit == TimeUnit::None) return std::nullopt;
    // "day-long", "decades-long": how long something lasts
    if (w(j + 1) == "-" && glued(j + 1) && w(j + 2) == "long" && glued(j + 2) && x->unit >= TimeUnit::Hour)
        return make(j, j + 3, TimexType::Duration, durationValue(x->plural ? -1 : 1, x->unit));
    // "year-earlier", "the year-ago quarter", "year-end"
    if (s == "year" && w(j + 1) == "-" && glued(j + 1) && glued(j + 2)) {
        const std::string_view what = w(j + 2);
        if (what == "end") {  // the end of this year, or of last year when told in the past
            const bool past = tense(j, j + 3, 8, Direction::Future) == Direction::Past;
            TimexMatch m = makeRelative(j, j + 3, TimexType::Date, offset(TimeUnit::Year, past ? -1 : 0));
            m.suffix = "-12-31";
            return m;
        }
        if (what != "earlier" && what != "ago") return std::nullopt;
        std::size_t last = j + 3;
        // "the year-ago third quarter"
        if (const int q = ordinalAt(last); q >= 1 && q <= 4 && w(last + 1) == "quarter") {
            RelativeTime r = named(RelativeTime::Kind::Quarter, q, Direction::This);
            r.offset = -1;
            TimexMatch m = makeRelative(j, last + 2, TimexType::Date, r);
            m.takesThe = true;
            m.comparison = true;
            return m;
        }
        if (w(last) == "quarter" || w(last) == "period") ++last;
        TimexMatch m;
        if (quarterContext()) {
            m = makeRelative(j, last, TimexType::Date, named(RelativeTime::Kind::Quarter, 0, Direction::This));
            m.relative->offset = -5;
        } else {
            m = makeRelative(j, last, TimexType::Date, offset(TimeUnit::Year, -1));
        }
        m.takesThe = last > j + 3;  // "the year-ago quarter", but not "the year-ago results"
        m.comparison = true;
        m.anchored = named(RelativeTime::Kind::Quarter, 0, Direction::This);  // the quarter reported, a year back
        m.anchored->offset = -4;
        return m;
    }
    // "for years", "in decades"
    if (x->plural && x->unit >= TimeUnit::Day && (prev == "for" || prev == "in" || prev == "over" || prev == "within") &&
        w(j + 1) != "of" && w(j + 1) != "-")
        return make(j, j + 1, TimexType::Duration, durationValue(-1, x->unit));
    return std::nullopt;
}

}  // namespace dossier::core
