#include "bvplan/reports/savings.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include <fmt/format.h>
#include "bvplan/core/text.hpp"

using namespace bvplan;
using bvplan::test::d;
using bvplan::test::one_issue_plan;
using bvplan::test::plan_from;
using bvplan::test::portfolio_plan;

TEST_CASE("savings: expected by the target curve, RAG, and lagging completion") {
  Plan p =
      portfolio_plan("  SPS: S\n",
                     "      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-12-31, savings_target: 800,\n"
                     "         updates: [{date: 2004-07-01, complete: 90, savings: 100}]}\n");
  DateRange w{d("2004-04-01"), d("2004-07-01")};
  std::vector<PlanFigures> figures{compute_plan(p, d("2004-07-01"), w)};
  Savings s = compute_savings(figures);
  REQUIRE(s.plans.size() == 1);
  // Target at 1 July: 100 x 182/365 = 49.86%; expected 800 x that = 398.9.
  CHECK(s.plans[0].expected == doctest::Approx(800 * 182.0 / 365));
  CHECK(s.plans[0].delivered == 100);
  CHECK(s.plans[0].rag == Rag::red);  // 100 of 399 expected: 25%
  CHECK(*s.plans[0].target == 1000);  // the plan's own target
  CHECK(s.plans[0].lags);             // 10% delivered, 90% complete
}

namespace {

// A 2004 plan (1 January to 31 December, a leap year) with one action over all of it:
// savings_target 800, savings 100 reported on 1 February and 300 (cumulative) on 1 July.
Plan year_plan(const std::string& fields, const std::string& dates = "start: 2004-01-01, due: 2004-12-31") {
  return plan_from(one_issue_plan(fields, " {SPS: S}\n",
                                  "      - {id: A1, title: a, lead: SPS, " + dates +
                                      ", savings_target: 800,\n"
                                      "         updates: [{date: 2004-02-01, complete: 10, savings: 100},\n"
                                      "                   {date: 2004-07-01, complete: 50, savings: 300}]}\n"));
}

SavingsByYear by_year(const std::vector<const Plan*>& plans, Date as_of, unsigned year_start) {
  std::vector<PlanFigures> figures;
  for (const Plan* p : plans) figures.push_back(compute_plan(*p, as_of, DateRange{as_of, as_of}));
  return compute_savings_by_year(figures, as_of, year_start);
}

}  // namespace

TEST_CASE("savings by year: financial years split the target curve and the updates at 31 March") {
  Plan p = year_plan(", year_start: april");
  SavingsByYear s = by_year({&p}, d("2004-07-01"), 4);
  REQUIRE(s.years.size() == 2);
  const YearSavings& first = s.years[0];
  const YearSavings& second = s.years[1];
  CHECK(first.year.label == "2003/04");
  CHECK(first.year.start == d("2003-04-01"));
  CHECK(first.year.end == d("2004-03-31"));
  CHECK(second.year.label == "2004/05");
  // The action runs 365 days; by 31 March 90 of them have passed: 800 x 90/365 = 197.26
  // expected in 2003/04, the other 800 x 275/365 = 602.74 in 2004/05.
  CHECK(first.expected == doctest::Approx(800 * 90.0 / 365));
  CHECK(second.expected == doctest::Approx(800 * 275.0 / 365));
  // 2003/04 is over: all of its expected is due; 100 was delivered in it (1 February).
  CHECK(*first.expected_to_date == doctest::Approx(first.expected));
  CHECK(*first.delivered == 100);
  // 2004/05 to 1 July: 182 days gone, so 800 x (182 - 90)/365 = 201.64 expected so far;
  // delivered 300 cumulative less the 100 of 2003/04.
  CHECK(*second.expected_to_date == doctest::Approx(800 * 92.0 / 365));
  CHECK(*second.delivered == 200);
  REQUIRE(s.totals.size() == 1);
  CHECK(s.totals[0].currency == "GBP");
  CHECK(s.totals[0].expected == doctest::Approx(800));
  CHECK(s.totals[0].expected_to_date == doctest::Approx(800 * 182.0 / 365));
  CHECK(s.totals[0].delivered == 300);
  // The totals so far are the plan's own savings figures as of the date.
  std::vector<PlanFigures> figures{compute_plan(p, d("2004-07-01"), DateRange{d("2004-07-01"), d("2004-07-01")})};
  Savings plain = compute_savings(figures);
  CHECK(s.totals[0].expected_to_date == doctest::Approx(plain.totals[0].expected));
  CHECK(s.totals[0].delivered == doctest::Approx(plain.totals[0].delivered));
}

TEST_CASE("savings by year: a year not yet begun has no figures so far") {
  Plan p = year_plan(", year_start: april");
  // 15 February 2004: 45 days of the action gone; 2004/05 has not begun.
  SavingsByYear s = by_year({&p}, d("2004-02-15"), 4);
  REQUIRE(s.years.size() == 2);
  CHECK(*s.years[0].expected_to_date == doctest::Approx(800 * 45.0 / 365));
  CHECK(*s.years[0].delivered == 100);
  CHECK(s.years[1].expected == doctest::Approx(800 * 275.0 / 365));
  CHECK_FALSE(s.years[1].expected_to_date);
  CHECK_FALSE(s.years[1].delivered);
  CHECK(s.totals[0].delivered == 100);
}

TEST_CASE("savings by year: calendar years, and the plan's target when no action has one") {
  Plan p = year_plan("");
  SavingsByYear s = by_year({&p}, d("2004-07-01"), calendar_year_start);
  REQUIRE(s.years.size() == 1);
  CHECK(s.years[0].year.label == "2004");
  CHECK(s.years[0].expected == doctest::Approx(800));
  CHECK(*s.years[0].delivered == 300);
  // No action has a savings_target: the plan's 1000 times its target % complete, whose
  // action runs from 1 January 2004 to 31 December 2005, 730 days; by 31 December 2004, 365
  // of them: 500 in 2004 and the other 500 in 2005.
  Plan whole = plan_from(
      "bvplan: 1\nplan: {id: w, title: W, start: 2004-01-01, end: 2005-12-31, savings_target: 1000, currency: EUR}\n"
      "owners: {SPS: S}\nissues:\n  - id: KI1\n    title: One\n    actions:\n"
      "      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2005-12-31}\n");
  s = by_year({&p, &whole}, d("2004-07-01"), calendar_year_start);
  REQUIRE(s.years.size() == 3);  // EUR 2004, 2005; then GBP 2004: currencies apart, by code
  CHECK(s.years[0].currency == "EUR");
  CHECK(s.years[0].expected == doctest::Approx(500));
  CHECK(s.years[1].expected == doctest::Approx(500));
  CHECK_FALSE(s.years[1].delivered);
  CHECK(s.years[2].currency == "GBP");
  REQUIRE(s.totals.size() == 2);
  CHECK(s.totals[0].expected == doctest::Approx(1000));
  CHECK(s.totals[1].expected == doctest::Approx(800));
}

TEST_CASE("savings by year: plans centuries apart give their own years, not those between") {
  Plan early = year_plan("", "start: 2004-01-01, due: 2004-12-31");
  std::string text = one_issue_plan(", savings_target: 1000", " {SPS: S}\n",
                                    "      - {id: A1, title: a, lead: SPS, start: 1504-01-01, due: 1504-12-31}\n");
  text.replace(text.find("start: 2004-01-01, end: 2004-12-31"), 34, "start: 1504-01-01, end: 1504-12-31");
  Plan late = plan_from(text);
  SavingsByYear s = by_year({&early, &late}, d("2004-07-01"), calendar_year_start);
  REQUIRE(s.years.size() == 2);
  CHECK(s.years[0].year.label == "1504");
  CHECK(s.years[0].expected == doctest::Approx(1000));
  CHECK(s.years[1].year.label == "2004");
}

TEST_CASE("savings by year: what falls outside the plan's years counts in its first or last") {
  // The action runs past the plan's end (check warns: outside-plan-period) into 2005, and
  // the savings reported in 2005 are the last year's too: the years add up to the plan.
  Plan p = year_plan("", "start: 2004-01-01, due: 2005-12-31");
  SavingsByYear s = by_year({&p}, d("2005-07-01"), calendar_year_start);
  REQUIRE(s.years.size() == 1);
  CHECK(s.years[0].expected == doctest::Approx(800));
  CHECK(*s.years[0].expected_to_date == doctest::Approx(800 * 547.0 / 730));
  CHECK(*s.years[0].delivered == 300);
}
