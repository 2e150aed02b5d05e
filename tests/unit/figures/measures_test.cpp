#include "bvplan/figures/measures.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "test_support.hpp"

using namespace bvplan;
using bvplan::test::d;

// Every expected value is worked out by hand from the rules in man/bvplan.1 (FIGURES,
// Measures): the current actual is the latest dated on or before T; its target the first
// dated on or after the actual's date, else the last; shortfall s = (target - actual) /
// |target| x 100 (higher is better) or (actual - target) / |target| x 100 (lower);
// green s <= 0, amber 0 < s <= tolerance, red beyond; a target of 0 is green when the
// actual is on or better than it, else red.

namespace {

// A plan whose one measure M1 has `fields` (indent 4) after its id and title.
Plan measure_plan(const std::string& fields) {
  return test::plan_from(test::one_issue_plan("", " {SPS: S}\n",
                                              "      - id: A1\n        title: A\n        lead: SPS\n"
                                              "        start: 2004-01-01\n        due: 2004-12-31\n") +
                         "measures:\n  - id: M1\n    title: Measure\n" + fields);
}

MeasureFigures figures(const Plan& plan, const char* as_of) {
  REQUIRE(plan.measures.size() == 1);
  return compute_measure(plan.measures.front(), d(as_of));
}

std::string actuals(std::initializer_list<std::pair<const char*, const char*>> points) {
  std::string out = "    actuals:\n";
  for (const auto& [date, value] : points) out += fmt::format("      - {{date: {}, value: {}}}\n", date, value);
  return out;
}

}  // namespace

TEST_CASE("higher is better: 76 against 80 is a shortfall of exactly 5, amber within a tolerance of 5") {
  Plan plan = measure_plan("    better: higher\n    targets: {2004-06-30: 80}\n" +
                           actuals({{"2004-03-31", "60"}, {"2004-06-30", "76"}}));
  MeasureFigures f = figures(plan, "2004-06-30");
  CHECK(*f.current == 76);
  CHECK(to_iso(*f.current_date) == "2004-06-30");
  CHECK(*f.target == 80);
  CHECK(*f.shortfall == doctest::Approx(5));  // (80 - 76) / 80 x 100
  CHECK(f.rag == Rag::amber);
  CHECK(f.direction_short == MeasureTrend::improving);  // 76 after 60
  CHECK(f.direction_long == MeasureTrend::none);        // nothing on or before 2003-06-30
}

TEST_CASE("higher is better: past the tolerance is red, on or above target green") {
  Plan red = measure_plan("    better: higher\n    targets: {2004-06-30: 80}\n" + actuals({{"2004-06-30", "75.9"}}));
  CHECK(figures(red, "2004-06-30").rag == Rag::red);  // (80 - 75.9) / 80 x 100 = 5.125
  Plan green = measure_plan("    better: higher\n    targets: {2004-06-30: 80}\n" + actuals({{"2004-06-30", "80"}}));
  MeasureFigures f = figures(green, "2004-06-30");
  CHECK(*f.shortfall == 0);
  CHECK(f.rag == Rag::green);
}

TEST_CASE("lower is better: below target is green, above it a shortfall") {
  Plan plan = measure_plan("    better: lower\n    targets: {2004-12-31: 10}\n" +
                           actuals({{"2004-03-31", "12"}, {"2004-06-30", "8"}}));
  MeasureFigures f = figures(plan, "2004-06-30");
  CHECK(*f.shortfall == doctest::Approx(-20));  // (8 - 10) / 10 x 100
  CHECK(f.rag == Rag::green);
  CHECK(f.direction_short == MeasureTrend::improving);  // 8 after 12, lower is better
  MeasureFigures earlier = figures(plan, "2004-05-31");
  CHECK(*earlier.current == 12);
  CHECK(*earlier.shortfall == doctest::Approx(20));  // (12 - 10) / 10 x 100
  CHECK(earlier.rag == Rag::red);
  CHECK(earlier.direction_short == MeasureTrend::none);  // one actual so far
}

TEST_CASE("a target of 0: green on or better than it, red otherwise, with no shortfall") {
  auto rag = [](const char* better, const char* actual) {
    Plan plan = measure_plan(fmt::format("    better: {}\n    targets: {{2004-12-31: 0}}\n", better) +
                             actuals({{"2004-06-30", actual}}));
    MeasureFigures f = figures(plan, "2004-06-30");
    CHECK(!f.shortfall);
    return f.rag;
  };
  CHECK(rag("higher", "0") == Rag::green);
  CHECK(rag("higher", "0.5") == Rag::green);
  CHECK(rag("higher", "-1") == Rag::red);
  CHECK(rag("lower", "0") == Rag::green);
  CHECK(rag("lower", "-2") == Rag::green);
  CHECK(rag("lower", "1") == Rag::red);
}

TEST_CASE("negative targets: the shortfall divides by |target|") {
  Plan higher = measure_plan("    better: higher\n    targets: {2004-12-31: -10}\n" + actuals({{"2004-06-30", "-12"}}));
  MeasureFigures f = figures(higher, "2004-06-30");
  CHECK(*f.shortfall == doctest::Approx(20));  // (-10 - -12) / 10 x 100
  CHECK(f.rag == Rag::red);
  Plan lower = measure_plan("    better: lower\n    targets: {2004-12-31: -10}\n" + actuals({{"2004-06-30", "-9.6"}}));
  MeasureFigures g = figures(lower, "2004-06-30");
  CHECK(*g.shortfall == doctest::Approx(4));  // (-9.6 - -10) / 10 x 100
  CHECK(g.rag == Rag::amber);
}

TEST_CASE("the target that applies: the first on or after the actual's date, else the last") {
  Plan plan = measure_plan("    better: higher\n    targets:\n      2004-09-30: 80\n      2004-03-31: 40\n" +
                           actuals({{"2004-03-31", "41"}, {"2004-06-30", "50"}, {"2004-12-31", "70"}}));
  CHECK(*figures(plan, "2004-03-31").target == 40);  // on the target's date
  CHECK(*figures(plan, "2004-06-30").target == 80);  // the next one after
  MeasureFigures past = figures(plan, "2004-12-31");
  CHECK(*past.target == 80);                        // past the last target: the last
  CHECK(*past.shortfall == doctest::Approx(12.5));  // (80 - 70) / 80 x 100
  CHECK(past.rag == Rag::red);
}

TEST_CASE("no actual on or before T: no current, no RAG; the target applies at T") {
  Plan plan = measure_plan("    better: higher\n    targets: {2004-06-30: 40, 2004-12-31: 75}\n" +
                           actuals({{"2004-09-30", "50"}}));
  MeasureFigures f = figures(plan, "2004-06-30");
  CHECK(!f.current);
  CHECK(!f.current_date);
  CHECK(*f.target == 40);
  CHECK(!f.shortfall);
  CHECK(f.rag == Rag::none);
  CHECK(f.direction_short == MeasureTrend::none);
  CHECK(f.direction_long == MeasureTrend::none);
}

TEST_CASE("a data-only measure has no target and no RAG, only its trend") {
  Plan plan =
      measure_plan("    better: lower\n" + actuals({{"2003-06-30", "30"}, {"2003-12-31", "20"}, {"2004-06-30", "20"}}));
  MeasureFigures f = figures(plan, "2004-06-30");
  CHECK(!f.target);
  CHECK(!f.shortfall);
  CHECK(f.rag == Rag::none);
  CHECK(f.direction_short == MeasureTrend::no_change);  // 20 after 20
  CHECK(f.direction_long == MeasureTrend::improving);   // 20 against 30 on 2003-06-30, lower is better
  CHECK(to_string(f.direction_short) == std::string("no change"));
}

TEST_CASE("long-term direction: the latest actual on or before the current one's date less 12 months") {
  Plan plan =
      measure_plan("    better: higher\n" +
                   actuals({{"2003-05-31", "40"}, {"2003-07-31", "90"}, {"2003-12-31", "70"}, {"2004-06-30", "60"}}));
  MeasureFigures f = figures(plan, "2004-06-30");
  CHECK(f.previous->value == 70);
  CHECK(f.direction_short == MeasureTrend::worsening);  // 60 after 70
  CHECK(f.year_ago->value == 40);                       // 2003-05-31: on or before 2003-06-30
  CHECK(f.direction_long == MeasureTrend::improving);   // 60 against 40
  // An actual after T is not yet current.
  CHECK(*figures(plan, "2004-06-29").current == 70);
}
