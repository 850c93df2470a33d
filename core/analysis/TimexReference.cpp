#include "core/analysis/TimexReference.h"

#include "core/analysis/TimexTagger.h"

namespace dossier::core {

void TimexReference::note(std::string_view value) {
    const auto range = dayRangeOf(value);
    if (!range || value.size() < 4) return;
    const int order = count_++;
    const Date first = range->first;
    auto mark = [&](Mark& m) { m = {first, order}; };
    if (value.size() == 4) {
        mark(year_);
    } else if (range->first == range->last) {
        mark(day_), mark(month_), mark(year_);
    } else if (value.size() == 7 && value[5] == 'Q') {
        mark(quarter_), mark(year_);
    } else if (value.size() >= 7 && value[5] == 'W') {
        mark(week_), mark(year_);
    } else if (value.size() == 7 && value[5] >= '0' && value[5] <= '9') {
        mark(month_), mark(year_);
    } else if (value.size() > 4 && value[4] == '-') {
        mark(year_);  // a season or a half
    }
}

std::optional<TimexReference::Rebased> TimexReference::rebase(const RelativeTime& rel) const {
    // The latest mark fine enough for the unit.
    auto latest = [](std::initializer_list<const Mark*> marks) -> const Mark* {
        const Mark* best = nullptr;
        for (const Mark* m : marks)
            if (m->order >= 0 && (!best || m->order > best->order)) best = m;
        return best;
    };
    const Mark* m = nullptr;
    RelativeTime r = rel;
    if (rel.kind == RelativeTime::Kind::Quarter) {  // counted from the last quarter named, if any
        if (quarter_.order < 0) return std::nullopt;
        return Rebased{r, quarter_.date};
    }
    switch (rel.kind == RelativeTime::Kind::Shift ? rel.unit : TimeUnit::Day) {
    case TimeUnit::Week: m = latest({&day_, &week_}); break;
    case TimeUnit::Month: m = latest({&day_, &month_}); break;
    case TimeUnit::Quarter: m = latest({&day_, &month_, &quarter_}); break;
    case TimeUnit::Year:
    case TimeUnit::Decade:
    case TimeUnit::Century:
        m = latest({&day_, &week_, &month_, &quarter_, &year_});
        // Results compare a quarter with the same quarter a year before.
        if (m == &quarter_ && rel.unit == TimeUnit::Year && rel.offset != 0) {
            r.unit = TimeUnit::Quarter;
            r.offset = 4 * rel.offset;
        }
        break;
    default: m = latest({&day_}); break;
    }
    if (!m) return std::nullopt;
    return Rebased{r, m->date};
}

}  // namespace dossier::core
