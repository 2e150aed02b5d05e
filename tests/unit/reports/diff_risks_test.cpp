#include "bvplan/reports/diff.hpp"

#include <doctest/doctest.h>

#include "bvplan/formats/diff.hpp"
#include "test_support.hpp"

using namespace bvplan;

namespace {

Plan with_risks(const std::string& risks) {
  return test::plan_from(test::one_issue_plan("", " {SPS: S, CMT: C}\n",
                                              "      - {id: A1, title: A, lead: SPS, start: 2004-01-05, due: "
                                              "2004-06-30}\n") +
                         "risks:\n" + risks);
}

std::vector<std::string> described(const Plan& before, const Plan& after) {
  std::vector<std::string> out;
  for (const PlanChange& c : diff_plans(before, after)) out.push_back(describe(c, "GBP"));
  return out;
}

const std::string r1 = "  - {id: R1, title: Late, owner: SPS, likelihood: 3, impact: 4}\n";
const std::string r2 =
    "  - {id: R2, title: Over, owner: CMT, likelihood: 2, impact: 2, target: {likelihood: 1, impact: 2}}\n";

}  // namespace

TEST_CASE("risks are matched by id; a review alone is not a change to the register") {
  CHECK(diff_plans(with_risks(r1 + r2), with_risks(r2 + r1)).empty());
  std::string reviewed =
      "  - {id: R1, title: Late, owner: SPS, likelihood: 3, impact: 4,\n"
      "     reviews: [{date: 2004-03-01, likelihood: 1, impact: 1}]}\n";
  CHECK(diff_plans(with_risks(r1), with_risks(reviewed)).empty());
}

TEST_CASE("risks added, removed and changed: rating, status, target, owner, title") {
  CHECK(described(with_risks(r1), with_risks(r1 + r2)) == std::vector<std::string>{"risk R2 added: Over"});
  CHECK(described(with_risks(r1 + r2), with_risks(r2)) == std::vector<std::string>{"risk R1 removed: Late"});
  std::string changed = "  - {id: R2, title: Over budget, owner: SPS, likelihood: 4, impact: 2, status: closed}\n";
  std::vector<PlanChange> changes = diff_plans(with_risks(r2), with_risks(changed));
  REQUIRE(changes.size() == 5);
  CHECK(changes[2].kind == "risk-changed");
  CHECK(changes[2].subject == "risk");
  CHECK(changes[2].field == "rating");
  CHECK(described(with_risks(r2), with_risks(changed)) ==
        std::vector<std::string>{
            "risk R2 title changed from 'Over' to 'Over budget'", "risk R2 owner changed from 'CMT' to 'SPS'",
            "risk R2 rating changed from '2 x 2' to '4 x 2'", "risk R2 status changed from 'open' to 'closed'",
            "risk R2 target changed from '1 x 2' to none"});
}
