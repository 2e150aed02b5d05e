// Calendar dates: strict ISO parsing and the few date sums plans need.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace bvplan {

// A day in the proleptic Gregorian calendar, counted from 1970-01-01.
class Date {
public:
  constexpr Date() = default;
  constexpr explicit Date(std::chrono::sys_days days) : days_(days.time_since_epoch().count()) {}
  static Date from_ymd(int year, unsigned month, unsigned day);

  std::chrono::sys_days sys_days() const { return std::chrono::sys_days{std::chrono::days{days_}}; }
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day{sys_days()}; }
  int year() const;
  unsigned month() const;
  unsigned day() const;

  // Whole days from `other` to this date (positive when this is later).
  long days_since(Date other) const { return static_cast<long>(days_) - other.days_; }
  Date plus_days(long n) const { return Date{sys_days() + std::chrono::days{n}}; }
  // Adds calendar months; a day past the end of the target month is clamped to it.
  Date plus_months(int n) const;
  // Last day of this date's month.
  Date end_of_month() const;

  // The dates bvplan reads and writes: 0000-01-01 to 9999-12-31, years of four digits.
  static Date earliest() { return from_ymd(0, 1, 1); }
  static Date latest() { return from_ymd(9999, 12, 31); }
  bool writable() const { return *this >= earliest() && *this <= latest(); }

  friend constexpr auto operator<=>(const Date&, const Date&) = default;

private:
  long days_ = 0;
};

// Parses exactly `YYYY-MM-DD` (ten characters) naming a day that exists.
std::optional<Date> parse_date(std::string_view text);

// `2004-06-30`. A date outside 0000-01-01 to 9999-12-31 (a sum that ran past the end of
// the calendar, a commit dated in year 10000) is written "after 9999-12-31" or
// "before 0000-01-01", never as a five-digit or negative year.
std::string to_iso(Date date);
// `30 June 2004`, as committee papers write dates ("after 31 December 9999" as to_iso).
std::string to_long(Date date);
// `30 Jun 2004`: to_long with the month in three letters, for table cells ("after 31 Dec
// 9999" past the calendar's end).
std::string to_short(Date date);
// `Jun 2004`, as a chart's axis names a month ("after Dec 9999" and "before Jan 0000" as
// to_iso).
std::string to_month_year(Date date);
// `20040630`, as iCalendar writes all-day dates. The date must be writable().
std::string to_basic(Date date);

// The date of a UNIX time (seconds) in UTC.
Date date_from_unix(long long seconds);

}  // namespace bvplan
