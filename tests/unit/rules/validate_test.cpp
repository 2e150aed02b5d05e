#include "bvplan/rules/validate.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace bvplan;

namespace {

// A two-action plan; `extra` is appended to the second action (indent 8).
std::string plan_text(const std::string& first_extra = "", const std::string& second_extra = "") {
  return R"(bvplan: 1
plan:
  id: infra
  title: Infrastructure
  start: 2004-01-01
  end: 2004-12-31
  budget: 1000
owners:
  SPS: Strategic & Performance Services
  CMT: Corporate Management Team
issues:
  - id: KI-8
    title: Partnership policy
    actions:
      - id: A1
        title: Draft
        lead: SPS
        start: 2004-01-05
        due: 2004-06-30
)" + first_extra +
         R"(      - id: A2
        title: Adopt
        lead: CMT
        start: 2004-02-01
        due: 2004-09-30
)" + second_extra;
}

Diagnostics findings(const std::string& text, const char* as_of = "2004-02-15") {
  Plan plan = test::plan_from(text);
  Diagnostics d;
  validate_plan(plan, plan.owners, test::d(as_of), d);
  sort_diagnostics(d);
  return d;
}

std::vector<std::string> rules(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d) out.push_back(x.rule);
  return out;
}

}  // namespace

TEST_CASE("a clean plan has no findings") { CHECK(findings(plan_text()).empty()); }

TEST_CASE("duplicate-id across issues, actions and milestones") {
  Diagnostics d = findings(plan_text("        milestones: [{id: A2, title: x, due: 2004-03-01}]\n"));
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "duplicate-id");
  CHECK(d[0].message == "id 'A2' is already used by the milestone at line 20");
  CHECK(d[0].position == Position{21, 13});
}

TEST_CASE("unknown-owner suggests a close id") {
  Diagnostics d = findings(plan_text("        support: [SPS2]\n"));
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "unknown owner 'SPS2' (did you mean 'SPS'?)");
  CHECK(d[0].position == Position{20, 19});
}

TEST_CASE("dependencies: unknown, cycle, order") {
  Diagnostics d = findings(plan_text("        depends_on: [A3]\n"));
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "unknown-dependency");
  CHECK(d[0].message == "action 'A1' depends on 'A3', which is not an action in this plan (did you mean 'A2'?)");

  d = findings(plan_text("        depends_on: [A2]\n", "        depends_on: [A1]\n"));
  REQUIRE(rules(d) == std::vector<std::string>{"dependency-cycle", "dependency-order"});
  CHECK(d[0].message == "dependency cycle: A1 -> A2 -> A1");
  CHECK(d[0].position == Position{20, 22});

  d = findings(plan_text("        depends_on: [A1]\n"));
  CHECK(d[0].message == "dependency cycle: A1 -> A1");
}

TEST_CASE("date-order and update-order are errors; complete-decreased a warning") {
  std::string text = plan_text();
  text.replace(text.find("start: 2004-01-05"), 17, "start: 2004-07-05");
  Diagnostics d = findings(text);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "date-order");
  CHECK(d[0].message == "action 'A1' starts on 2004-07-05, after it is due on 2004-06-30");

  d = findings(plan_text("        updates:\n          - {date: 2004-02-01, complete: 20}\n"
                         "          - {date: 2004-01-20, complete: 10}\n"),
               "2004-03-01");
  CHECK(rules(d) == std::vector<std::string>{"update-order"});

  d =
      findings(plan_text("        updates:\n          - {date: 2004-02-01, complete: 20}\n"
                         "          - {date: 2004-02-10, complete: 10}\n"));
  CHECK(rules(d) == std::vector<std::string>{"complete-decreased"});
  CHECK(d[0].message == "complete falls from 20% to 10% on 2004-02-10");
}

TEST_CASE("period rules") {
  Diagnostics d = findings(plan_text("        milestones: [{id: M1, title: x, due: 2004-07-15}]\n"));
  CHECK(rules(d) == std::vector<std::string>{"milestone-outside-action"});
  d = findings(plan_text("        milestones: [{id: M1, title: x, due: 2005-01-15}]\n"));
  CHECK(rules(d) == std::vector<std::string>{"outside-plan-period"});
  std::string text = plan_text();
  text.replace(text.find("due: 2004-09-30"), 15, "due: 2005-03-31");
  d = findings(text);
  CHECK(rules(d) == std::vector<std::string>{"outside-plan-period"});
  CHECK(d[0].position == Position{24, 14});
}

TEST_CASE("money rules") {
  Diagnostics d = findings(plan_text("        budget: 600\n", "        budget: 500\n"));
  CHECK(rules(d) == std::vector<std::string>{"budget-allocation"});
  CHECK(d[0].message == "action budgets add up to 1100, more than the plan's budget of 1000");
  d = findings(plan_text("        budget: 100\n        updates: [{date: 2004-02-01, complete: 10, spent: 150.5}]\n"));
  CHECK(rules(d) == std::vector<std::string>{"over-budget"});
  CHECK(d[0].message == "spent 150.50 is over the budget of action 'A1' (100)");
}

TEST_CASE("progress rules judged at the as-of date") {
  // Started on 5 January, no update: stale once a whole reporting quarter (counted back
  // from the day after the as-of date) began after the start.
  CHECK(findings(plan_text(), "2004-04-04").empty());   // quarter from 5 January
  Diagnostics d = findings(plan_text(), "2004-04-05");  // quarter from 6 January
  CHECK(rules(d) == std::vector<std::string>{"stale-update"});
  CHECK(d[0].message == "action 'A1' started on 2004-01-05 and has no progress update in the quarter to 2004-04-05");

  // Overdue without a remedy is for the figures to judge (figures/remedies_test.cpp).
  std::string late = plan_text("        updates: [{date: 2004-06-30, complete: 80}]\n",
                               "        updates: [{date: 2004-06-30, complete: 50}]\n");
  CHECK(findings(late, "2004-07-10").empty());

  // Future dates.
  d = findings(plan_text("        updates: [{date: 2004-03-01, complete: 10}]\n"), "2004-02-15");
  CHECK(rules(d) == std::vector<std::string>{"future-date"});

  // 100% with an open milestone.
  d =
      findings(plan_text("        milestones: [{id: M1, title: x, due: 2004-03-01}]\n"
                         "        updates: [{date: 2004-02-10, complete: 100}]\n"));
  CHECK(rules(d) == std::vector<std::string>{"open-milestones"});
}

TEST_CASE("unused-owner covers the plan's own owners only") {
  std::string text = plan_text();
  text.replace(text.find("  CMT: Corporate Management Team\n"), 0, "  EMG: Executive Management Group\n");
  Diagnostics d = findings(text);
  CHECK(rules(d) == std::vector<std::string>{"unused-owner"});
  CHECK(d[0].position == Position{10, 3});
}

TEST_CASE("deferred and cancelled actions are not judged on progress") {
  std::string text = plan_text("        status: deferred\n");
  // Only A2 is judged: stale.
  CHECK(rules(findings(text, "2004-12-01")) == std::vector<std::string>{"stale-update"});
}

TEST_CASE("latest_update ignores updates after the as-of date") {
  Plan plan =
      test::plan_from(plan_text("        updates:\n          - {date: 2004-02-01, complete: 20}\n"
                                "          - {date: 2004-03-01, complete: 40}\n"));
  const Action& a = plan.issues[0].actions[0];
  CHECK(latest_update(a, *parse_date("2004-01-31")) == nullptr);
  CHECK(latest_update(a, *parse_date("2004-02-01"))->complete == 20);
  CHECK(latest_update(a, *parse_date("2004-02-29"))->complete == 20);
  CHECK(latest_update(a, *parse_date("2004-03-01"))->complete == 40);
}
