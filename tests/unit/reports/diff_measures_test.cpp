#include <doctest/doctest.h>

#include "test_support.hpp"

#include "bvplan/formats/diff.hpp"
#include "bvplan/reports/diff.hpp"

using namespace bvplan;

namespace {

Plan with_measures(const std::string& measures) {
  return test::plan_from(test::one_issue_plan("", " {SPS: S}\n",
                                              "      - id: A1\n        title: A\n        lead: SPS\n"
                                              "        start: 2004-01-01\n        due: 2004-12-31\n") +
                         "measures:\n" + measures);
}

std::vector<std::string> sentences(const Plan& before, const Plan& after) {
  std::vector<std::string> out;
  for (const PlanChange& c : diff_plans(before, after)) out.push_back(describe(c, "GBP"));
  return out;
}

}  // namespace

TEST_CASE("diff: measures added, removed and changed, with their targets") {
  Plan before = with_measures(
      "  - id: M1\n    title: Savings\n    better: higher\n    targets: {2004-06-30: 100}\n"
      "  - id: M2\n    title: Gone\n    better: lower\n");
  Plan after = with_measures(
      "  - id: M1\n    title: Savings made\n    better: higher\n    unit: money\n    tolerance: 10\n"
      "    baseline: {date: 2004-01-01, value: 0}\n    targets: {2004-06-30: 100, 2004-12-31: 250.5}\n"
      "  - id: M3\n    title: New\n    better: higher\n");
  CHECK(sentences(before, after) ==
        std::vector<std::string>{"measure M1 title changed from 'Savings' to 'Savings made'",
                                 "measure M1 unit changed from 'number' to 'money'",
                                 "measure M1 baseline changed from none to '2004-01-01: 0'",
                                 "measure M1 tolerance changed from '5' to '10'",
                                 "measure M1 target curve changed from [2004-06-30: 100] to "
                                 "[2004-06-30: 100, 2004-12-31: 250.5]",
                                 "measure M3 added: New", "measure M2 removed: Gone"});
  CHECK(diff_plans(after, after).empty());
  std::vector<PlanChange> changes = diff_plans(before, after);
  CHECK(changes.back().kind == "measure-removed");
  CHECK(changes.back().subject == "measure");
}
