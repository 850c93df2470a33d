#include "core/analysis/RelationExtractor.h"

#include <gtest/gtest.h>

#include "core/analysis/Analyzer.h"

using namespace dossier::core;

namespace {
// Relations through the whole pipeline, so the extractor sees real entities.
std::vector<std::string> relations(const std::string& text) {
    static const Analyzer analyzer;
    const Analysis a = analyzer.analyze(text, Date(2025, 3, 12));
    std::vector<std::string> out;
    for (const Relation& r : a.relations)
        out.push_back(a.findEntity(r.source)->name + " " + r.type + " " + a.findEntity(r.target)->name);
    return out;
}

bool has(const std::vector<std::string>& rs, const std::string& r) {
    return std::find(rs.begin(), rs.end(), r) != rs.end();
}
}  // namespace

TEST(RelationExtractor, MeetingWithEveryPersonNamedAfterTheVerb) {
    const auto rs = relations(
        "Mexican President Claudia Sheinbaum will meet Canadian Prime Minister Mark Carney and trade envoy "
        "Dominic LeBlanc before flying home.");
    EXPECT_TRUE(has(rs, "Claudia Sheinbaum meets Mark Carney"));
    EXPECT_TRUE(has(rs, "Claudia Sheinbaum meets Dominic LeBlanc"));
    EXPECT_TRUE(has(rs, "Claudia Sheinbaum leads Mexico"));
    EXPECT_TRUE(has(rs, "Mark Carney leads Canada"));
}

TEST(RelationExtractor, VisitsFromPossessiveAndFromArrival) {
    const auto rs = relations("Sheinbaum’s visit to Ottawa was brief. Claudia Sheinbaum arrived in Toronto on Monday.");
    EXPECT_TRUE(has(rs, "Claudia Sheinbaum visits Ottawa"));
    EXPECT_TRUE(has(rs, "Claudia Sheinbaum visits Toronto"));
}

TEST(RelationExtractor, CapitalActingForItsGovernment) {
    const auto rs = relations(
        "Russia and Ukraine both lobbied. Moscow supports Belarus, and Kyiv has stepped up its criticism of Hungary.");
    EXPECT_TRUE(has(rs, "Russia supports Belarus"));
    EXPECT_TRUE(has(rs, "Ukraine criticizes Hungary"));
}

TEST(RelationExtractor, TensionBetweenAndAllies) {
    const auto rs = relations("Tensions between Armenia and Azerbaijan grew. Like Norway, Denmark is a close EU partner "
                              "and a NATO member; Estonia is a key US ally.");
    EXPECT_TRUE(has(rs, "Armenia tension Azerbaijan"));
    EXPECT_TRUE(has(rs, "Estonia ally United States"));
}

TEST(RelationExtractor, PredecessorAndMembership) {
    const auto rs = relations(
        "Ruto’s predecessor, former president Uhuru Kenyatta, stayed away. William Ruto spoke. "
        "Amina Yusuf, a historian at Moi University, disagreed.");
    EXPECT_TRUE(has(rs, "Uhuru Kenyatta predecessor William Ruto"));
    EXPECT_TRUE(has(rs, "Amina Yusuf member_of Moi University"));
}

TEST(RelationExtractor, RelationCarriesTheDateOfItsSentence) {
    static const Analyzer analyzer;
    const Analysis a = analyzer.analyze("Javier Milei met Luiz Lacalle Pou on Friday.", Date(2025, 3, 12));
    ASSERT_EQ(a.relations.size(), 1u);
    EXPECT_EQ(a.relations[0].when, "2025-03-07");
}

TEST(RelationExtractor, CapitalActsItselfWhenItsCountryIsNeverNamed) {
    const auto rs = relations("Moscow supports Belarus, officials said.");
    EXPECT_TRUE(has(rs, "Moscow supports Belarus"));
}
