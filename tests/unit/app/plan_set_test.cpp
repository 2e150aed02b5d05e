#include "bvplan/app/plan_set.hpp"

#include "bvplan/app/check.hpp"

#include <doctest/doctest.h>

#include "../test_support.hpp"
#include "plan_set_support.hpp"

using namespace bvplan;
using bvplan::test::add_plan;
using bvplan::test::d;
using bvplan::test::one_action_plan;

namespace {

// The same plan with an unknown lead: one error, and two warnings (not missing-remedy,
// which needs the figures of a plan without errors).
std::string bad_plan() {
  std::string text = one_action_plan;
  text.replace(text.find("lead: CFO"), 9, "lead: CFX");
  text.replace(text.find("id: p,"), 6, "id: q,");
  return text;
}

std::string examples(const char* path) { return std::string(BVPLAN_SOURCE_DIR) + "/examples/" + path; }

}  // namespace

TEST_CASE("a plan set's findings: all of them, or only the errors and a count of the rest") {
  PlanSet set;
  add_plan(set, "good.yaml", one_action_plan, d("2004-06-30"));
  add_plan(set, "bad.yaml", bad_plan(), d("2004-06-30"));
  CHECK(set.findings().size() == 5);
  CHECK(set.source("bad.yaml") == &set.sources[1]);
  CHECK(set.source("other.yaml") == nullptr);

  ShownFindings all = findings_to_show(set, d("2004-06-30"), FindingsShown::all);
  REQUIRE(all.shown.size() == 5);
  CHECK(all.shown[0].file == "bad.yaml");
  CHECK(all.shown[0].rule == "unused-owner");
  CHECK(all.shown[4].file == "good.yaml");
  CHECK(all.hidden == 0);
  CHECK(all.errors);

  ShownFindings errors = findings_to_show(set, d("2004-06-30"), FindingsShown::errors);
  REQUIRE(errors.shown.size() == 1);
  CHECK(errors.shown[0].rule == "unknown-owner");
  CHECK(errors.hidden == 4);
  CHECK(errors.errors);
}

TEST_CASE("the portfolio holds the plans without errors and the span of their periods") {
  PlanSet set;
  add_plan(set, "good.yaml", one_action_plan, d("2004-06-30"));
  add_plan(set, "bad.yaml", bad_plan(), d("2004-06-30"));
  Portfolio p = portfolio_of(set);
  REQUIRE(p.plans.size() == 1);
  CHECK(p.plans[0]->id == "p");
  CHECK(p.start == d("2004-01-01"));
  CHECK(p.end == d("2004-12-31"));
  CHECK(p.owners.count("CFO") == 1);
  CHECK(capacity_findings(set, d("2004-06-30")).empty());
}

TEST_CASE("load_plan_set reads a folder of plans with the owners.yaml beside them") {
  PlanInputs inputs;
  inputs.paths = {examples("leicester")};
  std::unique_ptr<PlanSet> set = load_plan_set(inputs, d("2001-12-31"));
  CHECK(set->problems.empty());
  CHECK(set->files.size() == 7);
  CHECK(set->inputs().size() == 8);
  // The register as found walking up from the plans (named from the current folder).
  std::string owners = set->inputs().back();
  CHECK(owners.ends_with("examples/leicester/owners.yaml"));
  CHECK(set->source(owners) != nullptr);
  CHECK(count_severity(set->findings(), Severity::warning) == 1);
  CHECK(capacity_findings(*set, d("2001-12-31")).size() == 6);
  ShownFindings shown = findings_to_show(*set, d("2001-12-31"), FindingsShown::errors);
  CHECK(shown.shown.empty());
  CHECK(shown.hidden == 7);
  CHECK_FALSE(shown.errors);
  CHECK(portfolio_of(*set).plans.size() == 7);
}

TEST_CASE("load_plan_set says which paths it could not read, and keeps the rest") {
  PlanInputs inputs;
  inputs.paths = {examples("infrastructure-2004.yaml"), examples("missing.yaml")};
  std::unique_ptr<PlanSet> set = load_plan_set(inputs, d("2004-06-30"));
  REQUIRE(set->problems.size() == 1);
  CHECK(set->problems[0] == "cannot read '" + examples("missing.yaml") + "': No such file or directory");
  CHECK(set->files == std::vector<std::string>{examples("infrastructure-2004.yaml")});
}

TEST_CASE("load_plan_set refuses a file over the size limit without reading it") {
  PlanInputs inputs;
  inputs.paths = {examples("infrastructure-2004.yaml")};
  inputs.max_file_size = 10;
  std::unique_ptr<PlanSet> set = load_plan_set(inputs, d("2004-06-30"));
  REQUIRE(set->plans.size() == 1);
  CHECK_FALSE(set->plans[0].plan);
  REQUIRE(set->plans[0].diagnostics.size() == 1);
  CHECK(set->plans[0].has_errors());
}

TEST_CASE("the year start: the plan's own, else its register's; the set's, and whether they differ") {
  const std::string reg = "year_start: april\nowners:\n  CFO: {name: Chief Financial Officer}\n";
  SourceFile register_source("owners.yaml", reg);
  Diagnostics found;
  OwnersRegister registered = load_owners_text(register_source, found);
  SourceFile a("a.yaml", one_action_plan);
  CheckedPlan inherits = check_plan(a, registered, d("2004-06-30"));
  CHECK(inherits.plan->year_start == 4);
  std::string own = one_action_plan;
  own.replace(own.find("end: 2004-12-31}"), 16, "end: 2004-12-31, year_start: january}");
  SourceFile b("b.yaml", own);
  CheckedPlan overrides = check_plan(b, registered, d("2004-06-30"));
  CHECK(overrides.plan->year_start == 1);

  PlanSet set;
  set.plans.push_back(std::move(inherits));
  set.files.push_back("a.yaml");
  CHECK(year_start_of(set).month == 4);
  CHECK_FALSE(year_start_of(set).mixed());
  CHECK(portfolio_of(set).year_start == 4);
  set.plans.push_back(std::move(overrides));
  set.files.push_back("b.yaml");
  SetYearStart both = year_start_of(set);
  CHECK(both.mixed());
  CHECK(both.first == "a.yaml");
  CHECK(both.other == "b.yaml");
  CHECK(both.other_month == 1);
  CHECK(portfolio_of(set).year_start == 1);  // calendar periods when they differ
}
