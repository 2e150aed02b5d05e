#include "bvplan/reports/history.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace bvplan;
using bvplan::test::d;

namespace {
std::vector<std::string> iso(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (Date x : dates) out.push_back(to_iso(x));
  return out;
}
}  // namespace

TEST_CASE("period_ends: quarters and months, with a final partial point") {
  CHECK(iso(period_ends(d("2004-02-10"), d("2004-09-30"), HistoryStep::quarter)) ==
        std::vector<std::string>{"2004-03-31", "2004-06-30", "2004-09-30"});
  CHECK(iso(period_ends(d("2004-02-10"), d("2004-08-15"), HistoryStep::quarter)) ==
        std::vector<std::string>{"2004-03-31", "2004-06-30", "2004-08-15"});
  CHECK(iso(period_ends(d("2004-01-31"), d("2004-03-31"), HistoryStep::month)) ==
        std::vector<std::string>{"2004-01-31", "2004-02-29", "2004-03-31"});
  CHECK(iso(period_ends(d("2004-05-05"), d("2004-05-20"), HistoryStep::month)) ==
        std::vector<std::string>{"2004-05-20"});
  CHECK(period_ends(d("2004-05-05"), d("2004-05-01"), HistoryStep::month).empty());
}

TEST_CASE("history_end: the plan's end or its last update, whichever is later, never after today") {
  const std::string action =
      "      - id: A1\n        title: A\n        lead: SPS\n        start: 2004-01-05\n"
      "        due: 2004-09-30\n        updates:\n";
  Plan ended = test::plan_from(
      test::one_issue_plan("", " {SPS: S}\n", action + "          - {date: 2004-06-30, complete: 55}\n"));
  CHECK(to_iso(history_end(ended, d("2026-11-30"))) == "2004-12-31");  // the plan's end, not today
  CHECK(to_iso(history_end(ended, d("2004-08-15"))) == "2004-08-15");  // never after today
  Plan late = test::plan_from(
      test::one_issue_plan("", " {SPS: S}\n", action + "          - {date: 2005-02-10, complete: 90}\n"));
  CHECK(to_iso(history_end(late, d("2026-11-30"))) == "2005-02-10");  // an update after the end
}

TEST_CASE("history_point: the latest update on or before the point's date") {
  Plan plan = test::plan_from(test::one_issue_plan(
      "", " {SPS: S}\n",
      "      - id: A1\n        title: A\n        lead: SPS\n        start: 2004-01-05\n        due: 2004-09-30\n"
      "        updates:\n          - {date: 2004-03-31, complete: 30}\n          - {date: 2004-06-30, complete: 55}\n"
      "      - id: A2\n        title: B\n        lead: SPS\n        start: 2004-01-05\n        due: 2004-09-30\n"
      "        updates:\n          - {date: 2004-05-15, complete: 10}\n"));
  auto at = [&](const char* date) { return history_point(compute_plan(plan, d(date), {d(date), d(date)}), "x"); };
  CHECK_FALSE(at("2004-03-30").last_update.has_value());
  CHECK(to_iso(*at("2004-04-30").last_update) == "2004-03-31");
  CHECK(to_iso(*at("2004-05-31").last_update) == "2004-05-15");
  CHECK(to_iso(*at("2004-12-31").last_update) == "2004-06-30");
  // An update after the point's date does not count: the actual is as it stood then.
  CHECK(*at("2004-05-31").actual == doctest::Approx(20));  // (30 + 10) / 2
}

TEST_CASE("period_ends and the quarter named in a year from April") {
  CHECK(iso(period_ends(d("2001-05-10"), d("2001-12-31"), HistoryStep::quarter, 4)) ==
        std::vector<std::string>{"2001-06-30", "2001-09-30", "2001-12-31"});
  // A year from May: its quarters end in July, October, January and April.
  CHECK(iso(period_ends(d("2001-05-10"), d("2002-01-31"), HistoryStep::quarter, 5)) ==
        std::vector<std::string>{"2001-07-31", "2001-10-31", "2002-01-31"});
  Plan plan;
  CHECK(financial_quarter_ending(plan, d("2001-12-31")).empty());  // calendar: named by date
  plan.year_start = 4;
  CHECK(financial_quarter_ending(plan, d("2001-12-31")) == "2001/02 Q3");
  CHECK(financial_quarter_ending(plan, d("2002-03-31")) == "2001/02 Q4");
  CHECK(financial_quarter_ending(plan, d("2001-12-30")).empty());  // a final partial point
}
