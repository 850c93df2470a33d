#include "core/model/Date.h"

#include <gtest/gtest.h>

using dossier::core::Date;

TEST(Date, ParsesIsoDatesAndDateTimes) {
    EXPECT_EQ(Date::parseIso("2026-01-04")->toIso(), "2026-01-04");
    EXPECT_EQ(Date::parseIso("2026-01-04T09:30:00Z")->toIso(), "2026-01-04");
}

TEST(Date, RejectsWhatIsNotACalendarDay) {
    EXPECT_FALSE(Date::parseIso("2026-02-30"));
    EXPECT_FALSE(Date::parseIso("4 January 2026"));
    EXPECT_FALSE(Date::parseIso("2026-1-4"));
    EXPECT_FALSE(Date::parseIso("2026-01-04x"));
}

TEST(Date, KnowsWeekdaysAndAddsDaysAcrossMonths) {
    const Date sunday(2026, 1, 4);
    EXPECT_EQ(sunday.isoWeekday(), 7u);
    EXPECT_EQ(sunday.addDays(1).toIso(), "2026-01-05");
    EXPECT_EQ(sunday.addDays(-4).toIso(), "2025-12-31");
}
