// Periods of time as councils name them: calendar months, quarters, halves and years, and
// the same in a year that starts in another month (the financial year, 1 April to 31
// March, whose "Quarter 3 2001/02" is October to December 2001).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/core/date.hpp"

namespace bvplan {

// Days from `start` to `end`, both included: a reporting window, an action's active span.
struct DateRange {
  Date start;
  Date end;
  bool contains(Date d) const { return start <= d && d <= end; }
};

// The month a plan's year starts in: 1 (January) for calendar years, 4 (April) for the
// financial year. A year is named by the calendar year it starts in: 2001/02 starts in 2001.
inline constexpr unsigned calendar_year_start = 1;

// A month, quarter, half or year with its label: 2004-06, 2004-Q2, 2004-H1, 2004 in
// calendar years; 2001/02 Q3, 2001/02 H1, 2001/02 when the year starts in another month.
struct Period : DateRange {
  std::string label;
  int months = 3;
};

// "January" .. "December" for 1 .. 12.
std::string_view month_name(unsigned month);
// The month a name stands for, in any case: "april", "April", "APRIL"; nullopt otherwise.
std::optional<unsigned> month_from_name(std::string_view name);

// The calendar year in which the year holding `d` starts.
int year_of(Date d, unsigned year_start);
// "2001" in calendar years, "2001/02" when the year starts in another month.
std::string year_name(int first_year, unsigned year_start);

// The periods of `months` months (1, 3, 6 or 12) that hold `from` through `to`, aligned to
// the year (quarters start in the year's first month, fourth month, ...), labelled as
// Period says. Empty when `to` is before `from`.
std::vector<Period> periods_between(Date from, Date to, int months, unsigned year_start);

// A period as written on the command line, before a year start places a financial one.
enum class PeriodKind { year, half, quarter, month };
struct PeriodSpec {
  PeriodKind kind = PeriodKind::year;
  int year = 0;            // the calendar year, or the one a financial year starts in
  unsigned index = 1;      // half 1-2, quarter 1-4, month 1-12
  bool financial = false;  // written 2001/02...: needs a year that does not start in January
};

// 2004, 2004-H1, 2004-Q2, 2004-06 (calendar), and 2001/02, 2001/02-H1, 2001/02-Q3 (also
// with a space, as labels are written: "2001/02 Q3"). `problem` says what is wrong when
// `spec` is empty, e.g. "2001 and 2003 are not consecutive years", and `hint` what to write.
struct ParsedPeriod {
  std::optional<PeriodSpec> spec;
  std::string problem;
  std::string hint;
};
ParsedPeriod parse_period(std::string_view text);

// The days `spec` covers in years starting in `year_start`; calendar forms ignore it.
// nullopt when the period runs past 9999-12-31.
std::optional<DateRange> period_range(const PeriodSpec& spec, unsigned year_start);

// How a committee paper names `range` when it is exactly one quarter, half or year of a
// year that does not start in January: "Quarter 3 2001/02 (October to December 2001)",
// "Half 1 2001/02 (April to September 2001)", "2001/02 (April 2001 to March 2002)".
// nullopt otherwise (the paper gives the dates).
std::optional<std::string> period_wording(const DateRange& range, unsigned year_start);

// The label of `range` when it is exactly one period of the year ("2001/02 Q3",
// "2004-Q2", "2004-06", "2004"); nullopt otherwise.
std::optional<std::string> period_label(const DateRange& range, unsigned year_start);

}  // namespace bvplan
