#include "bvplan/reports/portfolio.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "bvplan/rules/validate.hpp"

namespace bvplan {

std::vector<Period> periods_between(Date from, Date to, HistoryStep step) {
  std::vector<Period> out;
  int months = step == HistoryStep::month ? 1 : 3;
  unsigned first_month = months == 3 ? (from.month() - 1) / 3 * 3 + 1 : from.month();
  for (Date start = Date::from_ymd(from.year(), first_month, 1); start <= to; start = start.plus_months(months)) {
    Period p;
    p.start = start;
    p.end = start.plus_months(months - 1).end_of_month();
    p.months = months;
    p.label = months == 3 ? fmt::format("{}-Q{}", start.year(), (start.month() - 1) / 3 + 1)
                          : fmt::format("{}-{:02}", start.year(), start.month());
    out.push_back(p);
  }
  return out;
}

std::optional<DateRange> active_span(const Action& action, Date as_of) {
  if (action.status != ActionStatus::active) return std::nullopt;
  for (const Update& u : action.updates)
    if (u.date <= as_of && u.complete >= 100) return DateRange{action.start, std::max(action.start, u.date)};
  Date end = action.due;
  if (as_of > action.due) end = as_of;  // overdue: still occupying its people
  return DateRange{action.start, end};
}

namespace {

long overlap_days(const DateRange& a, Date start, Date end) {
  Date from = std::max(a.start, start), to = std::min(a.end, end);
  return to < from ? 0 : to.days_since(from) + 1;
}

// Most intervals covering one day, within start..end.
size_t peak(std::vector<DateRange> spans, Date start, Date end) {
  std::vector<std::pair<Date, int>> events;
  for (const DateRange& w : spans) {
    Date from = std::max(w.start, start), to = std::min(w.end, end);
    if (to < from) continue;
    events.push_back({from, +1});
    events.push_back({to.plus_days(1), -1});
  }
  std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
    return a.first < b.first || (a.first == b.first && a.second < b.second);
  });
  int now = 0, most = 0;
  for (const auto& [when, delta] : events) most = std::max(most, now += delta);
  return static_cast<size_t>(most);
}

}  // namespace

Workload compute_workload(const std::vector<const Plan*>& plans, const Owners& owners, Date as_of,
                          const std::vector<Period>& periods) {
  Workload w;
  w.periods = periods;
  w.totals.resize(periods.size());
  struct Work {
    std::vector<std::vector<std::string>> led, supported;
    std::vector<std::vector<DateRange>> led_spans;
    std::vector<double> effort;
  };
  std::map<std::string, Work> work;
  auto slot = [&](const std::string& id) -> Work& {
    Work& x = work[id];
    if (x.led.empty()) {
      x.led.resize(periods.size());
      x.supported.resize(periods.size());
      x.led_spans.resize(periods.size());
      x.effort.assign(periods.size(), 0);
    }
    return x;
  };
  for (const Plan* plan : plans)
    for (const KeyIssue& issue : plan->issues)
      for (const Action& action : issue.actions) {
        std::optional<DateRange> span = active_span(action, as_of);
        if (!span) continue;
        std::string name = plan->id + "/" + action.id;
        double days = static_cast<double>(action.due.days_since(action.start) + 1);
        double people = 1 + static_cast<double>(action.support.size());
        // Periods are in order and apart: visit only those the action is active in (it
        // starts in the first), so the work is what each action spans, not actions x periods.
        size_t first = static_cast<size_t>(std::partition_point(periods.begin(), periods.end(),
                                                                [&](const Period& q) { return q.end < action.start; }) -
                                           periods.begin());
        for (size_t p = first; p < periods.size() && periods[p].start <= span->end; ++p) {
          if (action.start >= periods[p].start && action.start <= periods[p].end) ++w.totals[p].starting;
          if (overlap_days(*span, periods[p].start, periods[p].end) == 0) continue;
          ++w.totals[p].active;
          Work& lead = slot(action.lead.id);
          lead.led[p].push_back(name);
          lead.led_spans[p].push_back(*span);
          // Effort is planned over start..due, shared equally by the lead and supporters.
          double share = action.effort_days ? *action.effort_days *
                                                  static_cast<double>(overlap_days({action.start, action.due},
                                                                                   periods[p].start, periods[p].end)) /
                                                  days / people
                                            : 0;
          lead.effort[p] += share;
          for (const Reference& s : action.support) {
            Work& helper = slot(s.id);
            helper.supported[p].push_back(name);
            helper.effort[p] += share;
          }
        }
      }
  for (auto& [id, x] : work) {
    OwnerLoad load;
    auto it = owners.find(id);
    load.owner = it != owners.end() ? it->second : Owner{id, id, "", std::nullopt, std::nullopt, "", {}, false};
    for (size_t p = 0; p < periods.size(); ++p) {
      WorkloadCell cell;
      cell.led = x.led[p];
      cell.supported = x.supported[p];
      cell.peak_led = peak(x.led_spans[p], periods[p].start, periods[p].end);
      cell.effort_days = x.effort[p];
      cell.over_actions = load.owner.max_actions && cell.peak_led > *load.owner.max_actions;
      // Judged on the figure as shown (one decimal), so "24.0 d" is never over 24.
      cell.over_days = load.owner.days_per_month &&
                       round_percent(cell.effort_days, 1) > *load.owner.days_per_month * periods[p].months;
      load.cells.push_back(std::move(cell));
    }
    w.owners.push_back(std::move(load));
  }
  return w;
}

std::string format_days(double days) { return format_percent(days, 1); }

Diagnostics workload_findings(const Workload& w) {
  Diagnostics out;
  for (const OwnerLoad& o : w.owners)
    for (size_t p = 0; p < w.periods.size(); ++p) {
      const WorkloadCell& c = o.cells[p];
      const Period& period = w.periods[p];
      if (c.over_actions)
        out.push_back({o.owner.file, o.owner.position, Severity::warning, "over-capacity",
                       fmt::format("{} in {}: leads {} action{} at once, over max_actions {}", o.owner.id, period.label,
                                   c.peak_led, c.peak_led == 1 ? "" : "s", *o.owner.max_actions),
                       "move due dates apart, share the lead, or agree more capacity (the log-jam of change)"});
      if (c.over_days)
        out.push_back(
            {o.owner.file, o.owner.position, Severity::warning, "over-capacity",
             fmt::format("{} in {}: {} days of planned effort, over {} days ({} a month)", o.owner.id, period.label,
                         format_days(c.effort_days), format_number(*o.owner.days_per_month * period.months),
                         format_number(*o.owner.days_per_month)),
             "spread the work over more months or more people"});
    }
  return out;
}

Savings compute_savings(const std::vector<PlanFigures>& plans) {
  Savings s;
  for (const PlanFigures& f : plans) {
    s.as_of = f.as_of;
    PlanSavings p;
    p.plan = f.plan;
    p.target = f.savings_target;
    p.delivered = f.savings_delivered;
    p.complete = f.actual;
    bool by_action = false;
    for (const ActionFigures& a : f.actions)
      if (a.action->savings_target && a.state != State::deferred && a.state != State::cancelled) {
        p.expected += *a.action->savings_target * a.target / 100;
        by_action = true;
      }
    if (!by_action && p.target && f.target) p.expected = *p.target * *f.target / 100;
    if (p.target && *p.target > 0) {
      if (p.delivered >= *p.target)
        p.rag = Rag::complete;
      else if (p.expected <= 0)
        p.rag = p.delivered > 0 ? Rag::green : Rag::none;
      else
        p.rag = rag_for_ratio(p.delivered, p.expected, f.plan->rag);
      p.lags = p.complete && 100 * p.delivered / *p.target < *p.complete - 10;
    }
    s.plans.push_back(p);
  }
  std::map<std::string, SavingsTotal> by_currency;  // ordered by code: a stable order
  for (const PlanSavings& p : s.plans) {
    SavingsTotal& t = by_currency[p.plan->currency];
    t.currency = p.plan->currency;
    t.target += p.target.value_or(0);
    t.expected += p.expected;
    t.delivered += p.delivered;
  }
  for (auto& [currency, t] : by_currency) {
    if (t.target > 0)
      t.rag = t.delivered >= t.target ? Rag::complete
              : t.expected <= 0       ? (t.delivered > 0 ? Rag::green : Rag::none)
                                      : rag_for_ratio(t.delivered, t.expected, RagThresholds{});
    s.totals.push_back(t);
  }
  return s;
}

namespace {

// The start plus whole cadences, up to the day after the end: the report on the plan's
// last period falls due as it ends. For a plan ending 9999-12-31 that last one falls due
// after the calendar bvplan writes: callers leave it out (and say so).
std::vector<Date> report_dates(const Plan& plan, const Monitoring& m) {
  std::vector<Date> out;
  for (int k = 1;; ++k) {
    Date due = plan.start.plus_months(k * m.every.months);
    if (due > plan.end.plus_days(1)) break;
    out.push_back(due);
  }
  return out;
}

}  // namespace

Calendar compute_calendar(const std::vector<const Plan*>& plans, std::optional<Date> from, std::optional<Date> to) {
  Calendar c;
  std::map<std::pair<Date, std::string>, ReportDue> due;
  for (const Plan* plan : plans)
    for (const Monitoring& m : plan->monitoring) {
      std::vector<Date> dates = report_dates(*plan, m);
      Date last = dates.empty() ? plan->start : dates.back();
      if (last != plan->end.plus_days(1))
        c.notes.push_back(fmt::format("{}: reports to {} every {} do not divide the plan period {} to {}; {}", plan->id,
                                      m.body, to_string(m.every), to_iso(plan->start), to_iso(plan->end),
                                      dates.empty()
                                          ? std::string("no report falls due within it")
                                          : fmt::format("the last falls due on {}, {} days before the plan ends",
                                                        to_iso(last), plan->end.days_since(last))));
      if (!dates.empty() && !dates.back().writable())
        c.notes.push_back(
            fmt::format("{}: the report to {} due as the plan ends falls due after 9999-12-31 and "
                        "is not listed",
                        plan->id, m.body));
      for (Date d : dates) {
        if ((from && d < *from) || (to && d > *to) || !d.writable()) continue;
        ReportDue& r = due[{d, m.body}];
        r.date = d;
        r.body = m.body;
        r.every = m.every;
        r.plans.push_back(plan);
      }
    }
  for (auto& [key, r] : due) c.reports.push_back(std::move(r));
  return c;
}

std::optional<ReportDue> next_report(const Plan& plan, Date as_of) {
  std::optional<ReportDue> best;
  for (const Monitoring& m : plan.monitoring)
    for (Date d : report_dates(plan, m))
      if (d > as_of && d.writable() && (!best || d < best->date)) best = ReportDue{d, m.body, m.every, {&plan}};
  return best;
}

}  // namespace bvplan
