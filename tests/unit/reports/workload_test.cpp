#include "bvplan/reports/workload.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include <fmt/format.h>
#include "bvplan/core/text.hpp"

using namespace bvplan;
using bvplan::test::d;
using bvplan::test::portfolio_plan;

TEST_CASE("periods_between covers whole quarters or months") {
  std::vector<Period> q = periods_between(d("2004-02-10"), d("2004-07-01"), HistoryStep::quarter);
  REQUIRE(q.size() == 3);
  CHECK(q[0].label == "2004-Q1");
  CHECK(to_iso(q[0].start) == "2004-01-01");
  CHECK(to_iso(q[2].end) == "2004-09-30");
  std::vector<Period> m = periods_between(d("2004-02-10"), d("2004-03-01"), HistoryStep::month);
  REQUIRE(m.size() == 2);
  CHECK(m[0].label == "2004-02");
  CHECK(to_iso(m[0].end) == "2004-02-29");
}

TEST_CASE("active_span: to completion, to due, or to the as-of date while overdue") {
  Plan p =
      portfolio_plan("  SPS: S\n",
                     "      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-03-31, updates: [{date: "
                     "2004-02-15, complete: 100}]}\n"
                     "      - {id: A2, title: b, lead: SPS, start: 2004-01-01, due: 2004-03-31}\n"
                     "      - {id: A3, title: c, lead: SPS, start: 2004-01-01, due: 2004-03-31, status: deferred}\n");
  const auto& a = p.issues[0].actions;
  CHECK(to_iso(active_span(a[0], d("2004-06-30"))->end) == "2004-02-15");
  CHECK(to_iso(active_span(a[1], d("2004-02-01"))->end) == "2004-03-31");
  CHECK(to_iso(active_span(a[1], d("2004-05-10"))->end) == "2004-05-10");
  CHECK_FALSE(active_span(a[2], d("2004-02-01")));
}

TEST_CASE("workload: peak led at once, effort shared with supporters, over capacity") {
  Plan p = portfolio_plan(
      "  SPS: {name: S, max_actions: 1, days_per_month: 10}\n  CMT: C\n",
      // 91 days in Q1, 30 effort days shared by SPS and CMT: 15 each.
      "      - {id: A1, title: a, lead: SPS, support: [CMT], start: 2004-01-01, due: 2004-03-31, effort_days: 30}\n"
      // Overlaps A1 in March only: SPS leads 2 at once then.
      "      - {id: A2, title: b, lead: SPS, start: 2004-03-01, due: 2004-04-30, effort_days: 61}\n"
      // After A1 ends: never more than 1 at once with A2... but A2 runs to 30 April.
      "      - {id: A3, title: c, lead: SPS, start: 2004-05-01, due: 2004-06-30, effort_days: 0}\n");
  Owners owners = p.owners;
  Workload w = compute_workload({&p}, owners, d("2004-01-15"),
                                periods_between(d("2004-01-01"), d("2004-06-30"), HistoryStep::quarter));
  REQUIRE(w.owners.size() == 2);
  const OwnerLoad& cmt = w.owners[0];
  const OwnerLoad& sps = w.owners[1];
  CHECK(cmt.owner.id == "CMT");
  CHECK_FALSE(cmt.judged());
  REQUIRE(cmt.cells[0].supported.size() == 1);
  CHECK(cmt.cells[0].supported[0].name() == "p/" + cmt.cells[0].supported[0].action->id);
  CHECK(cmt.cells[0].supported[0].plan == &p);
  CHECK(cmt.cells[0].effort_days == doctest::Approx(15));
  CHECK(sps.cells[0].led.size() == 2);
  CHECK(sps.cells[0].peak_led == 2);
  CHECK(sps.cells[0].over_actions);
  // Q1: 15 (A1) + 61 x 31/61 (A2 in March) = 46 days against 30.
  CHECK(sps.cells[0].effort_days == doctest::Approx(46));
  CHECK(sps.cells[0].over_days);
  // Q2: A2 in April (30 days) and A3 from May: never two at once.
  CHECK(sps.cells[1].peak_led == 1);
  CHECK(sps.cells[1].led.size() == 2);
  CHECK_FALSE(sps.cells[1].over_actions);
  CHECK(w.totals[0].starting == 2);
  CHECK(w.totals[1].active == 2);
  Diagnostics findings = workload_findings(w);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule == "over-capacity");
  CHECK(findings[0].message == "SPS in 2004-Q1: leads 2 actions at once, over max_actions 1");
  CHECK(findings[1].message == "SPS in 2004-Q1: 46.0 days of planned effort, over 30 days (10 a month)");
}
