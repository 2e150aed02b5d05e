#include "bvplan/figures/compute.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include "bvplan/formats/render.hpp"
#include "bvplan/model/loader.hpp"

using namespace bvplan;
using bvplan::test::d;

// Every expected value here is worked out by hand from the FIGURES rules, not copied from
// the program's output. Day offsets in 2004 (a leap year) from 2004-01-01: Feb 1 = 31,
// Mar 1 = 60, Apr 1 = 91, May 1 = 121, Jun 1 = 152, Jul 1 = 182. The usual action runs
// from S = 2004-01-01 to D = 2004-04-10 (offset 100), so its straight-line target on day
// offset k is exactly k%.

namespace {

std::string iso(const std::optional<Date>& date) { return date ? to_iso(*date) : "none"; }

// A one-action plan; `extra` is appended to the action (indent 8), `plan_extra` to the
// plan mapping (indent 2).
std::string one_action(const std::string& start, const std::string& due, const std::string& extra = "",
                       const std::string& plan_extra = "") {
  return R"(bvplan: 1
plan:
  id: p1
  title: Tiny
  start: 2004-01-01
  end: 2004-12-31
)" + plan_extra +
         R"(owners:
  SPS: Strategic & Performance Services
issues:
  - id: KI1
    title: Issue
    actions:
      - id: A1
        title: Do it
        lead: SPS
        start: )" +
         start + "\n        due: " + due + "\n" + extra;
}

std::string usual(const std::string& extra = "", const std::string& plan_extra = "") {
  return one_action("2004-01-01", "2004-04-10", extra, plan_extra);
}

Plan load(const std::string& text) { return test::plan_from(text); }

ActionFigures figures(const Plan& plan, const char* as_of) {
  REQUIRE(!plan.issues.empty());
  REQUIRE(!plan.issues[0].actions.empty());
  return compute_action(plan.issues[0].actions[0], plan.issues[0], plan, d(as_of));
}

double target_at(const Plan& plan, const char* as_of) {
  double t = target_percent(plan.issues[0].actions[0], d(as_of));
  CHECK(figures(plan, as_of).target == t);
  return t;
}

// An update line for the action's `updates:` list.
std::string updates(std::initializer_list<std::string> lines) {
  std::string out = "        updates:\n";
  for (const std::string& l : lines) out += "          - " + l + "\n";
  return out;
}

}  // namespace

// --- target % ---------------------------------------------------------------------------

TEST_CASE("target without targets: 0 before S, linear between, 100 from D on") {
  Plan p = load(usual());
  CHECK(target_at(p, "2003-12-31") == 0);
  CHECK(target_at(p, "2004-01-01") == 0);   // T = S
  CHECK(target_at(p, "2004-01-11") == 10);  // 10 of 100 days
  CHECK(target_at(p, "2004-02-20") == 50);  // 50 of 100 days
  CHECK(target_at(p, "2004-04-09") == 99);
  CHECK(target_at(p, "2004-04-10") == 100);  // T = D
  CHECK(target_at(p, "2004-04-11") == 100);  // T = D + 1
  CHECK(target_at(p, "2005-06-01") == 100);

  Plan q = load(one_action("2004-01-01", "2004-01-04"));
  CHECK(target_at(q, "2004-01-02") == doctest::Approx(100.0 / 3));
  CHECK(target_at(q, "2004-01-03") == doctest::Approx(200.0 / 3));
}

TEST_CASE("target when start equals due: 0 before, 100 on and after") {
  Plan p = load(one_action("2004-03-01", "2004-03-01"));
  CHECK(target_at(p, "2004-02-29") == 0);
  CHECK(target_at(p, "2004-03-01") == 100);
  CHECK(target_at(p, "2004-03-02") == 100);
}

TEST_CASE("target with a targets curve: linear through (S,0), each point, (D,100)") {
  // Points (offset, %): (0, 0), (20, 40), (60, 60), (100, 100).
  Plan p = load(usual("        targets: {2004-03-01: 60, 2004-01-21: 40}\n"));
  CHECK(target_at(p, "2003-12-31") == 0);
  CHECK(target_at(p, "2004-01-01") == 0);
  CHECK(target_at(p, "2004-01-11") == 20);  // 0 + 40 x 10/20
  CHECK(target_at(p, "2004-01-21") == 40);  // on the point
  CHECK(target_at(p, "2004-02-10") == 50);  // 40 + 20 x 20/40
  CHECK(target_at(p, "2004-03-01") == 60);
  CHECK(target_at(p, "2004-03-21") == 80);  // 60 + 40 x 20/40
  CHECK(target_at(p, "2004-04-10") == 100);
  CHECK(target_at(p, "2004-04-11") == 100);
}

TEST_CASE("targets dated before S or after D are ignored") {
  // Points used: (0, 0), (50, 30), (100, 100); 2003-12-01: 50 and 2004-05-01: 20 ignored.
  Plan p = load(usual("        targets: {2003-12-01: 50, 2004-02-20: 30, 2004-05-01: 20}\n"));
  CHECK(target_at(p, "2003-12-15") == 0);
  CHECK(target_at(p, "2004-01-01") == 0);
  CHECK(target_at(p, "2004-01-26") == 15);  // 30 x 25/50
  CHECK(target_at(p, "2004-02-20") == 30);
  CHECK(target_at(p, "2004-03-16") == 65);  // 30 + 70 x 25/50
  CHECK(target_at(p, "2004-04-10") == 100);
  CHECK(target_at(p, "2004-04-11") == 100);
  CHECK(target_at(p, "2004-05-02") == 100);  // not 20
}

TEST_CASE("a target dated exactly S replaces the (S, 0) point") {
  // Points: (0, 20), (100, 100).
  Plan p = load(usual("        targets: {2004-01-01: 20}\n"));
  CHECK(target_at(p, "2004-01-01") == 20);
  CHECK(target_at(p, "2004-01-26") == 40);  // 20 + 80 x 25/100
  CHECK(target_at(p, "2004-02-20") == 60);  // 20 + 80 x 50/100
  CHECK(target_at(p, "2004-04-10") == 100);
}

TEST_CASE("a target dated exactly D replaces (D, 100) and holds after D") {
  // Points: (0, 0), (100, 90).
  Plan p = load(usual("        targets: {2004-04-10: 90}\n"));
  CHECK(target_at(p, "2004-01-01") == 0);
  CHECK(target_at(p, "2004-02-20") == 45);
  CHECK(target_at(p, "2004-04-10") == 90);
  CHECK(target_at(p, "2004-04-11") == 90);
  CHECK(target_at(p, "2004-12-31") == 90);
}

TEST_CASE("target_segment names where T falls on the curve") {
  Plan p = load(usual("        targets: {2004-03-01: 60, 2004-01-21: 40}\n"));
  const Action& a = p.issues[0].actions[0];
  TargetSegment s = target_segment(a, d("2004-02-10"));
  CHECK(s.where == TargetSegment::Where::between);
  CHECK(to_iso(s.from) == "2004-01-21");
  CHECK(s.from_percent == 40);
  CHECK(to_iso(s.to) == "2004-03-01");
  CHECK(s.to_percent == 60);
  CHECK(s.percent == 50);

  CHECK(target_segment(a, d("2003-12-31")).where == TargetSegment::Where::before_start);
  CHECK(target_segment(a, d("2003-12-31")).percent == 0);
  s = target_segment(a, d("2004-04-10"));
  CHECK(s.where == TargetSegment::Where::from_due);
  CHECK(s.percent == 100);

  Plan q = load(usual());
  s = target_segment(q.issues[0].actions[0], d("2004-01-11"));
  CHECK(s.where == TargetSegment::Where::between);
  CHECK(to_iso(s.from) == "2004-01-01");
  CHECK(s.from_percent == 0);
  CHECK(to_iso(s.to) == "2004-04-10");
  CHECK(s.to_percent == 100);
  CHECK(s.percent == 10);
}

// --- actual %, completed date, state ----------------------------------------------------

TEST_CASE("actual is the latest update on or before T; later updates are ignored") {
  Plan p = load(usual(updates(
      {"{date: 2004-01-11, complete: 10}", "{date: 2004-02-20, complete: 30}", "{date: 2004-03-01, complete: 100}"})));
  ActionFigures f = figures(p, "2004-01-10");
  CHECK(f.actual == 0);
  CHECK(f.latest == nullptr);
  CHECK(f.variance == -9);  // 0 - 9

  f = figures(p, "2004-01-11");
  CHECK(f.actual == 10);
  REQUIRE(f.latest);
  CHECK(to_iso(f.latest->date) == "2004-01-11");

  CHECK(figures(p, "2004-02-19").actual == 10);

  f = figures(p, "2004-02-20");  // the update dated 2004-03-01 is after T
  CHECK(f.actual == 30);
  CHECK(f.target == 50);
  CHECK(f.variance == -20);
  CHECK(f.state == State::in_progress);
  CHECK_FALSE(f.completed);
  REQUIRE(f.latest);
  CHECK(to_iso(f.latest->date) == "2004-02-20");
}

TEST_CASE("completed date is the first update on or before T at 100") {
  Plan p = load(usual(updates(
      {"{date: 2004-02-01, complete: 60}", "{date: 2004-03-01, complete: 100}", "{date: 2004-03-10, complete: 100}"})));
  ActionFigures f = figures(p, "2004-03-20");
  CHECK(f.state == State::complete);
  CHECK(f.rag == Rag::complete);
  CHECK(f.actual == 100);
  CHECK(iso(f.completed) == "2004-03-01");
  CHECK(f.days_late == 0);                 // completed before D
  CHECK(iso(f.forecast) == "2004-03-01");  // the completed date
  REQUIRE(f.forecast_slip);
  CHECK(*f.forecast_slip == -40);  // offset 60 - 100

  f = figures(p, "2004-02-29");
  CHECK(f.actual == 60);
  CHECK_FALSE(f.completed);
  CHECK(f.state == State::in_progress);
}

TEST_CASE("complete at exactly 100 on the due date and after it") {
  Plan on_due = load(usual(updates({"{date: 2004-04-10, complete: 100}"})));
  ActionFigures f = figures(on_due, "2004-04-10");
  CHECK(f.state == State::complete);
  CHECK(f.rag == Rag::complete);
  CHECK(f.days_late == 0);
  CHECK(iso(f.completed) == "2004-04-10");
  CHECK(iso(f.forecast) == "2004-04-10");
  REQUIRE(f.forecast_slip);
  CHECK(*f.forecast_slip == 0);
  f = figures(on_due, "2004-05-01");  // still complete, not overdue, long after D
  CHECK(f.state == State::complete);
  CHECK(f.days_late == 0);

  Plan late = load(usual(updates({"{date: 2004-04-01, complete: 90}", "{date: 2004-04-15, complete: 100}"})));
  f = figures(late, "2004-05-01");
  CHECK(f.state == State::complete);
  CHECK(f.rag == Rag::complete);
  CHECK(f.days_late == 5);
  CHECK(iso(f.completed) == "2004-04-15");
  CHECK(iso(f.forecast) == "2004-04-15");
  REQUIRE(f.forecast_slip);
  CHECK(*f.forecast_slip == 5);

  f = figures(late, "2004-04-14");  // before the 100: overdue by 4 days at 90%
  CHECK(f.state == State::overdue);
  CHECK(f.rag == Rag::red);
  CHECK(f.actual == 90);
  CHECK(f.target == 100);
  CHECK(f.days_late == 4);
  // S + ceil(104 x 100 / 90) = S + ceil(115.6) = S + 116 = 2004-04-26.
  CHECK(iso(f.forecast) == "2004-04-26");
  REQUIRE(f.forecast_slip);
  CHECK(*f.forecast_slip == 16);
}

TEST_CASE("completed: on an update of 100, the day the work finished, not the day it was reported") {
  // Finished on 20 April (offset 110), reported on 30 April: 10 days late, not 20.
  Plan p = load(
      usual(updates({"{date: 2004-02-01, complete: 60}", "{date: 2004-04-30, complete: 100, completed: 2004-04-20}"})));
  ActionFigures f = figures(p, "2004-05-01");
  CHECK(f.state == State::complete);
  CHECK(iso(f.completed) == "2004-04-20");
  CHECK(f.days_late == 10);
  CHECK(iso(f.forecast) == "2004-04-20");
  REQUIRE(f.forecast_slip);
  CHECK(*f.forecast_slip == 10);
  // Before the update that reports it, the work is not known to be finished: overdue since D.
  f = figures(p, "2004-04-25");
  CHECK(f.state == State::overdue);
  CHECK_FALSE(f.completed);
  CHECK(f.days_late == 15);

  // The same update without `completed`: its own date, 20 days late.
  Plan reported = load(usual(updates({"{date: 2004-02-01, complete: 60}", "{date: 2004-04-30, complete: 100}"})));
  f = figures(reported, "2004-05-01");
  CHECK(iso(f.completed) == "2004-04-30");
  CHECK(f.days_late == 20);
}

TEST_CASE("staff time: latest staff_days on or before T against effort_days, summed over counted actions") {
  Plan p = load(R"(bvplan: 1
plan: {id: p1, title: Tiny, start: 2004-01-01, end: 2004-12-31}
owners: {SPS: Strategic & Performance Services}
issues:
  - id: KI1
    title: Issue
    actions:
      - id: A1
        title: Planned and logged
        lead: SPS
        start: 2004-01-01
        due: 2004-04-10
        effort_days: 20
        updates:
          - {date: 2004-02-01, complete: 10, staff_days: 5}
          - {date: 2004-03-01, complete: 20}
          - {date: 2004-04-01, complete: 30, staff_days: 7.5}
      - id: A2
        title: Logged, no effort planned
        lead: SPS
        start: 2004-01-01
        due: 2004-04-10
        updates:
          - {date: 2004-02-01, complete: 10, staff_days: 4}
      - id: A3
        title: Deferred
        lead: SPS
        start: 2004-01-01
        due: 2004-04-10
        status: deferred
        effort_days: 10
        updates:
          - {date: 2004-02-01, complete: 10, staff_days: 3}
      - id: A4
        title: Nothing planned at all
        lead: SPS
        start: 2004-01-01
        due: 2004-04-10
        effort_days: 0
)");
  PlanFigures f = compute_plan(p, d("2004-03-20"), DateRange{d("2004-01-01"), d("2004-03-31")});
  REQUIRE(f.actions.size() == 4);
  // A1 at 20 March: the latest update giving staff_days is 1 February's 5 (1 March gives
  // none), so 5 of 20 = 25%. At 1 April: 7.5 of 20 = 37.5%.
  CHECK(f.actions[0].staff.days == 5);
  CHECK(f.actions[0].staff.effort == 20);
  CHECK(f.actions[0].staff.used == 25);
  CHECK(compute_action(p.issues[0].actions[0], p.issues[0], p, d("2004-04-01")).staff.used == 37.5);
  // Before any update: 0 days, 0% of the effort.
  CHECK(compute_action(p.issues[0].actions[0], p.issues[0], p, d("2004-01-15")).staff.days == 0);
  CHECK(compute_action(p.issues[0].actions[0], p.issues[0], p, d("2004-01-15")).staff.used == 0);
  // A2: 4 days, no effort, no percentage. A4: effort 0 gives no percentage either.
  CHECK(f.actions[1].staff.days == 4);
  CHECK_FALSE(f.actions[1].staff.effort);
  CHECK_FALSE(f.actions[1].staff.used);
  CHECK(f.actions[3].staff.effort == 0);
  CHECK_FALSE(f.actions[3].staff.used);
  CHECK(f.actions[3].staff.any());
  // A3 is deferred: its own figures stand, but it is left out of the totals.
  CHECK(f.actions[2].staff.days == 3);
  // Key issue and plan: days 5 + 4 + 0 = 9 over effort 20 + 0 = 20: 45%.
  CHECK(f.issues[0].staff.days == 9);
  CHECK(f.issues[0].staff.effort == 20);
  CHECK(f.issues[0].staff.used == 45);
  CHECK(f.staff.days == 9);
  CHECK(f.staff.used == 45);
}

TEST_CASE("state and RAG: not started, in progress, overdue at the edges") {
  Plan p = load(usual());
  ActionFigures f = figures(p, "2003-12-31");  // T < S, actual 0
  CHECK(f.state == State::not_started);
  CHECK(f.rag == Rag::none);
  CHECK(f.days_late == 0);
  CHECK_FALSE(f.forecast);
  CHECK_FALSE(f.forecast_slip);

  f = figures(p, "2004-01-01");  // T = S: in progress with target 0 -> green
  CHECK(f.state == State::in_progress);
  CHECK(f.target == 0);
  CHECK(f.rag == Rag::green);
  CHECK_FALSE(f.forecast);

  f = figures(p, "2004-04-10");  // T = D, actual 0: in progress, ratio 0 -> red
  CHECK(f.state == State::in_progress);
  CHECK(f.rag == Rag::red);
  CHECK(f.days_late == 0);
  CHECK(f.variance == -100);

  f = figures(p, "2004-04-11");  // T = D + 1
  CHECK(f.state == State::overdue);
  CHECK(f.rag == Rag::red);
  CHECK(f.days_late == 1);
  CHECK_FALSE(f.forecast);  // actual 0

  CHECK(figures(p, "2004-05-01").days_late == 21);

  // Progress recorded before the start: T < S but actual > 0, so in progress, target 0.
  Plan early = load(usual(updates({"{date: 2003-12-20, complete: 5}"})));
  f = figures(early, "2003-12-31");
  CHECK(f.state == State::in_progress);
  CHECK(f.target == 0);
  CHECK(f.actual == 5);
  CHECK(f.variance == 5);
  CHECK(f.rag == Rag::green);
  CHECK_FALSE(f.forecast);  // T is not after S
}

TEST_CASE("state when start equals due: before, on and after") {
  Plan p = load(one_action("2004-03-01", "2004-03-01"));
  ActionFigures f = figures(p, "2004-02-29");
  CHECK(f.state == State::not_started);
  CHECK(f.rag == Rag::none);
  CHECK(f.target == 0);

  f = figures(p, "2004-03-01");
  CHECK(f.state == State::in_progress);
  CHECK(f.target == 100);
  CHECK(f.rag == Rag::red);
  CHECK(f.days_late == 0);

  f = figures(p, "2004-03-02");
  CHECK(f.state == State::overdue);
  CHECK(f.rag == Rag::red);
  CHECK(f.days_late == 1);

  Plan done = load(one_action("2004-03-01", "2004-03-01", updates({"{date: 2004-03-01, complete: 100}"})));
  f = figures(done, "2004-03-01");
  CHECK(f.state == State::complete);
  CHECK(f.days_late == 0);
  CHECK(iso(f.forecast) == "2004-03-01");

  Plan half = load(one_action("2004-03-01", "2004-03-01", updates({"{date: 2004-03-01, complete: 50}"})));
  f = figures(half, "2004-03-01");
  CHECK(f.state == State::in_progress);
  CHECK_FALSE(f.forecast);  // T = S: no rate yet
  f = figures(half, "2004-03-03");
  CHECK(f.state == State::overdue);
  CHECK(f.days_late == 2);
  // S + ceil(2 x 100 / 50) = S + 4 = 2004-03-05.
  CHECK(iso(f.forecast) == "2004-03-05");
  REQUIRE(f.forecast_slip);
  CHECK(*f.forecast_slip == 4);
}

TEST_CASE("deferred and cancelled come from status, whatever the progress") {
  for (const char* status : {"deferred", "cancelled"}) {
    CAPTURE(status);
    Plan p =
        load(usual(std::string("        status: ") + status + "\n" + updates({"{date: 2004-02-01, complete: 100}"})));
    ActionFigures f = figures(p, "2004-05-01");
    CHECK(f.state == (std::string(status) == "deferred" ? State::deferred : State::cancelled));
    CHECK(f.rag == Rag::none);
    CHECK(f.days_late == 0);
    CHECK_FALSE(f.forecast);

    Plan q = load(usual(std::string("        status: ") + status + "\n"));
    f = figures(q, "2004-05-01");  // past D with nothing done: still not overdue
    CHECK(f.state == (std::string(status) == "deferred" ? State::deferred : State::cancelled));
    CHECK(f.rag == Rag::none);
    CHECK(f.days_late == 0);
  }
}

// --- RAG thresholds ---------------------------------------------------------------------

TEST_CASE("RAG ratio exactly at the green and amber thresholds (default 90/70)") {
  // T = 2004-02-20: target 50.
  auto at = [](const char* complete) {
    Plan p = load(usual(updates({std::string("{date: 2004-02-01, complete: ") + complete + "}"})));
    ActionFigures f = figures(p, "2004-02-20");
    CHECK(f.target == 50);
    CHECK(f.state == State::in_progress);
    return std::pair{f.rag, f.variance};
  };
  CHECK(at("60").first == Rag::green);  // ratio 120
  CHECK(at("50").first == Rag::green);  // 100
  CHECK(at("45").first == Rag::green);  // 90
  CHECK(at("45").second == -5);
  CHECK(at("44.5").first == Rag::amber);  // 89
  CHECK(at("35").first == Rag::amber);    // 70
  CHECK(at("34.5").first == Rag::red);    // 69
  CHECK(at("34.5").second == -15.5);
  CHECK(at("0.5").first == Rag::red);
}

TEST_CASE("RAG uses the plan's own thresholds") {
  auto at = [](const char* complete) {
    Plan p = load(usual(updates({std::string("{date: 2004-02-01, complete: ") + complete + "}"}),
                        "  rag:\n    green: 80\n    amber: 60\n"));
    CHECK(p.rag.green == 80);
    CHECK(p.rag.amber == 60);
    return figures(p, "2004-02-20").rag;
  };
  CHECK(at("40") == Rag::green);    // ratio 80
  CHECK(at("39.5") == Rag::amber);  // 79
  CHECK(at("30") == Rag::amber);    // 60
  CHECK(at("29.5") == Rag::red);    // 59
}

TEST_CASE("rag_for_ratio") {
  RagThresholds t;
  CHECK(rag_for_ratio(45, 50, t) == Rag::green);
  CHECK(rag_for_ratio(44.5, 50, t) == Rag::amber);
  CHECK(rag_for_ratio(35, 50, t) == Rag::amber);
  CHECK(rag_for_ratio(34.5, 50, t) == Rag::red);
  CHECK(rag_for_ratio(70, 70, t) == Rag::green);
  CHECK(rag_for_ratio(9, 10, t) == Rag::green);  // exactly 90
  CHECK(rag_for_ratio(7, 10, t) == Rag::amber);  // exactly 70
  RagThresholds strict{95, 80};
  CHECK(rag_for_ratio(45, 50, strict) == Rag::amber);
  CHECK(rag_for_ratio(40, 50, strict) == Rag::amber);
  CHECK(rag_for_ratio(39.5, 50, strict) == Rag::red);
}

// --- forecast ---------------------------------------------------------------------------

TEST_CASE("forecast: S + ceil((T - S) x 100 / actual) days") {
  auto at = [](const char* update, const char* as_of) {
    Plan p = load(usual(updates({update})));
    ActionFigures f = figures(p, as_of);
    return std::pair{iso(f.forecast), f.forecast_slip};
  };
  // ceil(10 x 100 / 30) = ceil(33.3) = 34 -> 2004-02-04; slip 34 - 100.
  auto r = at("{date: 2004-01-11, complete: 30}", "2004-01-11");
  CHECK(r.first == "2004-02-04");
  CHECK(r.second == -66);
  // 50 x 100 / 50 = 100 exactly: no rounding up -> D.
  r = at("{date: 2004-02-20, complete: 50}", "2004-02-20");
  CHECK(r.first == "2004-04-10");
  CHECK(r.second == 0);
  // ceil(50 x 100 / 45) = ceil(111.1) = 112 -> 2004-04-22.
  r = at("{date: 2004-02-01, complete: 45}", "2004-02-20");
  CHECK(r.first == "2004-04-22");
  CHECK(r.second == 12);
  // 10 x 100 / 25 = 40 exactly -> 2004-02-10.
  r = at("{date: 2004-01-05, complete: 25}", "2004-01-11");
  CHECK(r.first == "2004-02-10");
  CHECK(r.second == -60);
  // Overdue with progress: T = D + 1 (101 days), actual 50 -> S + 202 = 2004-07-21.
  r = at("{date: 2004-03-01, complete: 50}", "2004-04-11");
  CHECK(r.first == "2004-07-21");
  CHECK(r.second == 102);
  // T = S: no forecast even with progress.
  r = at("{date: 2004-01-01, complete: 10}", "2004-01-01");
  CHECK(r.first == "none");
  CHECK_FALSE(r.second);
  // Actual 0: none.
  r = at("{date: 2004-01-05, complete: 0}", "2004-02-20");
  CHECK(r.first == "none");
  CHECK_FALSE(r.second);
}

// --- money ------------------------------------------------------------------------------

TEST_CASE("spent and savings are the latest recorded on or before T") {
  Plan p = load(usual("        budget: 1200\n" +
                      updates({"{date: 2004-01-11, complete: 10, spent: 100, savings: 5}",
                               "{date: 2004-02-01, complete: 20, spent: 300}", "{date: 2004-03-01, complete: 40}",
                               "{date: 2004-05-01, complete: 60, spent: 900, savings: 50}"})));
  ActionFigures f = figures(p, "2004-01-05");
  CHECK_FALSE(f.spent);
  CHECK_FALSE(f.savings_delivered);
  CHECK_FALSE(f.budget_used);

  f = figures(p, "2004-01-11");
  REQUIRE(f.spent);
  CHECK(*f.spent == 100);
  REQUIRE(f.savings_delivered);
  CHECK(*f.savings_delivered == 5);
  REQUIRE(f.budget_used);
  CHECK(*f.budget_used == doctest::Approx(100.0 * 100 / 1200));

  f = figures(p, "2004-03-05");  // the 2004-03-01 update records neither
  REQUIRE(f.spent);
  CHECK(*f.spent == 300);
  REQUIRE(f.savings_delivered);
  CHECK(*f.savings_delivered == 5);
  REQUIRE(f.budget_used);
  CHECK(*f.budget_used == 25);
  REQUIRE(f.latest);
  CHECK(to_iso(f.latest->date) == "2004-03-01");
  CHECK(f.actual == 40);

  f = figures(p, "2004-04-30");  // the 2004-05-01 update is after T
  CHECK(*f.spent == 300);
  CHECK(*f.savings_delivered == 5);

  f = figures(p, "2004-05-01");
  CHECK(*f.spent == 900);
  CHECK(*f.savings_delivered == 50);
  REQUIRE(f.budget_used);
  CHECK(*f.budget_used == 75);

  Plan q = load(usual(updates({"{date: 2004-01-11, complete: 10, spent: 100}"})));
  f = figures(q, "2004-02-01");
  REQUIRE(f.spent);
  CHECK(*f.spent == 100);
  CHECK_FALSE(f.budget_used);  // no budget
}

// --- milestones -------------------------------------------------------------------------

TEST_CASE("milestones: done, overdue, pending") {
  Plan p = load(usual(R"(        milestones:
          - {id: M1, title: Early, due: 2004-03-01, done: 2004-02-27}
          - {id: M2, title: Late, due: 2004-03-01, done: 2004-03-04}
          - {id: M3, title: Open, due: 2004-03-01}
)"));
  auto at = [&](const char* as_of) {
    PlanFigures f = compute_plan(p, d(as_of), DateRange{d("2004-01-01"), d(as_of)});
    REQUIRE(f.milestones.size() == 3);
    CHECK(f.milestones[0].milestone->id == "M1");
    CHECK(f.milestones[1].milestone->id == "M2");
    CHECK(f.milestones[2].milestone->id == "M3");
    CHECK(f.milestones[0].action->id == "A1");
    return f.milestones;
  };
  auto m = at("2004-02-27");  // done on T counts as done
  CHECK(m[0].state == MilestoneState::done);
  CHECK(m[0].days_late == 0);
  CHECK(m[1].state == MilestoneState::pending);
  CHECK(m[2].state == MilestoneState::pending);

  m = at("2004-03-01");  // T = due: not yet overdue
  CHECK(m[0].state == MilestoneState::done);
  CHECK(m[1].state == MilestoneState::pending);
  CHECK(m[1].days_late == 0);
  CHECK(m[2].state == MilestoneState::pending);

  m = at("2004-03-02");
  CHECK(m[1].state == MilestoneState::overdue);
  CHECK(m[1].days_late == 1);
  CHECK(m[2].state == MilestoneState::overdue);
  CHECK(m[2].days_late == 1);

  m = at("2004-03-03");  // M2 is done after T: overdue
  CHECK(m[1].state == MilestoneState::overdue);
  CHECK(m[1].days_late == 2);

  m = at("2004-03-10");
  CHECK(m[0].state == MilestoneState::done);
  CHECK(m[0].days_late == 0);
  CHECK(m[1].state == MilestoneState::done);
  CHECK(m[1].days_late == 3);
  CHECK(m[2].state == MilestoneState::overdue);
  CHECK(m[2].days_late == 9);
}

// --- roll-up ----------------------------------------------------------------------------

namespace {

// A1 (weight 1) and A2 (weight 3) in KI1; A3, deferred, alone in KI2.
std::string rollup_text(const std::string& plan_extra = "") {
  return R"(bvplan: 1
plan:
  id: roll
  title: Roll-up
  start: 2004-01-01
  end: 2004-12-31
)" + plan_extra +
         R"(owners:
  SPS: Strategic & Performance Services
issues:
  - id: KI1
    title: One
    actions:
      - id: A1
        title: First
        lead: SPS
        start: 2004-01-01
        due: 2004-04-10
        budget: 1000
        savings_target: 100
        updates:
          - {date: 2004-02-01, complete: 40, spent: 200, savings: 10}
      - id: A2
        title: Second
        lead: SPS
        weight: 3
        start: 2004-01-01
        due: 2004-07-19
        budget: 3000
        savings_target: 300
        updates:
          - {date: 2004-02-01, complete: 20, spent: 600, savings: 30}
  - id: KI2
    title: Two
    actions:
      - id: A3
        title: Third
        lead: SPS
        start: 2004-01-01
        due: 2004-03-01
        status: deferred
        updates:
          - {date: 2004-02-01, complete: 90}
)";
}

}  // namespace

TEST_CASE("roll-up: weighted means over actions not deferred or cancelled") {
  Plan p = load(rollup_text());
  PlanFigures f = compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")});
  REQUIRE(f.actions.size() == 3);
  CHECK(f.actions[0].action->id == "A1");
  CHECK(f.actions[2].action->id == "A3");
  CHECK(f.actions[2].issue->id == "KI2");
  // A1: target 50, actual 40 (ratio 80, amber). A2: 200-day action at day 50, target 25,
  // actual 20 (ratio 80, amber).
  CHECK(f.actions[0].target == 50);
  CHECK(f.actions[0].rag == Rag::amber);
  CHECK(f.actions[1].target == 25);
  CHECK(f.actions[1].rag == Rag::amber);
  CHECK(f.actions[2].state == State::deferred);

  // KI1: target (50 + 3 x 25) / 4 = 31.25, actual (40 + 3 x 20) / 4 = 25, ratio 80.
  REQUIRE(f.issues.size() == 2);
  CHECK(f.issues[0].issue->id == "KI1");
  CHECK(f.issues[0].target == 31.25);
  CHECK(f.issues[0].actual == 25);
  CHECK(f.issues[0].rag == Rag::amber);
  // KI2 has only a deferred action: weights sum to nothing, so there is no figure at all.
  CHECK_FALSE(f.issues[1].target.has_value());
  CHECK_FALSE(f.issues[1].actual.has_value());
  CHECK(f.issues[1].rag == Rag::none);

  CHECK(f.target == 31.25);
  CHECK(f.actual == 25);
  CHECK(f.rag == Rag::amber);
  CHECK(f.counts.green == 0);
  CHECK(f.counts.amber == 2);
  CHECK(f.counts.red == 0);
  CHECK(f.counts.complete == 0);
  CHECK(f.counts.none == 1);

  // No plan budget: the sum of action budgets. Spent: the sum of actions' spent.
  REQUIRE(f.budget);
  CHECK(*f.budget == 4000);
  CHECK(f.spent == 800);
  REQUIRE(f.budget_used);
  CHECK(*f.budget_used == 20);
  REQUIRE(f.savings_target);
  CHECK(*f.savings_target == 400);
  CHECK(f.savings_delivered == 40);
}

TEST_CASE("roll-up: the plan's own budget and savings target win") {
  Plan p = load(rollup_text("  budget: 10000\n  savings_target: 5000\n"));
  PlanFigures f = compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")});
  REQUIRE(f.budget);
  CHECK(*f.budget == 10000);
  CHECK(f.spent == 800);
  REQUIRE(f.budget_used);
  CHECK(*f.budget_used == 8);
  REQUIRE(f.savings_target);
  CHECK(*f.savings_target == 5000);
}

TEST_CASE("roll-up: all actions deferred gives no target, no actual and no RAG; nothing started gives 0, 0") {
  Plan p = load(usual("        status: deferred\n" + updates({"{date: 2004-02-01, complete: 50}"})));
  PlanFigures f = compute_plan(p, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")});
  // Nothing to measure is not "nothing done": no figures rather than 0% and 0%.
  CHECK_FALSE(f.target.has_value());
  CHECK_FALSE(f.actual.has_value());
  CHECK(f.rag == Rag::none);
  REQUIRE(f.issues.size() == 1);
  CHECK_FALSE(f.issues[0].target.has_value());
  CHECK_FALSE(f.issues[0].actual.has_value());
  CHECK(f.issues[0].rag == Rag::none);
  CHECK_FALSE(compute_portfolio({f}).target.has_value());
  CHECK_FALSE(compute_portfolio({f}).actual.has_value());

  // Cancelled counts the same way; and against an earlier version with figures, the
  // direction of travel is unrated, not a spurious "improved".
  Plan c = load(usual("        status: cancelled\n"));
  PlanFigures fc = compute_plan(c, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")});
  CHECK_FALSE(fc.target.has_value());
  Plan live = load(usual(updates({"{date: 2004-02-01, complete: 10}"})));
  PlanFigures earlier = compute_plan(live, d("2004-02-20"), DateRange{d("2004-01-01"), d("2004-03-31")});
  apply_comparison(fc, earlier);
  REQUIRE(fc.direction);
  CHECK(*fc.direction == Direction::unrated);
  apply_comparison(earlier, fc);
  CHECK(*earlier.direction == Direction::unrated);

  Plan q = load(rollup_text());
  f = compute_plan(q, d("2003-12-31"), DateRange{d("2003-10-01"), d("2003-12-31")});
  CHECK(f.target == 0);
  CHECK(f.actual == 0);
  CHECK(f.rag == Rag::none);
  CHECK(f.counts.none == 3);
}

namespace {

// A1 in KI1 completes on its due date; A2 in KI2 runs to the plan's end at 95%.
std::string end_text(const std::string& a2_extra = "") {
  return R"(bvplan: 1
plan:
  id: end
  title: End
  start: 2004-01-01
  end: 2004-12-31
owners:
  SPS: Strategic & Performance Services
issues:
  - id: KI1
    title: One
    actions:
      - id: A1
        title: First
        lead: SPS
        start: 2004-01-01
        due: 2004-04-10
        updates:
          - {date: 2004-04-10, complete: 100}
  - id: KI2
    title: Two
    actions:
      - id: A2
        title: Second
        lead: SPS
        start: 2004-01-01
        due: 2004-12-31
        updates:
          - {date: 2004-12-01, complete: 95}
)" + a2_extra;
}

}  // namespace

TEST_CASE("roll-up: red once T is past the plan's end and actual is under 100") {
  Plan p = load(end_text());
  PlanFigures f = compute_plan(p, d("2004-12-31"), DateRange{d("2004-10-01"), d("2004-12-31")});
  // On the plan's last day: target 100, actual (100 + 95) / 2 = 97.5, ratio 97.5 -> green.
  CHECK(f.target == 100);
  CHECK(f.actual == 97.5);
  CHECK(f.rag == Rag::green);
  REQUIRE(f.issues.size() == 2);
  CHECK(f.issues[0].rag == Rag::complete);
  CHECK(f.issues[1].rag == Rag::green);
  CHECK(f.actions[1].state == State::in_progress);

  f = compute_plan(p, d("2005-01-01"), DateRange{d("2004-10-01"), d("2005-01-01")});
  CHECK(f.target == 100);
  CHECK(f.actual == 97.5);
  CHECK(f.rag == Rag::red);
  CHECK(f.issues[0].rag == Rag::complete);
  CHECK(f.issues[1].rag == Rag::red);
  CHECK(f.actions[1].state == State::overdue);
  CHECK(f.actions[1].days_late == 1);
  CHECK(f.counts.complete == 1);
  CHECK(f.counts.red == 1);

  Plan q = load(end_text("          - {date: 2004-12-20, complete: 100}\n"));
  f = compute_plan(q, d("2005-01-01"), DateRange{d("2004-10-01"), d("2005-01-01")});
  CHECK(f.actual == 100);
  CHECK(f.rag == Rag::complete);
  CHECK(f.issues[1].rag == Rag::complete);
}

// --- rounding, periods, windows ---------------------------------------------------------

TEST_CASE("cadence_window: the shortest cadence ending at T") {
  auto window = [](int months, const char* as_of) {
    DateRange w = cadence_window(Cadence{months}, d(as_of));
    return to_iso(w.start) + ".." + to_iso(w.end);
  };
  CHECK(window(3, "2004-06-30") == "2004-04-01..2004-06-30");
  CHECK(window(6, "2004-06-30") == "2004-01-01..2004-06-30");
  CHECK(window(3, "2004-05-15") == "2004-02-16..2004-05-15");
}

TEST_CASE("baseline and direction of travel") {
  const char* text = R"(bvplan: 1
plan: {id: p, title: P, start: 2004-01-01, end: 2004-12-31}
owners: {SPS: S}
issues:
  - id: KI1
    title: One
    actions:
      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-12-31, updates: [{date: 2004-06-30, complete: 40}]}
      - {id: A2, title: b, lead: SPS, start: 2004-01-01, due: 2004-12-31}
)";
  const char* earlier_text = R"(bvplan: 1
plan: {id: p, title: P, start: 2004-01-01, end: 2004-12-31}
owners: {SPS: S}
issues:
  - id: KI1
    title: One
    actions:
      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-10-31, updates: [{date: 2004-03-31, complete: 30}]}
)";
  Plan now = test::plan_from(text), then = test::plan_from(earlier_text);
  DateRange w{*parse_date("2004-04-01"), *parse_date("2004-06-30")};
  PlanFigures figures = compute_plan(now, *parse_date("2004-06-30"), w);
  apply_baseline(figures, then);
  CHECK(to_iso(*figures.actions[0].baseline_due) == "2004-10-31");
  CHECK(*figures.actions[0].baseline_slip == 61);
  CHECK_FALSE(figures.actions[1].baseline_due);

  // At 31 March A1 was 30% of a 24.8% target (ratio 121%); now 40% of 49.6% (81%): worse.
  PlanFigures earlier = compute_plan(then, *parse_date("2004-03-31"), w);
  apply_comparison(figures, earlier);
  CHECK(*figures.actions[0].direction == Direction::worse);
  CHECK(*figures.actions[1].direction == Direction::added);
  CHECK(*figures.direction == Direction::worse);
  CHECK(performance_ratio(10, 0) == 100);
  CHECK(performance_ratio(45, 50) == 90);
}

TEST_CASE("compute_portfolio: weighted over every counted action of every plan") {
  // Plan one: A1 (weight 1) at 50% of a 50% target; A2 deferred (not counted).
  Plan one = load(R"(bvplan: 1
plan: {id: one, title: One, start: 2004-01-01, end: 2004-12-31}
owners: {SPS: S}
issues:
  - id: KI1
    title: I
    actions:
      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-04-10, updates: [{date: 2004-02-20, complete: 50}]}
      - {id: A2, title: b, lead: SPS, start: 2004-01-01, due: 2004-04-10, status: deferred}
)");
  // Plan two: B1 (weight 3) complete.
  Plan two = load(R"(bvplan: 1
plan: {id: two, title: Two, start: 2004-01-01, end: 2004-12-31}
owners: {SPS: S}
issues:
  - id: KI1
    title: I
    actions:
      - {id: B1, title: a, lead: SPS, start: 2004-01-01, due: 2004-02-01, weight: 3, updates: [{date: 2004-02-01, complete: 100}]}
)");
  DateRange w{d("2004-01-01"), d("2004-02-20")};
  std::vector<PlanFigures> plans{compute_plan(one, d("2004-02-20"), w), compute_plan(two, d("2004-02-20"), w)};
  PortfolioFigures total = compute_portfolio(plans);
  CHECK(total.target == doctest::Approx((1 * 50.0 + 3 * 100.0) / 4));  // 87.5
  CHECK(total.actual == doctest::Approx((1 * 50.0 + 3 * 100.0) / 4));
  CHECK(total.plans.green == 1);
  CHECK(total.plans.complete == 1);
  CHECK(total.actions.green == 1);
  CHECK(total.actions.complete == 1);
  CHECK(total.actions.none == 1);  // the deferred action
}

TEST_CASE("a forecast past 9999-12-31 is flagged, not dropped as if there were none") {
  // 1% after 90 days: S + ceil(90 x 100 / 1) = S + 9000 days = 2028-01-01 (24 years, 6 of
  // them leap: 8766 days) + 234 days = 2028-08-22: a date.
  Plan soon = load(usual(updates({"{date: 2004-03-31, complete: 1}"})));
  ActionFigures f = figures(soon, "2004-03-31");
  CHECK(iso(f.forecast) == "2028-08-22");
  CHECK_FALSE(f.forecast_after_latest);
  // 0.000001% after 90 days: S + 9,000,000,000 days, long after 9999.
  Plan never = load(usual(updates({"{date: 2004-03-31, complete: 0.000001}"})));
  f = figures(never, "2004-03-31");
  CHECK_FALSE(f.forecast);
  CHECK_FALSE(f.forecast_slip);
  CHECK(f.forecast_after_latest);
  CHECK(render_explain({compute_plan(never, d("2004-03-31"), DateRange{d("2004-01-01"), d("2004-03-31")})}, "A1")
            ->find("  forecast: after 9999-12-31 (S + ceil(90 x 100 / ") != std::string::npos);
}

TEST_CASE("the reporting window never starts before 0000-01-01") {
  DateRange w = cadence_window(Cadence{3}, d("0000-01-15"));
  CHECK(to_iso(w.start) == "0000-01-01");
  CHECK(to_iso(w.end) == "0000-01-15");
  CHECK(to_iso(cadence_window(Cadence{3}, d("0000-06-30")).start) == "0000-04-01");
}
