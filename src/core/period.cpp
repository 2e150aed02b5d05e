#include "bvplan/core/period.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace bvplan {

namespace {

constexpr std::array<std::string_view, 12> month_names{"January",   "February", "March",    "April",
                                                       "May",       "June",     "July",     "August",
                                                       "September", "October",  "November", "December"};

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// The first day of the year starting in `first_year`.
Date year_first_day(int first_year, unsigned year_start) { return Date::from_ymd(first_year, year_start, 1); }

// Which part of its year `range` is: the year's first day, the part's length in months
// and its 1-based index; nullopt when it is not exactly one month, quarter, half or year.
struct Part {
  int first_year;
  int months;
  unsigned index;
};
std::optional<Part> part_of(const DateRange& range, unsigned year_start) {
  if (range.start.day() != 1 || range.end != range.end.end_of_month() || range.end < range.start) return std::nullopt;
  int span = (range.end.year() - range.start.year()) * 12 + static_cast<int>(range.end.month()) -
             static_cast<int>(range.start.month()) + 1;
  if (span != 1 && span != 3 && span != 6 && span != 12) return std::nullopt;
  int first_year = year_of(range.start, year_start);
  int offset = (static_cast<int>(range.start.month()) - static_cast<int>(year_start) + 12) % 12;
  if (offset % span != 0) return std::nullopt;
  return Part{first_year, span, static_cast<unsigned>(offset / span) + 1};
}

std::string label_of(const Part& p, Date start, unsigned year_start) {
  if (p.months == 1) return fmt::format("{:04}-{:02}", start.year(), start.month());
  std::string year = year_name(p.first_year, year_start);
  if (p.months == 12) return year;
  char letter = p.months == 3 ? 'Q' : 'H';
  return year_start == calendar_year_start ? fmt::format("{}-{}{}", year, letter, p.index)
                                           : fmt::format("{} {}{}", year, letter, p.index);
}

// "October to December 2001", "November 2001 to January 2002", "April 2001 to March 2002".
std::string months_wording(const DateRange& range) {
  std::string_view first = month_name(range.start.month()), last = month_name(range.end.month());
  if (range.start.year() == range.end.year() && range.start.month() != range.end.month() &&
      !(range.start.month() == 1 && range.end.month() == 12))
    return fmt::format("{} to {} {:04}", first, last, range.end.year());
  return fmt::format("{} {:04} to {} {:04}", first, range.start.year(), last, range.end.year());
}

}  // namespace

std::string_view month_name(unsigned month) { return month_names[(month - 1) % 12]; }

std::optional<unsigned> month_from_name(std::string_view name) {
  for (unsigned m = 1; m <= 12; ++m) {
    std::string_view candidate = month_names[m - 1];
    if (candidate.size() == name.size() && std::equal(name.begin(), name.end(), candidate.begin(), [](char a, char b) {
          auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
          return lower(a) == lower(b);
        }))
      return m;
  }
  return std::nullopt;
}

int year_of(Date d, unsigned year_start) { return d.month() >= year_start ? d.year() : d.year() - 1; }

std::string year_name(int first_year, unsigned year_start) {
  if (year_start == calendar_year_start) return fmt::format("{:04}", first_year);
  return fmt::format("{:04}/{:02}", first_year, (first_year + 1) % 100);
}

std::vector<Period> periods_between(Date from, Date to, int months, unsigned year_start) {
  std::vector<Period> out;
  if (to < from) return out;
  // The first period's first month: counted in whole periods from the year's first day.
  Date start = year_first_day(year_of(from, year_start), year_start);
  while (start.plus_months(months) <= from) start = start.plus_months(months);
  for (; start <= to; start = start.plus_months(months)) {
    Period p;
    p.start = start;
    p.end = start.plus_months(months - 1).end_of_month();
    p.months = months;
    p.label = label_of(*part_of(p, year_start), start, year_start);
    bool last = p.end >= Date::latest();
    out.push_back(std::move(p));
    if (last) break;
  }
  return out;
}

ParsedPeriod parse_period(std::string_view text) {
  ParsedPeriod out;
  const std::string forms =
      "use 2004, 2004-H1, 2004-Q2 or 2004-06, or a financial year: 2001/02, 2001/02-H1 or "
      "2001/02-Q3";
  auto fail = [&](std::string problem, std::string hint) {
    out.problem = std::move(problem);
    out.hint = std::move(hint);
    return out;
  };
  if (text.size() < 4 || !digits(text.substr(0, 4))) return fail("", forms);
  PeriodSpec spec;
  spec.year = number(text.substr(0, 4));
  std::string_view rest = text.substr(4);
  if (!rest.empty() && rest[0] == '/') {
    // 2001/02 or 2001/2002: two consecutive years.
    size_t n = 1;
    while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
    std::string_view second = rest.substr(1, n - 1);
    if (second.size() != 2 && second.size() != 4) return fail("", forms);
    int next = second.size() == 2 ? (spec.year + 1) % 100 : spec.year + 1;
    if (number(second) != next)
      return fail(
          fmt::format("{} and {} are not consecutive years", text.substr(0, 4), second),
          fmt::format("a financial year is named by the two years it runs over, such as {}", year_name(spec.year, 4)));
    spec.financial = true;
    rest = rest.substr(n);
    if (rest.empty()) {
      out.spec = spec;
      return out;
    }
    if (rest.size() == 3 && (rest[0] == '-' || rest[0] == ' ') && (rest[1] == 'Q' || rest[1] == 'H')) {
      unsigned index = static_cast<unsigned>(rest[2] - '0');
      unsigned count = rest[1] == 'Q' ? 4 : 2;
      if (rest[2] >= '1' && index <= count) {
        spec.kind = rest[1] == 'Q' ? PeriodKind::quarter : PeriodKind::half;
        spec.index = index;
        out.spec = spec;
        return out;
      }
    }
    return fail("", forms);
  }
  if (rest.empty()) {
    out.spec = spec;
    return out;
  }
  if (rest.size() == 3 && rest[0] == '-' && rest[1] == 'Q' && rest[2] >= '1' && rest[2] <= '4') {
    spec.kind = PeriodKind::quarter;
    spec.index = static_cast<unsigned>(rest[2] - '0');
  } else if (rest.size() == 3 && rest[0] == '-' && rest[1] == 'H' && (rest[2] == '1' || rest[2] == '2')) {
    spec.kind = PeriodKind::half;
    spec.index = static_cast<unsigned>(rest[2] - '0');
  } else if (rest.size() == 3 && rest[0] == '-' && digits(rest.substr(1)) && number(rest.substr(1)) >= 1 &&
             number(rest.substr(1)) <= 12) {
    spec.kind = PeriodKind::month;
    spec.index = static_cast<unsigned>(number(rest.substr(1)));
  } else {
    return fail("", forms);
  }
  out.spec = spec;
  return out;
}

std::optional<DateRange> period_range(const PeriodSpec& spec, unsigned year_start) {
  unsigned first_month = spec.financial ? year_start : 1;
  int months = 12;
  Date year_start_day = year_first_day(spec.year, first_month);
  Date start = year_start_day;
  switch (spec.kind) {
    case PeriodKind::year: break;
    case PeriodKind::half:
      months = 6;
      start = year_start_day.plus_months(6 * static_cast<int>(spec.index - 1));
      break;
    case PeriodKind::quarter:
      months = 3;
      start = year_start_day.plus_months(3 * static_cast<int>(spec.index - 1));
      break;
    case PeriodKind::month:
      months = 1;
      start = Date::from_ymd(spec.year, spec.index, 1);
      break;
  }
  DateRange range{start, start.plus_months(months - 1).end_of_month()};
  if (!range.end.writable()) return std::nullopt;
  return range;
}

std::optional<std::string> period_label(const DateRange& range, unsigned year_start) {
  std::optional<Part> part = part_of(range, year_start);
  if (!part) return std::nullopt;
  return label_of(*part, range.start, year_start);
}

std::optional<std::string> period_wording(const DateRange& range, unsigned year_start) {
  if (year_start == calendar_year_start) return std::nullopt;
  std::optional<Part> part = part_of(range, year_start);
  if (!part || part->months == 1) return std::nullopt;
  std::string year = year_name(part->first_year, year_start);
  if (part->months == 12) return fmt::format("{} ({})", year, months_wording(range));
  return fmt::format("{} {} {} ({})", part->months == 3 ? "Quarter" : "Half", part->index, year, months_wording(range));
}

}  // namespace bvplan
