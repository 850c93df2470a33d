#include "core/analysis/ChronologyBuilder.h"

#include <gtest/gtest.h>

#include <optional>

#include "core/analysis/Analyzer.h"

using namespace dossier::core;

namespace {
Analysis analyze(const std::string& text, const std::optional<Date>& published) {
    static const Analyzer analyzer;
    return analyzer.analyze(text, published);
}
}  // namespace

TEST(ChronologyBuilder, EventsInDateOrderWhateverTheTextOrder) {
    const Analysis a = analyze(
        "Talks between Peru and Chile will resume on Thursday. The two neighbours fought a war in the 19th century. "
        "Their leaders last met in 2019. Officials said later this month a treaty could follow.",
        Date(2025, 3, 10));  // a Monday
    std::vector<std::string> when;
    for (const auto& ev : a.chronology) when.push_back(ev.when);
    EXPECT_EQ(when, (std::vector<std::string>{"18", "2019", "2025-03-13", "2025-03"}));
}

TEST(ChronologyBuilder, EventKeepsItsExpressionSentenceAndEntities) {
    const Analysis a = analyze("Prime Minister Luc Frieden visited Berlin on Friday.", Date(2025, 3, 10));
    ASSERT_EQ(a.chronology.size(), 1u);
    const auto& ev = a.chronology.front();
    EXPECT_EQ(ev.when, "2025-03-07");
    EXPECT_EQ(ev.timexText, "Friday");
    EXPECT_EQ(ev.text, "Prime Minister Luc Frieden visited Berlin on Friday.");
    EXPECT_EQ(ev.entities.size(), 2u);
}

TEST(ChronologyBuilder, UndatedSentencesWithRelationsAreBackground) {
    const Analysis a = analyze("Ghana and Togo share a long border. Tensions between Ghana and Togo have eased.",
                               Date(2025, 3, 10));
    EXPECT_TRUE(a.chronology.empty());
    EXPECT_EQ(a.background.size(), 2u);
}

TEST(ChronologyBuilder, WithoutAPublicationDateRelativeDatesStayOutOfTheChronology) {
    const Analysis a = analyze("Officials met in Lima on Friday. The accord dates from 1929.", {});
    ASSERT_EQ(a.chronology.size(), 1u);
    EXPECT_EQ(a.chronology.front().when, "1929");
}
