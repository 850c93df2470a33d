// The tense rules of TimexScanner: whether a weekday, month or season lies before or after
// the publication date, read from cue words around it as HeidelTime reads the tense of the
// sentence, without a part-of-speech tagger.
#include "core/analysis/TimexScanner.h"

namespace dossier::core {

using namespace timexrules;

namespace {

constexpr std::array<std::string_view, 6> kBeForms{"be", "is", "are", "am", "been", "being"};
// Common adjectives and non-verbs in -ed, which say nothing about tense.
constexpr std::array<std::string_view, 16> kNotPastInEd{
    "hundred", "indeed", "proceed", "exceed", "succeed", "speed", "embed", "breed",
    "limited", "related", "based", "armed", "advanced", "detailed", "united", "unprecedented"};
// Past cues that are not participles, so a "be" before them is no passive: "is since 1990".
constexpr std::array<std::string_view, 7> kPastAdverbs{"since", "ago", "last", "yesterday", "earlier", "previously",
                                                       "recently"};
// Reporting verbs date the saying, not what is said: "will arrive on Thursday, he said".
// Right next to the expression they do date it ("said Friday").
constexpr std::array<std::string_view, 5> kReporting{"said", "told", "added", "stated", "noted"};
constexpr std::size_t kReportingReach = 2;
// Schedules look ahead unless a perfect puts them behind: "had been due to expire Friday".
constexpr std::array<std::string_view, 4> kSchedules{"due", "scheduled", "expected", "planned"};
// Before "to" these make a plan: "is to resume trading Tuesday", "talks set to restart Monday".
constexpr std::array<std::string_view, 4> kToFuture{"is", "are", "set", "poised"};
// Right before the expression these make it a deadline or a start still to come:
// "by August", "until Tuesday", "as soon as Monday"; not after a past perfect ("had
// filed reports by Wednesday"). A month so marked is the nearest one ("by Jan. 14" the
// day after is not next year's).
constexpr std::array<std::string_view, 3> kAheadBefore{"by", "until", "till"};
constexpr std::size_t kPerfectReach = 8;

}  // namespace

// The nearest tense cue around the expression decides; news defaults to the past.
Direction TimexScanner::tense(std::size_t first, std::size_t last, std::size_t reach, Direction fallback) const {
    // "Wednesday's ruling", "Friday's close": a possessive names what has happened.
    if (last < end_ && (t_.lower[last] == "'s" || t_.lower[last] == "’s") && !t_.tokens[last].spaceBefore)
        return Direction::Past;
    if (first > begin_) {
        const std::string_view prev = t_.lower[first - 1];
        const std::string_view prev2 = first > begin_ + 1 ? t_.lower[first - 2] : std::string_view{};
        if (among(prev, kAheadBefore) || (prev == "as" && (prev2 == "soon" || prev2 == "early"))) {
            bool perfect = false;
            const std::size_t to = std::min(end_, last + kPerfectReach);
            for (std::size_t k = first > begin_ + kPerfectReach ? first - kPerfectReach : begin_; k < to; ++k)
                perfect = perfect || t_.lower[k] == "had";
            if (!perfect) return fallback == Direction::Nearest ? Direction::Nearest : Direction::Future;
        }
        if (prev == "of" && prev2 == "as") return Direction::Past;  // "as of Friday's close"
    }
    // A participle after "be" is passive, not past: "the case is heard in May", "can be exercised".
    auto passive = [&](std::size_t k) {
        return k > begin_ && among(t_.lower[k - 1], kBeForms) && !among(t_.lower[k], kPastAdverbs);
    };
    auto cue = [&](std::size_t k) -> int {
        const std::string_view s = t_.lower[k];
        if (among(s, kSchedules) && k > begin_ && (t_.lower[k - 1] == "been" || t_.lower[k - 1] == "had")) return -1;
        if (s == "to" && k > begin_ && among(t_.lower[k - 1], kToFuture)) return 1;
        if (const TimexWord* x = t_.words[k]; x && x->tense) return x->tense < 0 && passive(k) ? 0 : x->tense;
        if (s.ends_with("'ll") || s.ends_with("’ll")) return 1;
        if (s.size() >= 5 && s.ends_with("ed") && !t_.tokens[k].capitalized && !among(s, kNotPastInEd) && !passive(k))
            return -1;
        return 0;
    };
    int reported = 0;  // a reporting verb further away: used only when nothing else speaks
    auto decide = [&](std::size_t k, std::size_t d) {
        const int c = cue(k);
        if (c && d > kReportingReach && among(t_.lower[k], kReporting)) {
            if (!reported) reported = c;
            return 0;
        }
        return c;
    };
    for (std::size_t d = 1; d <= reach; ++d) {
        if (first >= begin_ + d)
            if (const int c = decide(first - d, d)) return c > 0 ? Direction::Future : Direction::Past;
        if (last - 1 + d < end_)
            if (const int c = decide(last - 1 + d, d)) return c > 0 ? Direction::Future : Direction::Past;
    }
    if (reported) return reported > 0 ? Direction::Future : Direction::Past;
    return fallback;
}

}  // namespace dossier::core
