#include "bvplan/reports/workload.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "bvplan/figures/compute.hpp"

namespace bvplan {

std::vector<Period> periods_between(Date from, Date to, HistoryStep step, unsigned year_start) {
  return periods_between(from, to, step == HistoryStep::month ? 1 : 3, year_start);
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
size_t peak(const std::vector<DateRange>& spans, Date start, Date end) {
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

// One owner's work, period by period, while it is being gathered.
struct Work {
  std::vector<std::vector<PlanAction>> led, supported;
  std::vector<std::vector<DateRange>> led_spans;
  std::vector<double> effort;
};

class WorkByOwner {
public:
  explicit WorkByOwner(size_t periods) : periods_(periods) {}
  Work& operator[](const std::string& id) {
    Work& x = work_[id];
    if (x.led.empty()) {
      x.led.resize(periods_);
      x.supported.resize(periods_);
      x.led_spans.resize(periods_);
      x.effort.assign(periods_, 0);
    }
    return x;
  }
  std::map<std::string, Work>& all() { return work_; }

private:
  size_t periods_;
  std::map<std::string, Work> work_;  // by id: owners come out sorted
};

// Adds one action's lead, support and effort to every period it is active in.
void add_action(const Plan& plan, const Action& action, Date as_of, const std::vector<Period>& periods,
                WorkByOwner& work, std::vector<PeriodLoad>& totals) {
  std::optional<DateRange> span = active_span(action, as_of);
  if (!span) return;
  PlanAction name{&plan, &action};
  double days = static_cast<double>(action.due.days_since(action.start) + 1);
  double people = 1 + static_cast<double>(action.support.size());
  // Periods are in order and apart: visit only those the action is active in (it
  // starts in the first), so the work is what each action spans, not actions x periods.
  size_t first = static_cast<size_t>(
      std::partition_point(periods.begin(), periods.end(), [&](const Period& q) { return q.end < action.start; }) -
      periods.begin());
  for (size_t p = first; p < periods.size() && periods[p].start <= span->end; ++p) {
    if (action.start >= periods[p].start && action.start <= periods[p].end) ++totals[p].starting;
    if (overlap_days(*span, periods[p].start, periods[p].end) == 0) continue;
    ++totals[p].active;
    Work& lead = work[action.lead.id];
    lead.led[p].push_back(name);
    lead.led_spans[p].push_back(*span);
    // Effort is planned over start..due, shared equally by the lead and supporters.
    double share =
        action.effort_days
            ? *action.effort_days *
                  static_cast<double>(overlap_days({action.start, action.due}, periods[p].start, periods[p].end)) /
                  days / people
            : 0;
    lead.effort[p] += share;
    for (const Reference& s : action.support) {
      Work& helper = work[s.id];
      helper.supported[p].push_back(name);
      helper.effort[p] += share;
    }
  }
}

// One owner's cells, judged against the owner's capacity.
OwnerLoad owner_load(const std::string& id, Work& x, const Owners& owners, const std::vector<Period>& periods) {
  OwnerLoad load;
  auto it = owners.find(id);
  load.owner = it != owners.end() ? it->second : Owner{id, id, "", std::nullopt, std::nullopt, "", {}, false};
  for (size_t p = 0; p < periods.size(); ++p) {
    WorkloadCell cell;
    cell.led = std::move(x.led[p]);
    cell.supported = std::move(x.supported[p]);
    cell.peak_led = peak(x.led_spans[p], periods[p].start, periods[p].end);
    cell.effort_days = x.effort[p];
    cell.over_actions = load.owner.max_actions && cell.peak_led > *load.owner.max_actions;
    // Judged on the figure as shown (one decimal), so "24.0 d" is never over 24.
    cell.over_days = load.owner.days_per_month &&
                     round_percent(cell.effort_days, 1) > *load.owner.days_per_month * periods[p].months;
    load.cells.push_back(std::move(cell));
  }
  return load;
}

}  // namespace

Workload compute_workload(const std::vector<const Plan*>& plans, const Owners& owners, Date as_of,
                          const std::vector<Period>& periods) {
  Workload w;
  w.periods = periods;
  w.totals.resize(periods.size());
  WorkByOwner work(periods.size());
  for (const Plan* plan : plans)
    for (const KeyIssue& issue : plan->issues)
      for (const Action& action : issue.actions) add_action(*plan, action, as_of, periods, work, w.totals);
  for (auto& [id, x] : work.all()) w.owners.push_back(owner_load(id, x, owners, periods));
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

}  // namespace bvplan
