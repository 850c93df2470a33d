#include "core/analysis/TimeValue.h"

#include <gtest/gtest.h>

#include "core/analysis/TimexTagger.h"

using namespace dossier::core;

namespace {
const Date kSunday(2026, 1, 4);

std::string range(std::string_view value) {
    const auto r = dayRangeOf(value);
    return r ? r->first.toIso() + ".." + r->last.toIso() : "none";
}

RelativeTime weekday(int which, Direction direction) {
    RelativeTime r;
    r.kind = RelativeTime::Kind::Weekday;
    r.which = which;
    r.direction = direction;
    return r;
}
}  // namespace

TEST(TimeValue, DayRangeOfMonthsYearsDecadesAndCenturies) {
    EXPECT_EQ(range("2026-01"), "2026-01-01..2026-01-31");
    EXPECT_EQ(range("2024-02"), "2024-02-01..2024-02-29");
    EXPECT_EQ(range("2019"), "2019-01-01..2019-12-31");
    EXPECT_EQ(range("199"), "1990-01-01..1999-12-31");
    EXPECT_EQ(range("199X"), "1990-01-01..1999-12-31");
    EXPECT_EQ(range("19"), "1900-01-01..1999-12-31");
    EXPECT_EQ(range("2026-01-05"), "2026-01-05..2026-01-05");
    EXPECT_EQ(range("2026-01-02TNI"), "2026-01-02..2026-01-02");
}

TEST(TimeValue, DayRangeOfWeeksQuartersAndSeasons) {
    EXPECT_EQ(range("2025-W52"), "2025-12-22..2025-12-28");
    EXPECT_EQ(range("2026-W01"), "2025-12-29..2026-01-04");
    EXPECT_EQ(range("2026-W01-WE"), "2026-01-03..2026-01-04");
    EXPECT_EQ(range("2026-Q1"), "2026-01-01..2026-03-31");
    EXPECT_EQ(range("2026-SU"), "2026-06-01..2026-08-31");
    EXPECT_EQ(range("2025-WI"), "2025-12-01..2026-02-28");
}

TEST(TimeValue, DayRangeOfDurationsReferencesAndJunkIsNone) {
    for (std::string_view v : {"P3Y", "PT24H", "PRESENT_REF", "PAST_REF", "", "2026-13", "2026-02-30", "abcd",
                               "2026-W99", "XXXX-WXX-1", "2026-Q5", "-1", "9"})
        EXPECT_EQ(range(v), "none") << v;
}

TEST(TimeValue, WeekdaysResolveForwardOrBackIncludingTheDayItself) {
    EXPECT_EQ(resolve(weekday(1, Direction::Future), kSunday), "2026-01-05");
    EXPECT_EQ(resolve(weekday(5, Direction::Past), kSunday), "2026-01-02");
    EXPECT_EQ(resolve(weekday(7, Direction::Past), kSunday), "2026-01-04");
    EXPECT_EQ(resolve(weekday(7, Direction::PastStrict), kSunday), "2025-12-28");
    EXPECT_EQ(resolve(weekday(7, Direction::FutureStrict), kSunday), "2026-01-11");
}

TEST(TimeValue, MonthsChooseTheYearByDirection) {
    RelativeTime november;
    november.kind = RelativeTime::Kind::Month;
    november.which = 11;
    november.direction = Direction::Past;
    EXPECT_EQ(resolve(november, kSunday), "2025-11");
    november.direction = Direction::Future;
    EXPECT_EQ(resolve(november, kSunday), "2026-11");
    november.direction = Direction::Nearest;
    EXPECT_EQ(resolve(november, kSunday), "2025-11");
}

TEST(TimeValue, IsoWeeksBelongToTheYearOfTheirThursday) {
    EXPECT_EQ(isoWeekValue(Date(2021, 1, 3)), "2020-W53");
    EXPECT_EQ(isoWeekValue(Date(2025, 12, 29)), "2026-W01");
    EXPECT_EQ(isoWeekValue(kSunday.addDays(-7)), "2025-W52");
}

TEST(TimeValue, DurationsUseTimeMLUnits) {
    EXPECT_EQ(durationValue(3, TimeUnit::Year), "P3Y");
    EXPECT_EQ(durationValue(24, TimeUnit::Hour), "PT24H");
    EXPECT_EQ(durationValue(1, TimeUnit::Decade), "P10Y");
    EXPECT_EQ(durationAndHalfValue(2, TimeUnit::Year), "P2Y6M");
    EXPECT_EQ(durationAndHalfValue(0, TimeUnit::Hour), "PT30M");
    EXPECT_EQ(durationValue(-1, TimeUnit::Month), "PXM");
}

TEST(TimeValue, DescribesWhatItCannotResolve) {
    EXPECT_EQ(describe(weekday(1, Direction::Past)), "weekday:1:past");
    RelativeTime lastYear;
    lastYear.unit = TimeUnit::Year;
    lastYear.offset = -1;
    EXPECT_EQ(describe(lastYear), "year:-1");
}

TEST(TimeValue, HolidaysFollowFromTheYear) {
    EXPECT_EQ(holidayDate(Holiday::Easter, 2024).toIso(), "2024-03-31");
    EXPECT_EQ(holidayDate(Holiday::Easter, 2025).toIso(), "2025-04-20");
    EXPECT_EQ(holidayDate(Holiday::Thanksgiving, 1999).toIso(), "1999-11-25");
    EXPECT_EQ(holidayDate(Holiday::MemorialDay, 2025).toIso(), "2025-05-26");
    EXPECT_EQ(holidayDate(Holiday::ElectionDay, 2024).toIso(), "2024-11-05");
    EXPECT_EQ(holidayDate(Holiday::ElectionDay, 2022).toIso(), "2022-11-08");
    EXPECT_FALSE(holidayDate(Holiday::None, 2024).isValid());
}
