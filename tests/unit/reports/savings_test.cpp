#include "bvplan/reports/savings.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include <fmt/format.h>
#include "bvplan/core/text.hpp"

using namespace bvplan;
using bvplan::test::d;
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
