#include "bvplan/formats/savings.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include <fmt/format.h>
#include "bvplan/core/text.hpp"
#include "bvplan/model/loader.hpp"

using namespace bvplan;
using bvplan::test::d;

TEST_CASE("savings: money in different currencies is never added; one total per currency, by code") {
  auto plan_in = [](const char* id, const char* currency, const char* target) {
    return test::plan_from(fmt::format(R"(bvplan: 1
plan: {{id: {}, title: P, start: 2004-01-01, end: 2004-12-31, currency: {}, savings_target: {}}}
owners: {{SPS: S}}
issues:
  - id: KI1
    title: One
    actions:
      - {{id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-12-31,
         updates: [{{date: 2004-07-01, complete: 50, savings: 100}}]}}
)",
                                       id, currency, target));
  };
  Plan gbp = plan_in("g", "GBP", "1000"), eur = plan_in("e", "EUR", "400"), gbp2 = plan_in("h", "GBP", "500");
  DateRange w{d("2004-04-01"), d("2004-07-01")};
  std::vector<PlanFigures> figures{compute_plan(gbp, d("2004-07-01"), w), compute_plan(eur, d("2004-07-01"), w),
                                   compute_plan(gbp2, d("2004-07-01"), w)};
  Savings s = compute_savings(figures);
  REQUIRE(s.totals.size() == 2);
  CHECK(s.totals[0].currency == "EUR");
  CHECK(s.totals[0].target == 400);
  CHECK(s.totals[0].delivered == 100);
  CHECK(s.totals[1].currency == "GBP");
  CHECK(s.totals[1].target == 1500);
  CHECK(s.totals[1].delivered == 200);
  std::string md = render_savings_markdown(s);
  CHECK(md.find("| **Total EUR** | €400 |") != std::string::npos);
  CHECK(md.find("| **Total GBP** | £1,500 |") != std::string::npos);
  CHECK(render_savings_json(s).find("\"totals\":[{\"currency\":\"EUR\",\"target\":400,") != std::string::npos);
}
