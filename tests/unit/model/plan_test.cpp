#include "bvplan/model/plan.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace bvplan;

TEST_CASE("declared_ids: the plan's, measures', risks', then each key issue with its actions and milestones") {
  Plan plan = test::plan_from(R"(bvplan: 1
plan: {id: infra-2004, title: P, start: 2004-01-01, end: 2004-12-31}
owners: {SPS: S}
measures:
  - id: M1
    title: Calls answered
    issue: KI1
    owner: SPS
    unit: percent
    every: quarter
    better: higher
    baseline: {date: 2003-12-31, value: 50}
    targets:
      2004-12-31: 80
risks:
  - id: R1
    title: Staff leave
    owner: SPS
    likelihood: 2
    impact: 3
    mitigated_by: [A2]
issues:
  - id: KI1
    title: One
    actions:
      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-12-31,
         milestones: [{id: A1m, title: m, due: 2004-06-30}]}
  - id: KI2
    title: Two
    actions:
      - {id: A2, title: b, lead: SPS, start: 2004-01-01, due: 2004-12-31}
)");
  CHECK(declared_ids(plan) == std::vector<std::string>{"infra-2004", "M1", "R1", "KI1", "A1", "A1m", "KI2", "A2"});
  // Only the kinds asked for: what explain takes (no milestone), what update takes (no key
  // issue, no plan).
  CHECK(declared_ids(plan, {.milestones = false}) ==
        std::vector<std::string>{"infra-2004", "M1", "R1", "KI1", "A1", "KI2", "A2"});
  CHECK(declared_ids(plan, {.plan = false, .issues = false}) ==
        std::vector<std::string>{"M1", "R1", "A1", "A1m", "A2"});
}

TEST_CASE("declared_ids: what could be read of a broken plan, empty ids left out") {
  LoadResult loaded = test::load_text("bvplan: 1\nplan: {title: P}\nissues:\n  - id: KI1\n    title: One\n");
  REQUIRE(loaded.plan);
  CHECK(declared_ids(*loaded.plan) == std::vector<std::string>{"KI1"});
}
