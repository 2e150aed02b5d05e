#include "bvplan/reports/calendar.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include <fmt/format.h>
#include "bvplan/core/text.hpp"

using namespace bvplan;
using bvplan::test::d;
using bvplan::test::portfolio_plan;

TEST_CASE("calendar: start plus whole cadences up to the day after the end; uneven cadences noted") {
  Plan p = portfolio_plan("  SPS: S\n", "      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-12-31}\n",
                          ", monitoring: [{body: O&S, every: 6 months}, {body: Cabinet, every: 5 months}]");
  Calendar c = compute_calendar({&p}, std::nullopt, std::nullopt);
  REQUIRE(c.reports.size() == 4);
  CHECK(to_iso(c.reports[0].date) == "2004-06-01");
  CHECK(c.reports[0].body == "Cabinet");
  CHECK(to_iso(c.reports[1].date) == "2004-07-01");
  CHECK(to_iso(c.reports[2].date) == "2004-11-01");
  CHECK(to_iso(c.reports[3].date) == "2005-01-01");  // the report on the last six months
  CHECK(c.reports[3].body == "O&S");
  REQUIRE(c.notes.size() == 1);
  CHECK(c.notes[0].kind == CalendarNote::Kind::uneven);
  CHECK(c.notes[0].monitoring->body == "Cabinet");
  CHECK(to_iso(*c.notes[0].last) == "2004-11-01");
  CHECK(to_iso(next_report(p, d("2004-06-01"))->date) == "2004-07-01");
  CHECK(to_iso(next_report(p, d("2004-11-01"))->date) == "2005-01-01");
  CHECK_FALSE(next_report(p, d("2005-01-01")));
  CHECK(compute_calendar({&p}, d("2004-06-15"), d("2004-10-01")).reports.size() == 1);
}

TEST_CASE("calendar: in a financial year each report names the period it covers") {
  Plan p = portfolio_plan("  SPS: S\n", "      - {id: A1, title: a, lead: SPS, start: 2001-04-02, due: 2002-03-29}\n",
                          ", monitoring: [{body: Cabinet, every: quarter}, {body: O&S, every: 5 months}]");
  p.start = d("2001-04-01");
  p.end = d("2002-03-31");
  Calendar calendar_year = compute_calendar({&p}, std::nullopt, std::nullopt);
  for (const ReportDue& r : calendar_year.reports) CHECK(r.covers.empty());  // January: unchanged
  p.year_start = 4;
  Calendar c = compute_calendar({&p}, std::nullopt, std::nullopt);
  REQUIRE(c.reports.size() == 6);
  CHECK(to_iso(c.reports[0].date) == "2001-07-01");
  CHECK(c.reports[0].covers == "2001/02 Q1");  // April to June 2001
  CHECK(c.reports[1].body == "O&S");
  CHECK(c.reports[1].covers.empty());                // five months are no period of the year
  CHECK(to_iso(c.reports[4].date) == "2002-02-01");  // O&S again
  CHECK(to_iso(c.reports[5].date) == "2002-04-01");
  CHECK(c.reports[5].covers == "2001/02 Q4");  // January to March 2002
  // Two plans due together whose years differ name no period.
  Plan q = p;
  q.year_start = 1;
  Calendar mixed = compute_calendar({&p, &q}, std::nullopt, std::nullopt);
  CHECK(mixed.reports[0].plans.size() == 2);
  CHECK(mixed.reports[0].covers.empty());
}
