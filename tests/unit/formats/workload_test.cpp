#include "bvplan/formats/workload.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include <fmt/format.h>
#include "bvplan/core/text.hpp"
#include "bvplan/model/loader.hpp"

using namespace bvplan;
using bvplan::test::d;

TEST_CASE("workload: the finding and the table round days by the one rule, never in exponent form") {
  // 24.15 days in Q1 for SPS, whose capacity is 8 x 3 = 24: the table shows 24.2 (half
  // away from zero), so the finding must too (printf-style rounding gave 24.1).
  Plan p = test::portfolio_plan(
      "  SPS: {name: S, days_per_month: 8}\n  BIG: {name: B, days_per_month: 2000000}\n",
      "      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-03-31, effort_days: 24.15}\n"
      "      - {id: A2, title: b, lead: BIG, start: 2004-01-01, due: 2004-03-31, effort_days: 1}\n");
  Workload w = compute_workload({&p}, p.owners, d("2004-01-15"),
                                periods_between(d("2004-01-01"), d("2004-03-31"), HistoryStep::quarter));
  CHECK(format_days(24.15) == "24.2");
  Diagnostics findings = workload_findings(w);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message == "SPS in 2004-Q1: 24.2 days of planned effort, over 24 days (8 a month)");
  std::string md = render_workload_markdown(w);
  CHECK(md.find("**OVER** 24.2 d") != std::string::npos);
  CHECK(md.find("| BIG (B) | 2000000 days a month |") != std::string::npos);  // not 2e+06
  CHECK(md.find("e+") == std::string::npos);
}
