#include "bvplan/reports/calendar.hpp"

#include <map>

#include "bvplan/core/period.hpp"

namespace bvplan {

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
        c.notes.push_back(
            {CalendarNote::Kind::uneven, plan, &m, dates.empty() ? std::nullopt : std::optional<Date>(last)});
      if (!dates.empty() && !dates.back().writable())
        c.notes.push_back({CalendarNote::Kind::beyond_9999, plan, &m, std::nullopt});
      for (Date d : dates) {
        if ((from && d < *from) || (to && d > *to) || !d.writable()) continue;
        ReportDue& r = due[{d, m.body}];
        r.date = d;
        r.body = m.body;
        r.every = m.every;
        r.plans.push_back(plan);
      }
    }
  for (auto& [key, r] : due) {
    // The cadence that ends the day before the report falls due, named in the plans' year.
    DateRange covered{r.date.plus_months(-r.every.months), r.date.plus_days(-1)};
    std::optional<std::string> label;
    for (const Plan* plan : r.plans) {
      std::optional<std::string> mine =
          plan->year_start == calendar_year_start ? std::nullopt : period_label(covered, plan->year_start);
      if (plan != r.plans.front() && mine != label) mine.reset();
      label = mine;
      if (!label) break;
    }
    r.covers = label.value_or("");
    c.reports.push_back(std::move(r));
  }
  return c;
}

std::optional<ReportDue> next_report(const Plan& plan, Date as_of) {
  std::optional<ReportDue> best;
  for (const Monitoring& m : plan.monitoring)
    for (Date d : report_dates(plan, m))
      if (d > as_of && d.writable() && (!best || d < best->date)) best = ReportDue{d, m.body, m.every, {&plan}, {}};
  return best;
}

}  // namespace bvplan
