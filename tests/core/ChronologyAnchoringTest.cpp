// The chronology places an anaphoric date ("the next day") at the date it is anchored to,
// and orders periods by their middle.
#include <gtest/gtest.h>

#include <optional>

#include "core/analysis/Analyzer.h"

using namespace dossier::core;

namespace {
Analysis analyze(const std::string& text, const std::optional<Date>& published) {
    static const Analyzer analyzer;
    return analyzer.analyze(text, published);
}

std::vector<std::string> when(const Analysis& a) {
    std::vector<std::string> out;
    for (const auto& ev : a.chronology) out.push_back(ev.when + " " + ev.timexText);
    return out;
}
}  // namespace

TEST(ChronologyAnchoring, TheNextDayGoesToTheDayAfterTheSummitNotAfterPublication) {
    const Analysis a = analyze(
        "Leaders of Kenya and Ethiopia will meet again next month. The summit opened on March 3. "
        "The next day, Kenya and Ethiopia signed the pact.",
        Date(2025, 3, 20));
    EXPECT_EQ(when(a), (std::vector<std::string>{"2025-03-03 March 3", "2025-03-04 The next day", "2025-04 next month"}));
}

TEST(ChronologyAnchoring, ThatYearSitsInTheYearTheTextNamed) {
    const Analysis a = analyze(
        "Chile and Peru signed a treaty in May 1999. Later that year, Chile and Peru opened the border. "
        "Chile and Peru met again on Tuesday.",
        Date(2025, 3, 20));
    EXPECT_EQ(when(a), (std::vector<std::string>{"1999-05 May 1999", "1999 Later that year", "2025-03-18 Tuesday"}));
}
