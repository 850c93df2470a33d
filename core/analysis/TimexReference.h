#pragma once

#include <optional>
#include <string_view>

#include "core/analysis/TimeValue.h"
#include "core/model/Date.h"

namespace dossier::core {

// The reference time of a text as the tagger reads it: the most recent date the text
// has named, at each granularity. Anaphoric expressions ("the next day", "that year",
// "a year earlier") resolve against it rather than against the publication date.
class TimexReference {
public:
    // Records a resolved TimeML value ("2025-03-03", "1989-Q3", "1988"); others are ignored.
    void note(std::string_view value);

    // The date an anchored expression resolves against, and the expression adjusted to it
    // (a year back from a quarter is four quarters back); nullopt when the text has named
    // nothing fine enough.
    struct Rebased {
        RelativeTime rel;
        Date date;
    };
    std::optional<Rebased> rebase(const RelativeTime& rel) const;

private:
    struct Mark {
        Date date;
        int order = -1;  // when it was named; -1: never
    };
    Mark day_, week_, month_, quarter_, year_;
    int count_ = 0;
};

}  // namespace dossier::core
