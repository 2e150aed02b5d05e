#include "bvplan/formats/diff.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace bvplan;
using bvplan::test::d;

namespace {

Plan plan(const std::string& actions, const std::string& budget = "1000") {
  return test::plan_from(test::one_issue_plan(", budget: " + budget, " {SPS: S, CMT: C}\n", actions));
}

const std::string a1 = "      - {id: A1, title: First, lead: SPS, start: 2004-01-01, due: 2004-06-30}\n";
const std::string a2 = "      - {id: A2, title: Second, lead: SPS, start: 2004-01-01, due: 2004-09-30}\n";

std::vector<std::string> described(const Plan& before, const Plan& after) {
  std::vector<std::string> out;
  for (const PlanChange& c : diff_plans(before, after)) out.push_back(describe(c, "GBP"));
  return out;
}

}  // namespace

TEST_CASE("identical plans have no changes") { CHECK(diff_plans(plan(a1 + a2), plan(a1 + a2)).empty()); }

TEST_CASE("actions are matched by id, not position") { CHECK(diff_plans(plan(a1 + a2), plan(a2 + a1)).empty()); }

TEST_CASE("due dates moved later are re-baselined, earlier brought forward") {
  std::string later = "      - {id: A1, title: First, lead: SPS, start: 2004-01-01, due: 2004-08-14}\n";
  std::vector<PlanChange> changes = diff_plans(plan(a1), plan(later));
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].kind == "rebaselined");
  CHECK(*changes[0].days == 45);
  CHECK(describe(changes[0], "GBP") == "action A1 due date re-baselined +45 days (2004-06-30 to 2004-08-14)");
  // The committee paper's words.
  CHECK(describe(changes[0], "GBP", DateWords::long_form) ==
        "action A1 due date re-baselined +45 days (30 June 2004 to 14 August 2004)");
  CHECK(described(plan(later), plan(a1)) ==
        std::vector<std::string>{"action A1 due date brought forward 45 days (2004-08-14 to 2004-06-30)"});
}

TEST_CASE("additions, removals, fields, budgets and milestones") {
  std::string changed =
      "      - {id: A1, title: First again, lead: CMT, start: 2004-01-08, due: 2004-06-30, budget: 250,\n"
      "         milestones: [{id: M1, title: Half way, due: 2004-03-31}]}\n"
      "      - {id: A3, title: Third, lead: SPS, start: 2004-01-01, due: 2004-12-31}\n";
  CHECK(described(plan(a1 + a2), plan(changed, "1500")) ==
        std::vector<std::string>{
            "plan p budget changed from £1,000 to £1,500",
            "action A1 title changed from 'First' to 'First again'",
            "action A1 lead changed from 'SPS' to 'CMT'",
            "action A1 budget changed from none to £250",
            "action A1 start date moved +7 days (2004-01-01 to 2004-01-08)",
            "milestone M1 added: Half way (due 2004-03-31)",
            "action A3 added: Third (due 2004-12-31)",
            "action A2 removed: Second",
        });
}

TEST_CASE("render_diff_markdown and render_diff_json") {
  std::string later = "      - {id: A1, title: First, lead: SPS, start: 2004-01-01, due: 2004-07-31}\n";
  std::vector<PlanDiff> diffs{
      {"p", "P", "plans/p.yaml", "GBP", PlanDiff::Presence::both, diff_plans(plan(a1), plan(later)), {}},
      {"q", "Q | x", "plans/q.yaml", "GBP", PlanDiff::Presence::added, {}, {}}};
  DiffEnd from{"HEAD~1", "0123456789abcdef0123456789abcdef01234567", *parse_date("2004-03-31")};
  CHECK(render_diff_markdown(diffs, from, std::nullopt) ==
        "# Changes to the plans from HEAD\\~1 (0123456, 2004-03-31) to the working tree\n"
        "\n## p: P (plans/p.yaml)\n\n"
        "- action A1 due date re-baselined +31 days (2004-06-30 to 2004-07-31)\n"
        "\n## q: Q \\| x (plans/q.yaml)\n\n"
        "- plan q added\n");
  CHECK(render_diff_json(diffs, from, std::nullopt) ==
        "{\"version\":1,\"from\":{\"revision\":\"HEAD~1\",\"commit\":\"0123456789abcdef0123456789abcdef01234567\","
        "\"date\":\"2004-03-31\"},\"to\":\"working tree\",\"plans\":[\n"
        "  {\"id\":\"p\",\"file\":\"plans/p.yaml\",\"changes\":[\n"
        "    {\"kind\":\"rebaselined\",\"subject\":\"action\",\"id\":\"A1\",\"field\":\"due\",\"from\":\"2004-06-30\","
        "\"to\":\"2004-07-31\",\"days\":31,\"title\":null,\"description\":\"action A1 due date re-baselined +31 days "
        "(2004-06-30 to 2004-07-31)\"}],\"progress\":[]},\n"
        "  {\"id\":\"q\",\"file\":\"plans/q.yaml\",\"changes\":[\n"
        "    {\"kind\":\"plan-added\",\"subject\":\"plan\",\"id\":\"q\",\"field\":null,\"from\":null,\"to\":null,"
        "\"days\":null,\"title\":null,\"description\":\"plan q added\"}],\"progress\":[]}\n"
        "]}\n");
}

TEST_CASE("diff_progress: updates added and milestones met, action by action") {
  const std::string before =
      "      - id: A1\n        title: First\n        lead: SPS\n        start: 2004-01-01\n        due: 2004-06-30\n"
      "        milestones:\n          - {id: M1, title: Survey, due: 2004-03-31}\n"
      "          - {id: M2, title: Draft, due: 2004-05-31, done: 2004-05-20}\n"
      "        updates:\n          - {date: 2004-03-31, complete: 30}\n";
  const std::string after =
      "      - id: A1\n        title: First\n        lead: SPS\n        start: 2004-01-01\n        due: 2004-06-30\n"
      "        milestones:\n          - {id: M1, title: Survey, due: 2004-03-31, done: 2004-04-02}\n"
      "          - {id: M2, title: Draft, due: 2004-05-31, done: 2004-05-20}\n"
      "        updates:\n          - {date: 2004-03-31, complete: 35}\n          - {date: 2004-06-30, complete: 62.5}\n"
      "      - id: A3\n        title: Third\n        lead: SPS\n        start: 2004-04-01\n        due: 2004-12-31\n"
      "        updates:\n          - {date: 2004-06-30, complete: 10}\n";
  std::vector<std::string> lines;
  for (const ProgressReport& r : diff_progress(plan(before), plan(after))) lines.push_back(describe(r));
  CHECK(lines == std::vector<std::string>{
                     "action A1 reported 62.5% complete on 2004-06-30",
                     "milestone M1 of action A1 met on 2004-04-02: Survey",
                     "action A3 reported 10% complete on 2004-06-30",
                 });
  CHECK(diff_progress(plan(after), plan(after)).empty());
}

TEST_CASE("describe reads money strictly, never through the locale or an exception") {
  // std::stod read "12abc" as 12 and threw on "x"; the strict reading shows them as text.
  PlanChange c{"plan-changed", "plan", "p", "budget", "1500.5", "12abc", std::nullopt, ""};
  CHECK(describe(c, "GBP") == "plan p budget changed from £1,500.50 to '12abc'");
  c.to = "x";
  CHECK(describe(c, "GBP") == "plan p budget changed from £1,500.50 to 'x'");
}

TEST_CASE("a baseline and a comparison are named by revision, commit and date") {
  PlanVersion v{"HEAD~2", "abc1234", d("2004-01-16")};
  CHECK(baseline_label(v) == "HEAD~2 (abc1234, 16 January 2004)");
  CHECK(comparison_label(v) == "HEAD~2 (abc1234, as of 2004-01-16)");
}

TEST_CASE("why a plan has no baseline, said once in place of its changes") {
  PlanVersion v{"v1", "abc1234", d("2004-01-16")};
  Baseline b{v, MissingVersion{MissingVersion::Why::no_version, "roads", "", ""}, {}};
  CHECK(describe_changes(b, "GBP") ==
        std::vector<std::string>{"plan 'roads' has no version at v1 (abc1234): no plan file there has its id"});
  b.missing->other_path = "plans/a.yaml";
  b.missing->other_plan = "parks";
  CHECK(describe(*b.missing, v) ==
        "plan 'roads' has no version at v1 (abc1234): no plan file there has its id "
        "(plans/a.yaml there is plan 'parks')");
  b.missing->why = MissingVersion::Why::had_errors;
  CHECK(describe(*b.missing, v) == "the plan had errors at v1, so nothing is compared with it");
}

TEST_CASE("a baseline's changes in order, the file's move first") {
  Baseline b{PlanVersion{"v1", "abc1234", d("2004-01-16")}, std::nullopt, {}};
  CHECK(describe_changes(b, "GBP").empty());
  b.changes.push_back({"plan-changed", "plan", "roads", "file", "a.yaml", "b.yaml", std::nullopt, ""});
  b.changes.push_back({"plan-changed", "plan", "roads", "budget", "1000", "1500", std::nullopt, ""});
  CHECK(describe_changes(b, "GBP") == std::vector<std::string>{"plan roads moved from file 'a.yaml' to 'b.yaml'",
                                                               "plan roads budget changed from £1,000 to £1,500"});
}
