#include "bvplan/figures/remedies.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace bvplan;
using bvplan::test::d;

// The action runs from 2004-01-01 to 2004-04-10 (day offset 100), so its straight-line
// target on day offset k is k%: 60% on 1 March. Green from 90% of target, amber from 70%.
namespace {

std::string plan_with(const std::string& extra) {
  return test::one_issue_plan("", " {SPS: Strategic & Performance Services}\n",
                              "      - id: A1\n        title: Do it\n        lead: SPS\n"
                              "        start: 2004-01-01\n        due: 2004-04-10\n" +
                                  extra);
}

Diagnostics findings_at(const std::string& text, const char* as_of) {
  Plan plan = test::plan_from(text);
  Diagnostics out;
  remedy_findings(compute_plan(plan, d(as_of), DateRange{d(as_of), d(as_of)}), out);
  return out;
}

}  // namespace

TEST_CASE("remedy_findings: red or amber behind target, overdue, or a milestone overdue, without a remedy") {
  // 1 March: target 60%. 30% is half of it: red.
  Diagnostics red = findings_at(plan_with("        updates: [{date: 2004-02-20, complete: 30}]\n"), "2004-03-01");
  REQUIRE(red.size() == 1);
  CHECK(red[0].rule == "missing-remedy");
  CHECK(red[0].severity == Severity::warning);
  CHECK(red[0].position == Position{13, 26});
  CHECK(red[0].message == "action 'A1' is red, behind its target (30% of 60%), and its latest update has no remedy");
  // 45% is 75% of target: amber.
  Diagnostics amber = findings_at(plan_with("        updates: [{date: 2004-02-20, complete: 45}]\n"), "2004-03-01");
  REQUIRE(amber.size() == 1);
  CHECK(amber[0].message ==
        "action 'A1' is amber, behind its target (45% of 60%), and its latest update has no remedy");
  // 55% is 91.7% of target: green, nothing to remedy.
  CHECK(findings_at(plan_with("        updates: [{date: 2004-02-20, complete: 55}]\n"), "2004-03-01").empty());
  // A remedy answers it.
  CHECK(
      findings_at(plan_with("        updates: [{date: 2004-02-20, complete: 30, remedy: more staff}]\n"), "2004-03-01")
          .empty());
  // Overdue: past the due date and not complete; with no update, at the due date.
  Diagnostics late = findings_at(plan_with(""), "2004-05-01");
  REQUIRE(late.size() == 1);
  CHECK(late[0].message == "action 'A1' is overdue (due 2004-04-10) and its latest update has no remedy");
  CHECK(late[0].position == Position{12, 14});
  // A milestone overdue on an action that is on target.
  Diagnostics milestone = findings_at(plan_with("        milestones: [{id: M1, title: Draft, due: 2004-02-01}]\n"
                                                "        updates: [{date: 2004-02-20, complete: 55}]\n"),
                                      "2004-03-01");
  REQUIRE(milestone.size() == 1);
  CHECK(milestone[0].message ==
        "milestone 'M1' of action 'A1' is overdue (due 2004-02-01) and the action's latest update has no remedy");
  // Deferred work is not judged, nor are its milestones.
  CHECK(findings_at(plan_with("        status: deferred\n"), "2004-05-01").empty());
  CHECK(findings_at(plan_with("        status: cancelled\n"
                              "        milestones: [{id: M1, title: Draft, due: 2004-02-01}]\n"),
                    "2004-03-01")
            .empty());
}

TEST_CASE("needs_remedy: what section 4 of the paper lists") {
  ActionFigures a;
  CHECK_FALSE(needs_remedy(a));
  a.rag = Rag::green;
  CHECK_FALSE(needs_remedy(a));
  a.rag = Rag::amber;
  CHECK(needs_remedy(a));
  a.rag = Rag::red;
  CHECK(needs_remedy(a));
  a.rag = Rag::complete;
  a.state = State::overdue;
  CHECK(needs_remedy(a));
}
