#include "bvplan/core/period.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

namespace {

Date d(const char* text) { return *parse_date(text); }

// The days a period names in years starting in `year_start`, or why it is not one.
std::string period(const char* text, unsigned year_start = calendar_year_start) {
  ParsedPeriod p = parse_period(text);
  if (!p.spec) return p.problem.empty() ? "none" : p.problem;
  std::optional<DateRange> r = period_range(*p.spec, year_start);
  return r ? to_iso(r->start) + ".." + to_iso(r->end) : std::string("past 9999");
}

}  // namespace

TEST_CASE("parse_period: calendar forms keep their meaning whatever the year start") {
  for (unsigned start : {1u, 4u}) {
    CHECK(period("2004", start) == "2004-01-01..2004-12-31");
    CHECK(period("2004-H1", start) == "2004-01-01..2004-06-30");
    CHECK(period("2004-H2", start) == "2004-07-01..2004-12-31");
    CHECK(period("2004-Q1", start) == "2004-01-01..2004-03-31");
    CHECK(period("2004-Q2", start) == "2004-04-01..2004-06-30");
    CHECK(period("2004-Q3", start) == "2004-07-01..2004-09-30");
    CHECK(period("2004-Q4", start) == "2004-10-01..2004-12-31");
    CHECK(period("2004-02", start) == "2004-02-01..2004-02-29");
  }
  CHECK(period("2003-02") == "2003-02-01..2003-02-28");
  CHECK(period("2004-12") == "2004-12-01..2004-12-31");
  for (const char* bad : {"2004-Q5", "2004-Q0", "2004-13", "2004-00", "04", "2004-H3", "2004-Q", "", "2004 Q1"})
    CHECK(period(bad) == "none");
}

TEST_CASE("parse_period: financial years, halves and quarters from the year start") {
  CHECK(period("2001/02", 4) == "2001-04-01..2002-03-31");
  CHECK(period("2001/2002", 4) == "2001-04-01..2002-03-31");
  CHECK(period("2001/02-H1", 4) == "2001-04-01..2001-09-30");
  CHECK(period("2001/02-H2", 4) == "2001-10-01..2002-03-31");
  CHECK(period("2001/02-Q1", 4) == "2001-04-01..2001-06-30");
  CHECK(period("2001/02-Q3", 4) == "2001-10-01..2001-12-31");
  CHECK(period("2001/02 Q3", 4) == "2001-10-01..2001-12-31");  // as labels are written
  CHECK(period("2001/02-Q4", 4) == "2002-01-01..2002-03-31");
  CHECK(period("1999/00", 4) == "1999-04-01..2000-03-31");
  CHECK(period("2003/04-Q1", 7) == "2003-07-01..2003-09-30");  // a year from July
  CHECK(period("9999/00", 4) == "past 9999");
  CHECK(period("2001/03") == "2001 and 03 are not consecutive years");
  CHECK(period("2001/2003") == "2001 and 2003 are not consecutive years");
  CHECK(parse_period("2001/03").hint == "a financial year is named by the two years it runs over, such as 2001/02");
  for (const char* bad : {"2001/02-Q5", "2001/02-H3", "2001/2", "2001/02-06", "2001/02Q1", "2001/02-Q", "2001/"})
    CHECK(period(bad) == "none");
  CHECK(parse_period("2001/02").spec->financial);  // needs a year start other than January
}

TEST_CASE("periods_between: quarters of the year, labelled by it") {
  std::vector<Period> q = periods_between(d("2001-05-10"), d("2002-01-01"), 3, 4);
  REQUIRE(q.size() == 4);
  CHECK(q[0].label == "2001/02 Q1");
  CHECK(to_iso(q[0].start) == "2001-04-01");
  CHECK(q[3].label == "2001/02 Q4");
  CHECK(to_iso(q[3].end) == "2002-03-31");
  std::vector<Period> c = periods_between(d("2001-05-10"), d("2002-01-01"), 3, 1);
  CHECK(c.front().label == "2001-Q2");
  CHECK(c.back().label == "2002-Q1");
  std::vector<Period> years = periods_between(d("2001-03-31"), d("2001-04-01"), 12, 4);
  REQUIRE(years.size() == 2);
  CHECK(years[0].label == "2000/01");
  CHECK(years[1].label == "2001/02");
  std::vector<Period> july = periods_between(d("2004-01-15"), d("2004-01-15"), 3, 7);  // year from July
  REQUIRE(july.size() == 1);
  CHECK(july[0].label == "2003/04 Q3");
  CHECK(to_iso(july[0].start) == "2004-01-01");
  std::vector<Period> months = periods_between(d("2001-03-15"), d("2001-04-02"), 1, 4);
  REQUIRE(months.size() == 2);
  CHECK(months[1].label == "2001-04");
  CHECK(periods_between(d("2004-05-05"), d("2004-05-01"), 3, 4).empty());
}

TEST_CASE("period_wording names a period as a clerk would, in financial years only") {
  CHECK(*period_wording({d("2001-10-01"), d("2001-12-31")}, 4) == "Quarter 3 2001/02 (October to December 2001)");
  CHECK(*period_wording({d("2002-01-01"), d("2002-03-31")}, 4) == "Quarter 4 2001/02 (January to March 2002)");
  CHECK(*period_wording({d("2001-04-01"), d("2001-09-30")}, 4) == "Half 1 2001/02 (April to September 2001)");
  CHECK(*period_wording({d("2001-04-01"), d("2002-03-31")}, 4) == "2001/02 (April 2001 to March 2002)");
  CHECK(*period_wording({d("2003-11-01"), d("2004-01-31")}, 11) == "Quarter 1 2003/04 (November 2003 to January 2004)");
  CHECK_FALSE(period_wording({d("2001-10-01"), d("2001-12-31")}, 1));  // calendar: the dates
  CHECK_FALSE(period_wording({d("2001-11-01"), d("2002-01-31")}, 4));  // not one of its quarters
  CHECK_FALSE(period_wording({d("2001-10-01"), d("2001-10-31")}, 4));  // a month
  CHECK_FALSE(period_wording({d("2001-10-02"), d("2001-12-31")}, 4));
}

TEST_CASE("period_label and month names") {
  CHECK(*period_label({d("2001-10-01"), d("2001-12-31")}, 4) == "2001/02 Q3");
  CHECK(*period_label({d("2001-10-01"), d("2001-12-31")}, 1) == "2001-Q4");
  CHECK(*period_label({d("2004-01-01"), d("2004-06-30")}, 1) == "2004-H1");
  CHECK(*period_label({d("2004-01-01"), d("2004-12-31")}, 1) == "2004");
  CHECK(*period_label({d("2004-06-01"), d("2004-06-30")}, 4) == "2004-06");
  CHECK_FALSE(period_label({d("2004-06-01"), d("2004-06-29")}, 4));
  CHECK(*month_from_name("april") == 4);
  CHECK(*month_from_name("April") == 4);
  CHECK(*month_from_name("DECEMBER") == 12);
  CHECK_FALSE(month_from_name("apr"));
  CHECK_FALSE(month_from_name("Aprill"));
  CHECK(month_name(4) == "April");
  CHECK(year_of(d("2002-03-31"), 4) == 2001);
  CHECK(year_of(d("2002-04-01"), 4) == 2002);
  CHECK(year_name(2001, 4) == "2001/02");
  CHECK(year_name(1999, 4) == "1999/00");
  CHECK(year_name(2004, 1) == "2004");
}
