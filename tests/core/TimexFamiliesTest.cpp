// The error families of issue 6, one test per family: tense cues around weekdays and months,
// and the expressions added to reach TempEval-3's level. Sentences are written for the tests.
#include <gtest/gtest.h>

#include "core/analysis/SentenceSplitter.h"
#include "core/analysis/TimexTagger.h"
#include "core/analysis/Tokenizer.h"

using namespace dossier::core;

namespace {

const Date kPublished(2025, 3, 20);  // a Thursday

std::vector<std::string> found(std::string_view text, std::optional<Date> published = kPublished) {
    const auto tokens = Tokenizer::tokenize(text);
    std::vector<std::string> out;
    for (const Timex& t : TimexTagger::tag(text, tokens, SentenceSplitter::split(text, tokens), published))
        out.push_back(t.text + "=" + (t.value.empty() ? t.relative : t.value));
    return out;
}

using Found = std::vector<std::string>;

}  // namespace

TEST(TimexFamilies, DeadlinesAndEarliestStartsLookAhead) {
    EXPECT_EQ(found("Ferries could resume crossings as soon as Monday, the operator said."),
              Found{"Monday=2025-03-24"});
    EXPECT_EQ(found("Officials postponed the eviction until Tuesday morning."), Found{"Tuesday morning=2025-03-25TMO"});
    EXPECT_EQ(found("Parliament must pass the budget by May."), Found{"May=2025-05"});
    // A past perfect keeps the deadline behind.
    EXPECT_EQ(found("Only two regions had filed their returns by Wednesday."), Found{"Wednesday=2025-03-19"});
    EXPECT_EQ(found("The bid had been due to expire Friday evening."), Found{"Friday evening=2025-03-14TEV"});
}

TEST(TimexFamilies, AReportingVerbFarAwayDoesNotOverruleTheClause) {
    EXPECT_EQ(found("The envoy will fly to Lagos to meet rebel leaders on Saturday, his office said."),
              Found{"Saturday=2025-03-22"});
    // Next to the expression it dates the saying.
    EXPECT_EQ(found("The ministry said Monday that exports had fallen."), Found{"Monday=2025-03-17"});
}
