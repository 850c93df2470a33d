// The results rules of TimexScanner: the periods company reports compare, which TimeML
// dates to the quarter just reported ("the 1988 quarter", "the corresponding period last
// year", "last year's quarter"). A report says which quarter it covers once; these
// phrases lean on it, and the quarter before publication is the one reported.
#include "core/analysis/TimexScanner.h"

namespace dossier::core {

using namespace timexrules;

namespace {

constexpr std::array<std::string_view, 3> kComparable{"corresponding", "comparable", "same"};

// The quarter just reported, `years` years away, or in the year named.
TimexMatch reportedQuarter(std::size_t first, std::size_t last, int years, int named) {
    RelativeTime r;
    r.kind = RelativeTime::Kind::Quarter;
    r.offset = 4 * years - 1;
    r.year = named;
    TimexMatch m = makeRelative(first, last, TimexType::Date, r);
    m.takesThe = true;
    m.comparison = true;  // a period compared with, not the time the story moves to
    return m;
}

}  // namespace

std::size_t TimexScanner::yearBackAt(std::size_t k) const {
    if (w(k) == "last" && w(k + 1) == "year") return k + 2;
    if ((w(k) == "a" || w(k) == "one") && w(k + 1) == "year" && (w(k + 2) == "ago" || w(k + 2) == "earlier"))
        return k + 3;
    return k;
}

std::optional<TimexMatch> TimexScanner::matchResultsPeriod(std::size_t j, bool afterThe) {
    const std::string_view s = w(j);
    // "the 1988 quarter", "the 1989 period" (but not "the 1989 third quarter", read as a year first)
    // A "period" is a quarter only in a text about quarters ("the same period last year" of monthly
    // trade figures is a month).
    auto reported = [&](std::size_t k) { return w(k) == "quarter" || (w(k) == "period" && t_.quarterly); };
    if (const int y = yearAt(j); y > 0) {
        if (!reported(j + 1) || w(j + 2) == "of") return std::nullopt;
        return reportedQuarter(j, j + 2, 0, y);
    }
    // "last year's quarter"
    if (s == "last" && w(j + 1) == "year" && (w(j + 2) == "'s" || w(j + 2) == "’s") && reported(j + 3)) {
        TimexMatch m = reportedQuarter(j, j + 4, -1, 0);
        m.takesThe = false;
        return m;
    }
    if (!afterThe) return std::nullopt;
    // "the corresponding period last year", "the quarter a year ago"
    std::size_t k = j;
    if (among(s, kComparable)) ++k;
    if (!reported(k)) return std::nullopt;
    const std::size_t end = yearBackAt(k + 1);
    if (end == k + 1) return std::nullopt;
    return reportedQuarter(j, end, -1, 0);
}

}  // namespace dossier::core
