#include "bvplan/core/date.hpp"

#include <array>

#include <fmt/format.h>

namespace bvplan {

using namespace std::chrono;

Date Date::from_ymd(int y, unsigned m, unsigned d) {
  return Date{std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}}};
}

int Date::year() const { return static_cast<int>(ymd().year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd().month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd().day()); }

Date Date::plus_months(int n) const {
  year_month_day d = ymd();
  year_month ym = year_month{d.year(), d.month()} + months{n};
  auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}};
  std::chrono::day dd = d.day() > last.day() ? last.day() : d.day();
  return Date{std::chrono::sys_days{ym / dd}};
}

Date Date::end_of_month() const {
  year_month_day d = ymd();
  return Date{std::chrono::sys_days{year_month_day_last{d.year(), month_day_last{d.month()}}}};
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::array<std::pair<size_t, size_t>, 3> spans{{{0, 4}, {5, 7}, {8, 10}}};
  for (size_t f = 0; f < 3; ++f) {
    for (size_t i = spans[f].first; i < spans[f].second; ++i) {
      char c = text[i];
      if (c < '0' || c > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (c - '0');
    }
  }
  year_month_day ymd{year{fields[0]}, month{static_cast<unsigned>(fields[1])}, day{static_cast<unsigned>(fields[2])}};
  if (!ymd.ok()) return std::nullopt;
  return Date{std::chrono::sys_days{ymd}};
}

std::string to_iso(Date date) {
  if (date > Date::latest()) return "after 9999-12-31";
  if (date < Date::earliest()) return "before 0000-01-01";
  return fmt::format("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
}

std::string to_basic(Date date) { return fmt::format("{:04}{:02}{:02}", date.year(), date.month(), date.day()); }

std::string to_long(Date date) {
  static constexpr std::array<const char*, 12> names{"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};
  if (date > Date::latest()) return "after 31 December 9999";
  if (date < Date::earliest()) return "before 1 January 0000";
  return fmt::format("{} {} {:04}", date.day(), names[date.month() - 1], date.year());
}

std::string to_short(Date date) {
  static constexpr std::array<const char*, 12> names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (date > Date::latest()) return "after 31 Dec 9999";
  if (date < Date::earliest()) return "before 1 Jan 0000";
  return fmt::format("{} {} {:04}", date.day(), names[date.month() - 1], date.year());
}

std::string to_month_year(Date date) {
  static constexpr std::array<const char*, 12> names{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (date > Date::latest()) return "after Dec 9999";
  if (date < Date::earliest()) return "before Jan 0000";
  return fmt::format("{} {:04}", names[date.month() - 1], date.year());
}

Date date_from_unix(long long seconds) {
  long long days = seconds / 86400;
  if (seconds % 86400 < 0) --days;
  return Date{std::chrono::sys_days{std::chrono::days{days}}};
}

}  // namespace bvplan
