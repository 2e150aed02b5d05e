#include <doctest/doctest.h>

#include "test_support.hpp"

#include "bvplan/rules/validate.hpp"

using namespace bvplan;

namespace {

// A one-action plan (owner SPS, key issue KI1, action A1) with `measures` (indent 2 items).
std::string plan_text(const std::string& measures) {
  return test::one_issue_plan("", " {SPS: S}\n",
                              "      - id: A1\n        title: A\n        lead: SPS\n"
                              "        start: 2004-01-01\n        due: 2004-12-31\n"
                              "        updates: [{date: 2004-06-30, complete: 50}]\n") +
         "measures:\n" + measures;
}

// Line 15 is the first line after `measures:`.
Diagnostics findings(const std::string& measures, const char* as_of = "2004-06-30") {
  Plan plan = test::plan_from(plan_text(measures));
  Diagnostics d;
  validate_plan(plan, plan.owners, test::d(as_of), d);
  sort_diagnostics(d);
  return d;
}

std::string rules_of(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d) out += (out.empty() ? "" : " ") + x.rule;
  return out;
}

const std::string fresh = "    actuals: [{date: 2004-06-30, value: 1}]\n";

}  // namespace

TEST_CASE("a measure serving a key issue, owned by an owner, with a fresh actual has no findings") {
  CHECK(findings("  - id: M1\n    title: T\n    issue: KI1\n    owner: SPS\n    better: higher\n" + fresh).empty());
}

TEST_CASE("duplicate-id: a measure's id is unique among issues, actions and milestones") {
  Diagnostics d = findings("  - id: A1\n    title: T\n    better: higher\n" + fresh);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "duplicate-id");
  CHECK(d[0].message == "id 'A1' is already used by the action at line 8");
  CHECK(d[0].position == Position{15, 9});
}

TEST_CASE("unknown-issue and unknown-owner") {
  Diagnostics d = findings("  - id: M1\n    title: T\n    issue: KI2\n    owner: SPT\n    better: higher\n" + fresh);
  REQUIRE(d.size() == 2);
  CHECK(d[0].rule == "unknown-issue");
  CHECK(d[0].message == "measure 'M1' serves unknown key issue 'KI2' (did you mean 'KI1'?)");
  CHECK(d[0].position == Position{17, 12});
  CHECK(d[1].rule == "unknown-owner");
  CHECK(d[1].message == "unknown owner 'SPT' (did you mean 'SPS'?)");
}

TEST_CASE("an owner named only by a measure is used") {
  Plan plan = test::plan_from(test::one_issue_plan("", " {SPS: S, CMT: C}\n",
                                                   "      - id: A1\n        title: A\n        lead: SPS\n"
                                                   "        start: 2004-01-01\n        due: 2004-12-31\n"
                                                   "        updates: [{date: 2004-06-30, complete: 50}]\n") +
                              "measures:\n  - id: M1\n    title: T\n    owner: CMT\n    better: higher\n" + fresh);
  Diagnostics d;
  validate_plan(plan, plan.owners, test::d("2004-06-30"), d);
  CHECK(d.empty());
}

TEST_CASE("update-order: actuals strictly increasing; future-date: none after T") {
  Diagnostics d = findings(
      "  - id: M1\n    title: T\n    better: higher\n    actuals:\n      - {date: 2004-06-30, value: 1}\n"
      "      - {date: 2004-06-30, value: 2}\n      - {date: 2004-07-31, value: 3}\n");
  REQUIRE(d.size() == 2);
  CHECK(d[0].rule == "update-order");
  CHECK(d[0].severity == Severity::error);
  CHECK(d[0].message == "actual dated 2004-06-30 is not after the previous actual (2004-06-30)");
  CHECK(d[0].position == Position{20, 16});
  CHECK(d[1].rule == "future-date");
  CHECK(d[1].severity == Severity::warning);
  CHECK(d[1].message == "actual dated 2004-07-31 is after the as-of date 2004-06-30");
}

TEST_CASE("stale-measure: no actual a cadence after the baseline, or the latest a cadence old") {
  // Quarterly: baseline 2004-03-30 + 3 months = 2004-06-30, not yet past at T = 2004-06-30.
  CHECK(findings("  - id: M1\n    title: T\n    better: higher\n    baseline: {date: 2004-03-30, value: 1}\n").empty());
  Diagnostics d =
      findings("  - id: M1\n    title: T\n    better: higher\n    baseline: {date: 2004-03-29, value: 1}\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "stale-measure");
  CHECK(d[0].message == "measure 'M1' is collected every quarter, but has no actual since its baseline on 2004-03-29");
  // No baseline: from the plan's start (2004-01-01 + 3 months = 2004-04-01).
  CHECK(rules_of(findings("  - id: M1\n    title: T\n    better: higher\n")) == "stale-measure");
  // The latest actual 2004-03-31, every month: 2004-04-30 is before T.
  Diagnostics old = findings(
      "  - id: M1\n    title: T\n    better: higher\n    every: month\n    actuals: [{date: 2004-03-31, value: 1}]\n");
  REQUIRE(old.size() == 1);
  CHECK(old[0].message == "measure 'M1' is collected every month, but its latest actual is dated 2004-03-31");
  CHECK(old[0].position == Position{19, 22});
}
