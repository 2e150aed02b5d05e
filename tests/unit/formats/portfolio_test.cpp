#include "bvplan/formats/portfolio.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include <fmt/format.h>
#include "bvplan/core/text.hpp"
#include "bvplan/model/loader.hpp"

using namespace bvplan;
using bvplan::test::d;

namespace {

Plan load(const std::string& owners, const std::string& actions, const std::string& monitoring = "") {
  return test::plan_from(test::one_issue_plan(", savings_target: 1000" + monitoring, "\n" + owners, actions));
}

}  // namespace

TEST_CASE("ics lines fold at 75 octets and end with CRLF") {
  Plan p = load("  SPS: S\n", "      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-12-31}\n",
                ", monitoring: [{body: \"A very long monitoring body name, with commas; and semicolons, that folds\", "
                "every: 6 months}]");
  std::string ics = render_calendar_ics(compute_calendar({&p}, std::nullopt, std::nullopt), d("2004-06-30"));
  CHECK(ics.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  size_t start = 0;
  for (size_t end; (end = ics.find("\r\n", start)) != std::string::npos; start = end + 2) CHECK(end - start <= 75);
  CHECK(start == ics.size());
  CHECK(ics.find("SUMMARY:Progress report due to A very long monitoring body name\\, with comm\r\n "
                 "as\\; and semicolons\\, that folds\r\n") != std::string::npos);
}

TEST_CASE("ics: a folded line never continues with a workflow command") {
  // The fold would fall just before "::error": it moves earlier.
  std::string body = std::string(44, 'x') + "::error::pwned";
  Plan p = load("  SPS: S\n", "      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-12-31}\n",
                ", monitoring: [{body: \"" + body + "\", every: 6 months}]");
  std::string ics = render_calendar_ics(compute_calendar({&p}, std::nullopt, std::nullopt), d("2004-06-30"));
  CHECK(ics.find("SUMMARY:Progress report due to " + std::string(43, 'x') + "\r\n x::error::pwned\r\n") !=
        std::string::npos);
  size_t start = 0;
  for (size_t end; (end = ics.find("\r\n", start)) != std::string::npos; start = end + 2) {
    CHECK(end - start <= 75);
    CHECK_FALSE(starts_workflow_command(std::string_view(ics).substr(start, end - start)));
  }
}

TEST_CASE("calendar: a plan ending 9999-12-31 lists no report after it") {
  SourceFile source("p.yaml", R"(bvplan: 1
plan: {id: far, title: F, start: 9999-01-01, end: 9999-12-31, monitoring: [{body: Cabinet, every: 6 months}]}
owners:
  SPS: S
issues:
  - id: KI1
    title: One
    actions:
      - {id: A1, title: a, lead: SPS, start: 9999-01-01, due: 9999-12-31}
)");
  LoadResult r = load_plan_text(source);
  REQUIRE(r.diagnostics.empty());
  Calendar c = compute_calendar({&*r.plan}, std::nullopt, std::nullopt);
  REQUIRE(c.reports.size() == 1);
  CHECK(to_iso(c.reports[0].date) == "9999-07-01");
  REQUIRE(c.notes.size() == 1);
  CHECK(c.notes[0] == "far: the report to Cabinet due as the plan ends falls due after 9999-12-31 and is not listed");
  CHECK_FALSE(next_report(*r.plan, d("9999-07-01")));
  c.reports[0].date = d("9999-12-31");  // a report on the last day: no DTEND past it
  std::string ics = render_calendar_ics(c, d("9999-06-30"));
  CHECK(ics.find("DTSTART;VALUE=DATE:99991231\r\nSUMMARY") != std::string::npos);
}

TEST_CASE("workload: the finding and the table round days by the one rule, never in exponent form") {
  // 24.15 days in Q1 for SPS, whose capacity is 8 x 3 = 24: the table shows 24.2 (half
  // away from zero), so the finding must too (printf-style rounding gave 24.1).
  Plan p = load("  SPS: {name: S, days_per_month: 8}\n  BIG: {name: B, days_per_month: 2000000}\n",
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

TEST_CASE("savings: money in different currencies is never added; one total per currency, by code") {
  auto plan_in = [](const char* id, const char* currency, const char* target) {
    SourceFile source("p.yaml", fmt::format(R"(bvplan: 1
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
    LoadResult r = load_plan_text(source);
    REQUIRE(r.diagnostics.empty());
    return *r.plan;
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
