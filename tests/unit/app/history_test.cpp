#include "bvplan/app/history.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace bvplan;
using bvplan::test::d;

namespace {

// Updates on 31 March and 30 June 2004; the plan runs through 2004.
Plan dated_plan() {
  return test::plan_from(test::one_issue_plan(
      "", " {SPS: S}\n",
      "      - id: A1\n        title: T\n        lead: SPS\n        start: 2004-01-01\n        due: 2004-12-31\n"
      "        updates:\n          - {date: 2004-03-31, complete: 20, summary: a}\n"
      "          - {date: 2004-06-30, complete: 50, summary: b}\n"));
}

HistoryRequest request(HistoryStep step) {
  HistoryRequest r;
  r.today = d("2004-09-30");
  r.step = step;
  return r;
}

}  // namespace

TEST_CASE("plan_dates: the period ends from the plan's start (or --since), or its update dates") {
  Plan plan = dated_plan();
  using Dates = std::vector<Date>;
  // Quarter ends from 1 January, and the last date asked for.
  CHECK(plan_dates(plan, request(HistoryStep::quarter), d("2004-08-15")) ==
        Dates{d("2004-03-31"), d("2004-06-30"), d("2004-08-15")});
  // The last date before the plan's start: none.
  CHECK(plan_dates(plan, request(HistoryStep::quarter), d("2003-06-30")).empty());
  HistoryRequest months = request(HistoryStep::month);
  months.since = d("2004-05-01");
  CHECK(plan_dates(plan, months, d("2004-07-31")) == Dates{d("2004-05-31"), d("2004-06-30"), d("2004-07-31")});
  CHECK(plan_dates(plan, months, d("2004-04-30")).empty());  // --since after the last date
  CHECK(plan_dates(plan, request(HistoryStep::commit), d("2004-06-29")) == Dates{d("2004-03-31")});
  HistoryRequest updates = request(HistoryStep::commit);
  updates.since = d("2004-04-01");
  CHECK(plan_dates(plan, updates, d("2004-12-31")) == Dates{d("2004-06-30")});
}

TEST_CASE("plan_history: a plan with no point in the dates asked for is named, with its start") {
  CheckedPlan checked;
  checked.plan = dated_plan();
  HistoryRequest before = request(HistoryStep::quarter);
  before.until = d("2003-12-31");
  std::string said;
  PlanHistory history = plan_history({{"plans/p.yaml", &checked}}, before, [&](const std::string& m) { said += m; });
  CHECK(history.points.empty());
  CHECK(history.empty == std::vector<std::string>{"plans/p.yaml"});
  CHECK(said ==
        "bvplan: note: 'plans/p.yaml' starts on 2004-01-01, after the last date asked for (2003-12-31), so no "
        "period of it ends by then; there is nothing to show for it\n");
  // By update, none dated in January.
  HistoryRequest january = request(HistoryStep::commit);
  january.until = d("2004-01-31");
  said.clear();
  history = plan_history({{"plans/p.yaml", &checked}}, january, [&](const std::string& m) { said += m; });
  CHECK(history.points.empty());
  CHECK(said ==
        "bvplan: note: 'plans/p.yaml' records no update dated from 2004-01-01 to 2004-01-31, so there is nothing "
        "to show for it\n");
  // From a date after the history's end: said the right way round.
  HistoryRequest later = request(HistoryStep::quarter);
  later.since = d("2005-06-01");
  later.until = d("2004-12-31");
  said.clear();
  history = plan_history({{"plans/p.yaml", &checked}}, later, [&](const std::string& m) { said += m; });
  CHECK(history.points.empty());
  CHECK(said ==
        "bvplan: note: 'plans/p.yaml' has nothing to show from 2005-06-01: its history ends on 2004-12-31 (give "
        "--since on or before that date)\n");
  // Through June: points at 31 March and 30 June, nothing said.
  HistoryRequest june = request(HistoryStep::quarter);
  june.until = d("2004-06-30");
  said.clear();
  history = plan_history({{"plans/p.yaml", &checked}}, june, [&](const std::string& m) { said += m; });
  REQUIRE(history.points.size() == 2);
  CHECK(history.points[1].actual == doctest::Approx(50));
  CHECK(history.empty.empty());
  CHECK(said.empty());
}
