// The anaphoric rules of TimexScanner: expressions that count from the last date the text
// named rather than from the publication date ("the next day", "that year", "the day before").
// They carry both meanings; the tagger uses the anchored one once the text has named a date.
#include "core/analysis/TimexScanner.h"

namespace dossier::core {

using namespace timexrules;

namespace {

// An anchored shift, resolved against the publication date too when the text names no date.
TimexMatch anchoredShift(std::size_t first, std::size_t last, TimeUnit unit, int n, std::string_view timeOfDay) {
    RelativeTime r = offset(unit, n);
    r.timeOfDay = timeOfDay;
    TimexMatch m = makeRelative(first, last, timeOfDay.empty() ? TimexType::Date : TimexType::Time, r);
    m.anchored = r;
    return m;
}

}  // namespace

std::optional<TimexMatch> TimexScanner::matchAnaphoric(std::size_t j, bool afterThe) {
    const std::string_view s = w(j);
    // What the expression names at k: a unit ("day", "year") or a part of a day ("morning").
    auto unitAt = [&](std::size_t k, TimeUnit& unit, std::string_view& part) {
        const TimexWord* x = lex(k);
        if (!x || x->plural || (w(k + 1) == "-" && glued(k + 1))) return false;
        if (x->partOfDay) {
            unit = TimeUnit::Day;
            part = partOfDayCode(x->partOfDay);
            return true;
        }
        unit = x->unit;
        return unit >= TimeUnit::Day && unit <= TimeUnit::Year;
    };
    TimeUnit unit = TimeUnit::None;
    std::string_view part;

    // "that year", "that same day", "the same week", "that morning"
    if (s == "that" || (s == "same" && afterThe)) {
        std::size_t k = j + 1;
        if (s == "that" && w(k) == "same") ++k;
        if (!unitAt(k, unit, part)) return std::nullopt;
        TimexMatch m = anchoredShift(j, k + 1, unit, 0, part);
        m.takesThe = m.coarse = true;
        return m;
    }
    if (!afterThe) return std::nullopt;
    // "later in the day", "in the morning": that part of the day the text is on
    if (j >= begin_ + 2 && w(j - 2) == "in" && unitAt(j, unit, part) && unit == TimeUnit::Day &&
        (!part.empty() || (j >= begin_ + 3 && (w(j - 3) == "later" || w(j - 3) == "earlier"))) &&
        w(j + 1) != "before" && w(j + 1) != "after" && w(j + 1) != "of") {
        TimexMatch m = anchoredShift(j, j + 1, unit, 0, part);
        m.takesThe = true;
        return m;
    }
    // "the next day", "the following month", "the previous year", "the next morning"
    const bool next = s == "next" || s == "following";
    if (next || s == "previous" || s == "preceding" || s == "prior") {
        if (!unitAt(j + 1, unit, part)) return std::nullopt;
        // "the next week" and "the next year" usually count from today; "the next day" never does.
        if (s == "next" && unit != TimeUnit::Day) return std::nullopt;
        TimexMatch m = anchoredShift(j, j + 2, unit, next ? 1 : -1, part);
        m.takesThe = m.coarse = true;
        return m;
    }
    // "the day before", "the night before", "the year after" (but not "the day after tomorrow")
    if (unitAt(j, unit, part) && (w(j + 1) == "before" || w(j + 1) == "after") && w(j + 2) != "tomorrow" &&
        w(j + 2) != "yesterday") {
        TimexMatch m = anchoredShift(j, j + 2, unit, w(j + 1) == "before" ? -1 : 1, part);
        m.takesThe = true;
        return m;
    }
    return std::nullopt;
}

}  // namespace dossier::core
