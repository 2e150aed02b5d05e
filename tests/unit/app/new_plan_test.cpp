#include "bvplan/app/new_plan.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace bvplan;
using bvplan::test::d;

namespace {
const char* plan = R"(bvplan: 1
plan: {id: p, title: P, start: 2004-01-01, end: 2004-12-31, owner: CFO}
issues:
  - id: K
    title: K
    actions:
      - {id: A, title: A, lead: CFO, start: 2004-06-01, due: 2004-09-01}
)";
}  // namespace

TEST_CASE("a plan about to be written is checked with the register written beside it") {
  auto preview = preview_plan("plans/p.yaml", plan, d("2004-06-01"),
                              SourceFile("owners.yaml", "owners:\n  CFO: Chief Financial Officer\n"));
  CHECK(preview->findings.empty());
  CHECK(preview->source("plans/p.yaml") == &preview->plan);
  REQUIRE(preview->owners);
  CHECK(preview->source("owners.yaml") == &*preview->owners);
  CHECK(preview->source("other.yaml") == nullptr);
}

TEST_CASE("the register's findings and the plan's come together, sorted") {
  std::string led_by_nobody = plan;
  led_by_nobody.replace(led_by_nobody.find("lead: CFO"), 9, "lead: NOBODY");
  auto preview = preview_plan("plans/p.yaml", led_by_nobody, d("2004-06-30"),
                              SourceFile("owners.yaml", "owners:\n  CFO: {name: [C]}\n"));
  REQUIRE(preview->findings.size() == 2);
  CHECK(preview->findings[0].file == "owners.yaml");
  CHECK(preview->findings[0].rule == "wrong-type");
  CHECK(preview->findings[1].file == "plans/p.yaml");
  CHECK(preview->findings[1].rule == "unknown-owner");
}
