#include "bvplan/app/figures.hpp"

#include <doctest/doctest.h>

#include "../test_support.hpp"
#include "plan_set_support.hpp"

using namespace bvplan;
using bvplan::test::add_plan;
using bvplan::test::d;
using bvplan::test::one_action_plan;

TEST_CASE("figures for the plans without errors, over the shortest cadence's window") {
  PlanSet set;
  add_plan(set, "p.yaml", one_action_plan, d("2004-06-30"));
  add_plan(set, "broken.yaml", "plan: [", d("2004-06-30"));
  FigureSet figures = compute_figure_set(set, d("2004-06-30"), std::nullopt);
  REQUIRE(figures.plans.size() == 1);
  CHECK(figures.paths == std::vector<std::string>{"p.yaml"});
  CHECK(figures.plans[0].plan->id == "p");
  CHECK(figures.as_of == d("2004-06-30"));
  DateRange quarter = cadence_window(shortest_cadence(*set.plans[0].plan), d("2004-06-30"));
  CHECK(figures.window.start == quarter.start);
  CHECK(figures.window.end == quarter.end);
}

TEST_CASE("a period given is the window; no plans leave a quarter") {
  PlanSet set;
  add_plan(set, "p.yaml", one_action_plan, d("2004-06-30"));
  DateRange half{d("2004-01-01"), d("2004-06-30")};
  FigureSet figures = compute_figure_set(set, d("2004-06-30"), half);
  CHECK(figures.window.start == d("2004-01-01"));
  CHECK(figures.window.end == d("2004-06-30"));

  FigureSet none = compute_figure_set(PlanSet{}, d("2004-06-30"), std::nullopt);
  CHECK(none.plans.empty());
  DateRange quarter = cadence_window(Cadence{3}, d("2004-06-30"));
  CHECK(none.window.start == quarter.start);
}

TEST_CASE("no --baseline and no --compare change nothing and say nothing") {
  PlanSet set;
  add_plan(set, "p.yaml", one_action_plan, d("2004-06-30"));
  FigureSet figures = compute_figure_set(set, d("2004-06-30"), std::nullopt);
  std::vector<std::string> said;
  apply_baseline_and_comparison(figures, RevisionOptions{}, [&](const std::string& text) { said.push_back(text); });
  CHECK(said.empty());
  CHECK_FALSE(figures.plans[0].baseline);
  CHECK_FALSE(figures.plans[0].compared_with);
  CHECK_FALSE(figures.plans[0].direction);
}
