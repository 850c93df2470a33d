// The error families of issue 6, one test per family: tense cues around weekdays and months,
// and the expressions added to reach TempEval-3's level. Sentences are written for the tests.
#include <gtest/gtest.h>

#include "tests/support/TimexStrings.h"

using namespace dossier::core;

namespace {

const Date kPublished(2025, 3, 20);  // a Thursday

std::vector<std::string> found(std::string_view text, std::optional<Date> published = kPublished) {
    return dossier::test::timexStrings(text, published);
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

TEST(TimexFamilies, APossessiveWeekdayHasHappened) {
    EXPECT_EQ(found("Lawyers for the family will appeal Tuesday's ruling."), Found{"Tuesday=2025-03-18"});
}

TEST(TimexFamilies, WouldLooksAheadFromTheReport) {
    EXPECT_EQ(found("The minister would be travelling to Nairobi Saturday with two advisers."),
              Found{"Saturday=2025-03-22"});
}

TEST(TimexFamilies, PluralPartsOfWeekdaysAreSets) {
    EXPECT_EQ(found("The night train runs on Friday nights from April."),
              (Found{"Friday nights=XXXX-WXX-5TNI", "April=2025-04"}));
}

TEST(TimexFamilies, AMonthOfANamedYear) {
    EXPECT_EQ(found("The rebels took the town in June last year and lost it in January this year."),
              (Found{"June last year=2024-06", "January this year=2025-01"}));
}

TEST(TimexFamilies, FiscalYearsAndTheLatestPeriodOfResults) {
    EXPECT_EQ(found("The retailer expects higher sales in the current fiscal year."),
              Found{"the current fiscal year=2025"});
    EXPECT_EQ(found("Quarterly net income rose 8% in the latest period."),
              (Found{"the latest period=2024-Q4"}));
    // Outside a report of results a period is no quarter.
    EXPECT_EQ(found("Exports rose 5% from the same period last year."), Found{"last year=2024"});
    EXPECT_EQ(found("The latest period of unrest began in the north."), Found{});
}

TEST(TimexFamilies, MidPartsOfTheDayAndMidday) {
    EXPECT_EQ(found("By mid-afternoon yesterday the shares had recovered."),
              Found{"mid-afternoon yesterday=2025-03-19TAF"});
    EXPECT_EQ(found("The court will sit at midday."), Found{"midday=2025-03-20T12:00"});
}

TEST(TimexFamilies, PeriodsOfResultsAreTheQuarterReported) {
    EXPECT_EQ(found("Fourth-quarter net income was $4 million, against $3 million in the corresponding period "
                    "last year."),
              (Found{"Fourth-quarter=2024-Q4", "the corresponding period last year=2023-Q4"}));
    EXPECT_EQ(found("The brewer earned $2.1 million in the 2023 quarter."), Found{"the 2023 quarter=2023-Q4"});
    EXPECT_EQ(found("Exports were weaker than in last year's quarter."), Found{"last year's quarter=2023-Q4"});
    // A named year with a period of its own stays a year.
    EXPECT_EQ(found("Output fell in the 2023 period of drought."), Found{"2023=2023"});
}

TEST(TimexFamilies, SinceAfterBeIsNoPassive) {
    EXPECT_EQ(found("The change in the index is since year-end."), Found{"year-end=2024-12-31"});
}

TEST(TimexFamilies, HalvesSeasonsAndDecadesNamedInWords) {
    EXPECT_EQ(found("Sales will be flat for the last half of 2025."), Found{"the last half of 2025=2025-H2"});
    EXPECT_EQ(found("Oil last traded that low in the winter of nineteen ninety-four."),
              Found{"the winter of nineteen ninety-four=1994-WI"});
    EXPECT_EQ(found("Membership of the party fell through the nineties."), Found{"the nineties=199"});
    EXPECT_EQ(found("Glassblowers have kept the craft for more than two thousand years."),
              Found{"more than two thousand years=P2000Y"});
}

TEST(TimexFamilies, MoreOfAnAmountAndSetsOfMonths) {
    EXPECT_EQ(found("The ceasefire will hold for at least two more weeks."), Found{"at least two more weeks=P2W"});
    EXPECT_EQ(found("The loan may run for an additional year."), Found{"an additional year=P1Y"});
    EXPECT_EQ(found("Pilgrims gather in the valley each July."), Found{"each July=XXXX-07"});
}

TEST(TimexFamilies, CapitalisedTimeWordsInsideNamesAreTitles) {
    EXPECT_EQ(found("The minister told ABC's \"This Week\" that talks would resume."), Found{});
    EXPECT_EQ(found("She presents VOA Today from the capital."), Found{});
    EXPECT_EQ(found("Today, the court will rule."), Found{"Today=2025-03-20"});
}

TEST(TimexFamilies, WithinWeeksIsAnUnspecifiedDuration) {
    EXPECT_EQ(found("Troops are expected to arrive within weeks."), Found{"weeks=PXW"});
}

TEST(TimexFamilies, AtTheTimeAndThenCurrentTellOfThePast) {
    EXPECT_EQ(found("The envoy spoke in May, saying at the time that he was ready to talk."),
              (Found{"May=2024-05", "the time=PAST_REF"}));
    EXPECT_EQ(found("At the time, the fund is closed to new investors."), Found{"the time=PRESENT_REF"});
    EXPECT_EQ(found("Holders could buy shares at half the then current price."), Found{"then current=PAST_REF"});
}

TEST(TimexFamilies, ADayWithinAMonthOfPublicationIsNotAYearAway) {
    EXPECT_EQ(found("The company said it redeemed the notes on March 28."), Found{"March 28=2025-03-28"});
    EXPECT_EQ(found("The bank said it cut rates on March 28 last year."), Found{"March 28 last year=2024-03-28"});
    EXPECT_EQ(found("The company said it redeemed the notes on June 2."), Found{"June 2=2024-06-02"});
}

TEST(TimexFamilies, HolidaysNearPublicationAndTheirWeeks) {
    // Easter 2025 is April 20: a month ahead, even when told in the past tense.
    EXPECT_EQ(found("Pilgrims arrived as Easter week began."), Found{"Easter week=2025-W16"});
}

TEST(TimexFamilies, IsToAndSetToLookAhead) {
    EXPECT_EQ(found("The stock is to resume trading in Paris Tuesday."), Found{"Tuesday=2025-03-25"});
    EXPECT_EQ(found("Peace talks, stalled since January, are set to restart Monday."),
              (Found{"January=2025-01", "Monday=2025-03-24"}));
}

TEST(TimexFamilies, TheSecondDayOfAPairTakesTheMonth) {
    EXPECT_EQ(found("Leaders will meet in Vilnius on July 11 and 12."), (Found{"July 11=2025-07-11", "12=2025-07-12"}));
    EXPECT_EQ(found("The fair ran from May 3 to 5, 2019."), (Found{"May 3=2019-05-03", "5, 2019=2019-05-05"}));
    EXPECT_EQ(found("Prices rose on April 4 and 5 percent of firms closed."), Found{"April 4=2025-04-04"});
}

TEST(TimexFamilies, HoursOfThePartOfTheDayAndVagueReferences) {
    EXPECT_EQ(found("The convoy will leave at 4 in the morning."), Found{"4 in the morning=2025-03-20T04:00"});
    EXPECT_EQ(found("Markets are calmer these days but risks remain in the near term."),
              (Found{"these days=PRESENT_REF", "the near term=FUTURE_REF"}));
    EXPECT_EQ(found("Funds may sell more bonds in the weeks ahead."), Found{"the weeks ahead=PXW"});
}

TEST(TimexFamilies, ThisPastCoupleOfAndLongCompounds) {
    EXPECT_EQ(found("The mill closed this past spring."), Found{"this past spring=2024-SP"});
    EXPECT_EQ(found("Rates should stay low over the next couple of years."), Found{"the next couple of years=P2Y"});
    EXPECT_EQ(found("The envoys left their third day-long meeting without a deal."), Found{"day-long=P1D"});
    EXPECT_EQ(found("The decades-long feud ended."), Found{"decades-long=PXY"});
    EXPECT_EQ(found("A year-long inquiry ended."), Found{"year-long=P1Y"});
}

TEST(TimexFamilies, EdgesOfPeriodsKeepTheWholePhrase) {
    EXPECT_EQ(found("The plant will close by the end of the year."), Found{"the end of the year=2025"});
    EXPECT_EQ(found("Talks resume at the start of next month."), Found{"the start of next month=2025-04"});
    EXPECT_EQ(found("The law takes effect at the beginning of 2026."), Found{"the beginning of 2026=2026"});
    EXPECT_EQ(found("The vote is due in the third quarter of next year."),
              Found{"the third quarter of next year=2026-Q3"});
    EXPECT_EQ(found("At the end of the day, voters decide."), Found{});
}

TEST(TimexFamilies, SetsWithQuantifiers) {
    EXPECT_EQ(found("The committee meets twice a week and reports three times a year."),
              (Found{"twice a week=P1W", "three times a year=P1Y"}));
    EXPECT_EQ(found("A ferry leaves every morning and the market opens on weekends."),
              (Found{"every morning=XXXX-XX-XXTMO", "weekends=XXXX-WXX-WE"}));
}

TEST(TimexFamilies, DecadesAgoAreYearsAndTheComingDaysAStretch) {
    EXPECT_EQ(found("A decade ago the port was empty."), Found{"A decade ago=2015"});
    EXPECT_EQ(found("Troops will arrive in the coming days."), Found{"the coming days=PXD"});
}

TEST(TimexFamilies, ExtentsStopAtTheSentenceAndTheNoun) {
    EXPECT_EQ(found("The new rules come into force on 1 July. Banks must comply."), Found{"1 July=2025-07-01"});
    EXPECT_EQ(found("Talks end on Sept. 5."), Found{"Sept. 5=2025-09-05"});
    EXPECT_EQ(found("The fourth-quarter results beat forecasts."), Found{"fourth-quarter=2024-Q4"});
}
