#include "core/model/Date.h"

#include <charconv>
#include <cstdio>

namespace dossier::core {

Date::Date(int year, unsigned month, unsigned day)
    : ymd_(std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}) {}

std::optional<Date> Date::parseIso(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
    int y = 0;
    unsigned m = 0, d = 0;
    auto num = [&](std::size_t from, std::size_t len, auto& out) {
        for (std::size_t i = from; i < from + len; ++i)
            if (text[i] < '0' || text[i] > '9') return false;
        return std::from_chars(text.data() + from, text.data() + from + len, out).ec == std::errc{};
    };
    if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
    Date date(y, m, d);
    if (!date.isValid()) return std::nullopt;
    return date;
}

unsigned Date::isoWeekday() const { return std::chrono::weekday(sysDays()).iso_encoding(); }

Date Date::addDays(int days) const { return Date(std::chrono::year_month_day(sysDays() + std::chrono::days(days))); }

std::string Date::toIso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
    return buf;
}

}  // namespace dossier::core
