#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dossier::core {

// A calendar day, as articles are dated. Thin over std::chrono so that weekday and
// day arithmetic (needed to resolve "on Monday") are exact.
class Date {
public:
    Date() = default;
    Date(int year, unsigned month, unsigned day);
    explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}

    // Accepts YYYY-MM-DD, optionally followed by a time part ("2026-01-04T09:30:00Z").
    static std::optional<Date> parseIso(std::string_view text);

    int year() const { return static_cast<int>(ymd_.year()); }
    unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
    unsigned day() const { return static_cast<unsigned>(ymd_.day()); }
    unsigned isoWeekday() const;  // Monday = 1 ... Sunday = 7
    bool isValid() const { return ymd_.ok(); }

    Date addDays(int days) const;
    std::chrono::sys_days sysDays() const { return std::chrono::sys_days(ymd_); }
    std::string toIso() const;  // YYYY-MM-DD

    friend auto operator<=>(const Date&, const Date&) = default;

private:
    std::chrono::year_month_day ymd_{std::chrono::year{1970}, std::chrono::month{1}, std::chrono::day{1}};
};

}  // namespace dossier::core
