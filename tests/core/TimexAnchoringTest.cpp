// Anaphoric time expressions ("the next day", "that year") and the families added with them:
// halves, decades in years, set words before nouns, passive participles and deadlines.
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

TEST(TimexAnchoring, TheNextDayCountsFromTheLastDateNamed) {
    EXPECT_EQ(found("The summit opened on March 3. The next day, leaders signed the pact."),
              (Found{"March 3=2025-03-03", "The next day=2025-03-04"}));
}

TEST(TimexAnchoring, ThatYearAndTheFollowingMonthFollowAnExplicitDate) {
    EXPECT_EQ(found("The mine flooded in June 2011. Later that year the owners sold it, and the following month "
                    "the new owner closed it."),
              (Found{"June 2011=2011-06", "Later that year=2011", "the following month=2011-07"}));
}

TEST(TimexAnchoring, TheDayBeforeAndTheNextMorning) {
    EXPECT_EQ(found("Voting ended on Oct. 12, 2024. The day before, observers had arrived; the next morning they left."),
              (Found{"Oct. 12, 2024=2024-10-12", "The day before=2024-10-11", "the next morning=2024-10-13TMO"}));
}

TEST(TimexAnchoring, DaysLaterCountFromTheStoryNotFromPublication) {
    EXPECT_EQ(found("The ship left port on January 9, 2024. Three days later it was seized."),
              (Found{"January 9, 2024=2024-01-09", "Three days later=2024-01-12"}));
    // "ago" always counts from publication.
    EXPECT_EQ(found("The ship left port on January 9, 2024. It sank three days ago."),
              (Found{"January 9, 2024=2024-01-09", "three days ago=2025-03-17"}));
}

TEST(TimexAnchoring, WithoutAnEarlierDateTheyFallBackToPublication) {
    EXPECT_EQ(found("The next day, talks resumed."), Found{"The next day=2025-03-21"});
    EXPECT_EQ(found("Later that week the envoys met."), Found{"Later that week=2025-W12"});
}

TEST(TimexAnchoring, AnAnchoredDateNeedsNoPublicationDate) {
    EXPECT_EQ(found("The accord was signed on 4 May 1994. The next day it took effect.", std::nullopt),
              (Found{"4 May 1994=1994-05-04", "The next day=1994-05-05"}));
}

TEST(TimexAnchoring, ComparisonsDoNotMoveTheReference) {
    // "last year" compares with today; the next day still follows March 3.
    EXPECT_EQ(found("The plant reopened on March 3, unlike last year. The next day workers returned."),
              (Found{"March 3=2025-03-03", "last year=2024", "The next day=2025-03-04"}));
}

TEST(TimexFamilies, HalvesOfUnits) {
    EXPECT_EQ(found("The talks lasted 5 1/2 hours."), Found{"5 1/2 hours=PT5H30M"});
    EXPECT_EQ(found("He served two and a half years in prison."), Found{"two and a half years=P2Y6M"});
    EXPECT_EQ(found("The vote took an hour and a half."), Found{"an hour and a half=PT1H30M"});
    EXPECT_EQ(found("The meeting lasted half an hour."), Found{"half an hour=PT30M"});
}

TEST(TimexFamilies, DecadesAreWrittenInYears) {
    EXPECT_EQ(found("The dispute has lasted two decades."), Found{"two decades=P20Y"});
    EXPECT_EQ(found("Prices rose over the past decade."), Found{"the past decade=P10Y"});
    EXPECT_EQ(found("Inflation was high in the 1970s."), Found{"the 1970s=197"});  // TimeML's decade value
}

TEST(TimexFamilies, SetWordsBeforeANounAreNotTimes) {
    EXPECT_EQ(found("The board raised its quarterly dividend and a daily newspaper reported it."), Found{});
    EXPECT_EQ(found("Interest is paid quarterly."), Found{"quarterly=P3M"});
    EXPECT_EQ(found("Many firms previously ignored the rule."), Found{});
}

TEST(TimexFamilies, RecentYearsIsAStretchOfTime) {
    EXPECT_EQ(found("Exports have grown in recent years."), Found{"recent years=PXY"});
    EXPECT_EQ(found("The recent floods hit the north."), Found{});
}

TEST(TimexFamilies, AYearAgoAfterAnAmountIsADateNotARate) {
    EXPECT_EQ(found("Profit was $5 million a year ago."), Found{"a year ago=2024"});
    EXPECT_EQ(found("The bond pays $5 million a year."), Found{"a year=P1Y"});
}

TEST(TimexFamilies, DeadlinesAndPassivesLookAhead) {
    // Published in late October: a deadline in November is this year's.
    const Date october(2025, 10, 30);
    EXPECT_EQ(found("The rights, which expire Nov. 21, can be exercised for $100 each.", october),
              Found{"Nov. 21=2025-11-21"});
    EXPECT_EQ(found("The dividend is payable Jan. 2 to holders.", october), Found{"Jan. 2=2026-01-02"});
}

TEST(TimexFamilies, HolidaysWithTheYearOrTheTense) {
    EXPECT_EQ(found("The boy was rescued on Thanksgiving Day."), Found{"Thanksgiving Day=2024-11-28"});
    EXPECT_EQ(found("Shops will close on Christmas Eve."), Found{"Christmas Eve=2025-12-24"});
    EXPECT_EQ(found("The truce held over Easter 2019."), Found{"Easter 2019=2019-04-21"});
    EXPECT_EQ(found("Turnout fell sharply last Election Day."), Found{"last Election Day=2024-11-05"});
    EXPECT_EQ(found("A new day dawned."), Found{});
}

TEST(TimexFamilies, ClockTimeFollowedByADate) {
    EXPECT_EQ(found("The offer expires at 5 p.m. EST, Nov. 9, 2024."), Found{"5 p.m. EST, Nov. 9, 2024=2024-11-09T17:00"});
    EXPECT_EQ(found("Polls close at 8 p.m. March 23."), Found{"8 p.m. March 23=2025-03-23T20:00"});
}

TEST(TimexFamilies, YearsInWords) {
    EXPECT_EQ(found("She arrived in January nineteen ninety-seven."), Found{"January nineteen ninety-seven=1997-01"});
    EXPECT_EQ(found("It was built in nineteen eighty."), Found{"nineteen eighty=1980"});
    EXPECT_EQ(found("Plans for the year two thousand were drawn up."), Found{"the year two thousand=2000"});
}

TEST(TimexFamilies, QuartersWithoutAYearFollowTheTense) {
    const Date january(2026, 1, 20);
    EXPECT_EQ(found("Profit fell in the fourth quarter.", january), Found{"the fourth quarter=2025-Q4"});
    const Date october(2025, 10, 28);
    EXPECT_EQ(found("The company will report third-quarter results.", october), Found{"third-quarter=2025-Q3"});
    EXPECT_EQ(found("Sales will recover in the first quarter.", october), Found{"the first quarter=2026-Q1"});
}

TEST(TimexFamilies, AYearAgoInResultsIsTheSameQuarterAYearBack) {
    const Date october(2025, 10, 28);
    EXPECT_EQ(found("Third-quarter profit rose 8%. A year earlier, the company lost money.", october),
              (Found{"Third-quarter=2025-Q3", "A year earlier=2024-Q3"}));
    EXPECT_EQ(found("Revenue beat the year-ago third quarter.", october), Found{"the year-ago third quarter=2024-Q3"});
}

TEST(TimexAnchoring, LaterInTheDayAndInTheMorningStayOnTheDayNamed) {
    EXPECT_EQ(found("The ceasefire began on May 2, 2024. Shelling resumed in the morning and stopped later in the day."),
              (Found{"May 2, 2024=2024-05-02", "the morning=2024-05-02TMO", "the day=2024-05-02"}));
}
