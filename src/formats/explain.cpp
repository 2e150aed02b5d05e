#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/measures.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/formats/risks.hpp"

namespace bvplan {

namespace {

std::string num(double v) {
  std::string s = fmt::format("{:.2f}", round_percent(v, 2));
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string explain_rag(const ActionFigures& a, const RagThresholds& t) {
  switch (a.state) {
    case State::complete: return "complete (the action is 100% complete)";
    case State::deferred: return "none (the action is deferred)";
    case State::cancelled: return "none (the action is cancelled)";
    case State::not_started: return "none (not started)";
    case State::overdue: return "red (overdue: past its due date and under 100%)";
    case State::in_progress: break;
  }
  if (a.target <= 0) return "green (in progress with a target of 0%)";
  double ratio = performance_ratio(a.actual, a.target);
  return fmt::format("{} (performance ratio 100 x {} / {} = {}%; green from {}%, amber from {}%)", to_string(a.rag),
                     num(a.actual), num(a.target), num(ratio), num(t.green), num(t.amber));
}

// How the target at T was found: before S, from D, or between two points of the curve.
std::string explain_target(const Action& act, Date t) {
  TargetSegment seg = target_segment(act, t);
  std::string how;
  switch (seg.where) {
    case TargetSegment::Where::before_start: how = "T is before S, so the target is 0%"; break;
    case TargetSegment::Where::from_due:
      how = fmt::format("T is on or after D, so the target is {}%", num(seg.percent));
      break;
    case TargetSegment::Where::between:
      how =
          fmt::format("linear from ({}, {}%) to ({}, {}%): {} + ({} - {}) x {} / {} days", to_iso(seg.from),
                      num(seg.from_percent), to_iso(seg.to), num(seg.to_percent), num(seg.from_percent),
                      num(seg.to_percent), num(seg.from_percent), t.days_since(seg.from), seg.to.days_since(seg.from));
      break;
  }
  return how;
}

// Staff days against effort, for an action (`sums` false) or a roll-up.
std::string explain_staff(const StaffTime& staff, bool sums) {
  if (!staff.any()) return {};
  std::string out =
      fmt::format("  {:<{}}{} days logged ({})", "staff:", sums ? 8 : 10, num(staff.days),
                  sums ? "the sum over the actions counted" : "the latest staff_days on or before T, 0 when none");
  if (staff.effort) out += fmt::format(" of {} planned{}", num(*staff.effort), sums ? "" : " (effort_days)");
  if (staff.used) out += fmt::format(" = {}% used", num(*staff.used));
  out += '\n';
  return out;
}

// A note when the update of 100% gave an earlier `completed` date.
std::string reported_later(const Action& act, Date completed, Date t) {
  for (const Update& u : act.updates)
    if (u.date <= t && u.complete >= 100 && u.completed == completed && u.date != completed)
      return fmt::format("; the update of {} gives the date the work finished", to_iso(u.date));
  return {};
}

// Days late and the forecast, with how each was found.
std::string explain_schedule(const ActionFigures& a, Date t) {
  const Action& act = *a.action;
  std::string out;
  if (a.state == State::overdue)
    out += fmt::format("  days late: {} (T - D)\n", a.days_late);
  else if (a.state == State::complete && a.completed)
    out += fmt::format("  days late: {} (completed {} - D, not below 0{})\n", a.days_late, to_iso(*a.completed),
                       reported_later(act, *a.completed, t));
  else
    out += "  days late: 0\n";
  if (a.forecast && a.state == State::complete)
    out += fmt::format("  forecast: {} (the completed date); slip {:+} days against D\n", to_iso(*a.forecast),
                       *a.forecast_slip);
  else if (a.forecast)
    out += fmt::format("  forecast: {} (S + ceil({} x 100 / {}) days at the rate so far); slip {:+} days against D\n",
                       to_iso(*a.forecast), t.days_since(act.start), num(a.actual), *a.forecast_slip);
  else if (a.forecast_after_latest)
    out += fmt::format("  forecast: after 9999-12-31 (S + ceil({} x 100 / {}) days at the rate so far)\n",
                       t.days_since(act.start), num(a.actual));
  else
    out += "  forecast: none (needs progress above 0% after the start)\n";
  return out;
}

std::string explain_action(const PlanFigures& p, const ActionFigures& a) {
  const Action& act = *a.action;
  Date t = p.as_of;
  std::string out =
      fmt::format("action {} \"{}\" (key issue {}, plan {}) as of {}\n", escape_control(act.id),
                  escape_control(act.title), escape_control(a.issue->id), escape_control(p.plan->id), to_iso(t));
  out += fmt::format("  start S = {}, due D = {}, as-of T = {}; weight {}; status {}\n", to_iso(act.start),
                     to_iso(act.due), to_iso(t), num(act.weight), to_string(act.status));
  std::string how = explain_target(act, t);
  out += fmt::format("  target:   {}% ({}{})\n", num(a.target), how,
                     act.targets.empty() ? "" : "; from the action's targets curve");
  out += fmt::format("  actual:   {}% ({})\n", num(a.actual),
                     a.latest
                         ? fmt::format("complete of the latest update on or before T, dated {}", to_iso(a.latest->date))
                         : std::string("no update on or before T"));
  out +=
      fmt::format("  variance: {} points (actual - target = {} - {})\n", num(a.variance), num(a.actual), num(a.target));
  out += fmt::format("  state:    {}\n", to_string(a.state));
  out += fmt::format("  RAG:      {}\n", explain_rag(a, p.plan->rag));
  out += explain_schedule(a, t);
  const std::string cur = escape_control(p.plan->currency);
  if (a.spent || act.budget)
    out += act.budget
               ? fmt::format("  budget:   spent {} of {}{}\n",
                             a.spent ? format_money(*a.spent, cur) : "nothing recorded", format_money(*act.budget, cur),
                             a.budget_used ? fmt::format(" = {}%", num(*a.budget_used)) : "")
               : fmt::format("  budget:   spent {} (the action has no budget)\n", format_money(*a.spent, cur));
  if (a.savings_delivered || act.savings_target)
    out += fmt::format(
        "  savings:  delivered {}{}\n", format_money(a.savings_delivered.value_or(0), cur),
        act.savings_target ? fmt::format(" against a target of {}", format_money(*act.savings_target, cur)) : "");
  out += explain_staff(a.staff, false);
  return out;
}

std::string explain_rollup(const PlanFigures& p, const std::string& what, std::optional<double> target,
                           std::optional<double> actual, Rag rag, const std::vector<const ActionFigures*>& actions) {
  std::string out = fmt::format("{} as of {}\n", what, to_iso(p.as_of));
  out += "  actions counted (not deferred or cancelled), weighted by weight:\n";
  double w = 0;
  for (const ActionFigures* a : actions) {
    bool counted = a->state != State::deferred && a->state != State::cancelled;
    out += fmt::format("    {:<12} weight {:<4} target {:>6}%  actual {:>6}%{}\n", escape_control(a->action->id),
                       num(a->action->weight), num(a->target), num(a->actual),
                       counted ? "" : fmt::format("  (not counted: {})", to_string(a->state)));
    if (counted) w += a->action->weight;
  }
  if (!target || !actual) {
    out += "  target: none (no action is counted: every one is deferred or cancelled)\n";
    out += "  actual: none\n";
    out += fmt::format("  RAG:    {} (nothing to measure)\n", to_string(rag));
    return out;
  }
  out += fmt::format("  target: {}% (weighted mean over a total weight of {})\n", num(*target), num(w));
  out += fmt::format("  actual: {}% (weighted mean)\n", num(*actual));
  std::string why;
  if (rag == Rag::complete)
    why = "actual is 100%";
  else if (*target == 0 && *actual == 0)
    why = "target and actual are both 0%";
  else if (p.as_of > p.plan->end)
    why = fmt::format("T is past the plan's end ({}) and actual is under 100%", to_iso(p.plan->end));
  else if (*target <= 0)
    why = "target is 0%";
  else
    why =
        fmt::format("performance ratio 100 x {} / {} = {}%; green from {}%, amber from {}%", num(*actual), num(*target),
                    num(performance_ratio(*actual, *target)), num(p.plan->rag.green), num(p.plan->rag.amber));
  out += fmt::format("  RAG:    {} ({})\n", to_string(rag), why);
  return out;
}

}  // namespace

std::optional<std::string> render_explain(const std::vector<PlanFigures>& plans, std::string_view id) {
  for (const PlanFigures& p : plans) {
    if (p.plan->id == id) {
      std::vector<const ActionFigures*> all;
      for (const ActionFigures& a : p.actions) all.push_back(&a);
      std::string out =
          explain_rollup(p, fmt::format("plan {} \"{}\"", escape_control(p.plan->id), escape_control(p.plan->title)),
                         p.target, p.actual, p.rag, all);
      const std::string cur = escape_control(p.plan->currency);
      if (p.budget)
        out += fmt::format("  budget: spent {} (sum of actions' latest spent) of {}{}{}\n", format_money(p.spent, cur),
                           format_money(*p.budget, cur), p.plan->budget ? "" : " (sum of action budgets)",
                           p.budget_used ? fmt::format(" = {}%", num(*p.budget_used)) : "");
      out += explain_staff(p.staff, true);
      return out;
    }
    for (const IssueFigures& i : p.issues) {
      if (i.issue->id != id) continue;
      std::vector<const ActionFigures*> part;
      for (const ActionFigures& a : p.actions)
        if (a.issue == i.issue) part.push_back(&a);
      return explain_rollup(p,
                            fmt::format("key issue {} \"{}\" (plan {})", escape_control(i.issue->id),
                                        escape_control(i.issue->title), escape_control(p.plan->id)),
                            i.target, i.actual, i.rag, part) +
             explain_staff(i.staff, true);
    }
    for (const ActionFigures& a : p.actions)
      if (a.action->id == id) return explain_action(p, a);
    for (const MeasureFigures& m : p.measures)
      if (m.measure->id == id) return explain_measure(p, m);
    if (auto risk = explain_risk(p, id)) return risk;
  }
  return std::nullopt;
}

}  // namespace bvplan
