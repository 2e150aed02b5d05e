#include "bvplan/figures/compute.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "bvplan/rules/validate.hpp"

namespace bvplan {

const char* to_string(State state) {
  switch (state) {
    case State::not_started: return "not-started";
    case State::in_progress: return "in-progress";
    case State::overdue: return "overdue";
    case State::complete: return "complete";
    case State::deferred: return "deferred";
    case State::cancelled: return "cancelled";
  }
  return "not-started";
}

const char* to_string(Rag rag) {
  switch (rag) {
    case Rag::none: return "none";
    case Rag::green: return "green";
    case Rag::amber: return "amber";
    case Rag::red: return "red";
    case Rag::complete: return "complete";
  }
  return "none";
}

const char* to_string(Direction direction) {
  switch (direction) {
    case Direction::improved: return "improved";
    case Direction::same: return "same";
    case Direction::worse: return "worse";
    case Direction::added: return "new";
    case Direction::unrated: return "none";
  }
  return "same";
}

double performance_ratio(double actual, double target) { return target > 0 ? 100 * actual / target : 100; }

namespace {

Direction direction_between(double now_ratio, double then_ratio) {
  double now = round_percent(now_ratio, 0), then = round_percent(then_ratio, 0);
  return now > then ? Direction::improved : now < then ? Direction::worse : Direction::same;
}

}  // namespace

void apply_baseline(PlanFigures& figures, const Plan& baseline) {
  std::map<std::string, Date> due;
  for (const KeyIssue& issue : baseline.issues)
    for (const Action& action : issue.actions) due.emplace(action.id, action.due);
  for (ActionFigures& a : figures.actions) {
    auto it = due.find(a.action->id);
    if (it == due.end()) continue;
    a.baseline_due = it->second;
    a.baseline_slip = a.action->due.days_since(it->second);
  }
}

void apply_comparison(PlanFigures& figures, const PlanFigures& earlier) {
  std::map<std::string, const ActionFigures*> before;
  for (const ActionFigures& a : earlier.actions) before.emplace(a.action->id, &a);
  for (ActionFigures& a : figures.actions) {
    auto it = before.find(a.action->id);
    a.direction = it == before.end() ? Direction::added
                                     : direction_between(performance_ratio(a.actual, a.target),
                                                         performance_ratio(it->second->actual, it->second->target));
  }
  // Without figures on either side (every action deferred or cancelled) there is no ratio
  // to compare: unrated, not a spurious "improved" from an empty 0% of 0%.
  figures.direction = figures.target && earlier.target
                          ? direction_between(performance_ratio(*figures.actual, *figures.target),
                                              performance_ratio(*earlier.actual, *earlier.target))
                          : Direction::unrated;
}

const char* to_string(MilestoneState state) {
  switch (state) {
    case MilestoneState::pending: return "pending";
    case MilestoneState::done: return "done";
    case MilestoneState::overdue: return "overdue";
  }
  return "pending";
}

TargetSegment target_segment(const Action& action, Date as_of) {
  TargetSegment seg;
  Date start = action.start, due = action.due;
  if (as_of < start) {
    seg.where = TargetSegment::Where::before_start;
    seg.from = seg.to = start;
    return seg;
  }
  // Points: (S, 0), targets strictly inside (S, D) in date order, (D, 100); an explicit
  // target dated S or D replaces that end's value. Targets outside S..D are ignored.
  struct Point {
    Date date;
    double percent;
  };
  std::vector<Point> points{{start, 0}};
  double at_due = 100;
  for (const TargetPoint& t : action.targets) {
    if (t.date == start)
      points.front().percent = t.percent;
    else if (t.date > start && t.date < due)
      points.push_back({t.date, t.percent});
    else if (t.date == due)
      at_due = t.percent;
  }
  points.push_back({due, at_due});
  if (as_of >= due) {
    seg.where = TargetSegment::Where::from_due;
    seg.from = seg.to = due;
    seg.from_percent = seg.to_percent = seg.percent = at_due;
    return seg;
  }
  seg.where = TargetSegment::Where::between;
  for (size_t i = 1; i < points.size(); ++i) {
    if (as_of <= points[i].date) {
      const Point& a = points[i - 1];
      const Point& b = points[i];
      seg.from = a.date;
      seg.from_percent = a.percent;
      seg.to = b.date;
      seg.to_percent = b.percent;
      double span = static_cast<double>(b.date.days_since(a.date));
      seg.percent = span <= 0
                        ? b.percent
                        : a.percent + (b.percent - a.percent) * static_cast<double>(as_of.days_since(a.date)) / span;
      return seg;
    }
  }
  return seg;  // not reached: as_of < due, the last point
}

double target_percent(const Action& action, Date as_of) { return target_segment(action, as_of).percent; }

Rag rag_for_ratio(double actual, double target, const RagThresholds& thresholds) {
  if (target <= 0) return Rag::green;
  double ratio = performance_ratio(actual, target);
  if (ratio >= thresholds.green) return Rag::green;
  if (ratio >= thresholds.amber) return Rag::amber;
  return Rag::red;
}

namespace {

// The latest value of an optional cumulative field on or before `as_of`.
std::optional<double> latest_value(const Action& action, Date as_of, std::optional<double> Update::*field) {
  const Update* best = nullptr;
  for (const Update& u : action.updates)
    if (u.date <= as_of && (u.*field).has_value() && (!best || u.date >= best->date)) best = &u;
  return best ? best->*field : std::nullopt;
}

}  // namespace

ActionFigures compute_action(const Action& action, const KeyIssue& issue, const Plan& plan, Date as_of) {
  ActionFigures f;
  f.action = &action;
  f.issue = &issue;
  f.target = target_percent(action, as_of);
  f.latest = latest_update(action, as_of);
  f.actual = f.latest ? f.latest->complete : 0;
  f.variance = f.actual - f.target;
  // Finished on the first update reporting 100%: on its `completed` date, else its own.
  for (const Update& u : action.updates)
    if (u.date <= as_of && u.complete >= 100) {
      Date finished = u.completed.value_or(u.date);
      if (!f.completed || finished < *f.completed) f.completed = finished;
    }

  if (action.status == ActionStatus::deferred)
    f.state = State::deferred;
  else if (action.status == ActionStatus::cancelled)
    f.state = State::cancelled;
  else if (f.actual >= 100)
    f.state = State::complete;
  else if (as_of < action.start && f.actual == 0)
    f.state = State::not_started;
  else if (as_of > action.due)
    f.state = State::overdue;
  else
    f.state = State::in_progress;

  switch (f.state) {
    case State::complete: f.rag = Rag::complete; break;
    case State::deferred:
    case State::cancelled:
    case State::not_started: f.rag = Rag::none; break;
    case State::overdue: f.rag = Rag::red; break;
    case State::in_progress: f.rag = rag_for_ratio(f.actual, f.target, plan.rag); break;
  }

  if (f.state == State::overdue)
    f.days_late = as_of.days_since(action.due);
  else if (f.state == State::complete && f.completed)
    f.days_late = std::max(0L, f.completed->days_since(action.due));

  if (f.state == State::complete && f.completed) {
    f.forecast = f.completed;
  } else if ((f.state == State::in_progress || f.state == State::overdue) && f.actual > 0 && as_of > action.start) {
    double elapsed = static_cast<double>(as_of.days_since(action.start));
    double days = std::ceil(elapsed * 100 / f.actual - 1e-9);
    // At a pace that would finish after 9999 there is no date to write: say so instead.
    if (days <= static_cast<double>(Date::latest().days_since(action.start)))
      f.forecast = action.start.plus_days(static_cast<long>(days));
    else
      f.forecast_after_latest = true;
  }
  if (f.forecast) f.forecast_slip = f.forecast->days_since(action.due);

  f.spent = latest_value(action, as_of, &Update::spent);
  f.savings_delivered = latest_value(action, as_of, &Update::savings);
  if (f.spent && action.budget && *action.budget > 0) f.budget_used = 100 * *f.spent / *action.budget;
  f.staff = staff_time(latest_value(action, as_of, &Update::staff_days).value_or(0), action.effort_days);
  return f;
}

StaffTime staff_time(double days, std::optional<double> effort) {
  StaffTime t;
  t.days = days;
  t.effort = effort;
  if (effort && *effort > 0) t.used = 100 * days / *effort;
  return t;
}

void StaffTime::add(const StaffTime& other) {
  std::optional<double> sum = effort;
  if (other.effort) sum = sum.value_or(0) + *other.effort;
  *this = staff_time(days + other.days, sum);
}

namespace {

struct RollUp {
  double weight = 0, target = 0, actual = 0;
  StaffTime staff;
  void add(const ActionFigures& f) {
    if (f.state == State::deferred || f.state == State::cancelled) return;
    staff.add(f.staff);
    weight += f.action->weight;
    target += f.action->weight * f.target;
    actual += f.action->weight * f.actual;
  }
  // Empty when no action counts: a weight of 0 measures nothing.
  std::optional<double> target_mean() const { return weight > 0 ? std::optional(target / weight) : std::nullopt; }
  std::optional<double> actual_mean() const { return weight > 0 ? std::optional(actual / weight) : std::nullopt; }
};

Rag rolled_up_rag(std::optional<double> target_if_any, std::optional<double> actual_if_any, const Plan& plan,
                  Date as_of) {
  if (!target_if_any || !actual_if_any) return Rag::none;
  double target = *target_if_any, actual = *actual_if_any;
  if (actual >= 100) return Rag::complete;
  if (target == 0 && actual == 0) return Rag::none;
  if (as_of > plan.end) return Rag::red;
  return rag_for_ratio(actual, target, plan.rag);
}

}  // namespace

namespace {

// Sized once: a 20,000-action plan's figures are never held twice while a vector grows.
void reserve_figures(PlanFigures& p, const Plan& plan) {
  size_t actions = 0, milestones = 0;
  for (const KeyIssue& issue : plan.issues)
    for (const Action& action : issue.actions) {
      ++actions;
      milestones += action.milestones.size();
    }
  p.actions.reserve(actions);
  p.milestones.reserve(milestones);
  p.issues.reserve(plan.issues.size());
}

}  // namespace

PlanFigures compute_plan(const Plan& plan, Date as_of, DateRange window, const Owners* owners) {
  PlanFigures p;
  p.plan = &plan;
  p.owners = owners ? owners : &plan.owners;
  p.as_of = as_of;
  p.window = window;
  RollUp all;
  double budget_sum = 0, savings_target_sum = 0;
  bool any_budget = false, any_savings_target = false;
  reserve_figures(p, plan);
  p.measures = compute_measures(plan, as_of);
  for (const KeyIssue& issue : plan.issues) {
    RollUp part;
    for (const Action& action : issue.actions) {
      ActionFigures f = compute_action(action, issue, plan, as_of);
      part.add(f);
      all.add(f);
      p.counts.add(f.rag);
      p.spent += f.spent.value_or(0);
      p.savings_delivered += f.savings_delivered.value_or(0);
      if (action.budget) {
        budget_sum += *action.budget;
        any_budget = true;
      }
      if (action.savings_target) {
        savings_target_sum += *action.savings_target;
        any_savings_target = true;
      }
      for (const Milestone& m : action.milestones) {
        MilestoneFigures mf;
        mf.milestone = &m;
        mf.action = &action;
        if (m.done && *m.done <= as_of) {
          mf.state = MilestoneState::done;
          mf.days_late = std::max(0L, m.done->days_since(m.due));
        } else if (as_of > m.due) {
          mf.state = MilestoneState::overdue;
          mf.days_late = as_of.days_since(m.due);
        }
        p.milestones.push_back(mf);
      }
      p.actions.push_back(f);
    }
    IssueFigures i;
    i.issue = &issue;
    i.target = part.target_mean();
    i.actual = part.actual_mean();
    i.rag = rolled_up_rag(i.target, i.actual, plan, as_of);
    i.staff = part.staff;
    p.issues.push_back(i);
  }
  p.target = all.target_mean();
  p.actual = all.actual_mean();
  p.rag = rolled_up_rag(p.target, p.actual, plan, as_of);
  p.staff = all.staff;
  p.budget = plan.budget ? plan.budget : (any_budget ? std::optional<double>(budget_sum) : std::nullopt);
  if (p.budget && *p.budget > 0) p.budget_used = 100 * p.spent / *p.budget;
  p.savings_target = plan.savings_target
                         ? plan.savings_target
                         : (any_savings_target ? std::optional<double>(savings_target_sum) : std::nullopt);
  p.risks = compute_risks(plan, as_of);
  return p;
}

void RagCounts::add(Rag rag) {
  switch (rag) {
    case Rag::green: ++green; break;
    case Rag::amber: ++amber; break;
    case Rag::red: ++red; break;
    case Rag::complete: ++complete; break;
    case Rag::none: ++none; break;
  }
}

void RagCounts::add(const RagCounts& other) {
  green += other.green;
  amber += other.amber;
  red += other.red;
  complete += other.complete;
  none += other.none;
}

PortfolioFigures compute_portfolio(const std::vector<PlanFigures>& plans) {
  PortfolioFigures out;
  RollUp all;
  for (const PlanFigures& p : plans) {
    out.plans.add(p.rag);
    out.actions.add(p.counts);
    for (const ActionFigures& a : p.actions) all.add(a);
  }
  out.target = all.target_mean();
  out.actual = all.actual_mean();
  return out;
}

DateRange cadence_window(Cadence cadence, Date as_of) { return {period_start(cadence, as_of), as_of}; }

}  // namespace bvplan
