#include "bvplan/reports/history.hpp"

#include <algorithm>

namespace bvplan {

std::vector<Date> period_ends(Date from, Date to, HistoryStep step, unsigned year_start) {
  std::vector<Date> out;
  for (const Period& p : periods_between(from, to, step == HistoryStep::quarter ? 3 : 1, year_start))
    if (p.end <= to) out.push_back(p.end);
  if (!(to < from) && (out.empty() || out.back() != to)) out.push_back(to);
  return out;
}

std::string financial_quarter_ending(const Plan& plan, Date date) {
  if (plan.year_start == calendar_year_start) return {};
  std::vector<Period> quarter = periods_between(date, date, 3, plan.year_start);
  return !quarter.empty() && quarter.front().end == date ? quarter.front().label : std::string();
}

HistoryPoint history_point(const PlanFigures& figures, const std::string& commit) {
  HistoryPoint p;
  p.date = figures.as_of;
  p.commit = commit;
  p.plan = figures.plan->id;
  p.title = figures.plan->title;
  p.target = figures.target;
  p.actual = figures.actual;
  p.rag = figures.rag;
  p.red = figures.counts.red;
  p.amber = figures.counts.amber;
  p.green = figures.counts.green;
  for (const ActionFigures& a : figures.actions)
    if (a.latest && (!p.last_update || a.latest->date > *p.last_update)) p.last_update = a.latest->date;
  p.measures.reserve(figures.measures.size());
  for (const MeasureFigures& m : figures.measures)
    p.measures.push_back(
        {m.measure->id, m.measure->unit, figures.plan->currency, m.current, m.target, m.rag, m.current_date});
  return p;
}

Date history_end(const Plan& plan, Date today) {
  Date end = plan.end;
  for (const KeyIssue& issue : plan.issues)
    for (const Action& action : issue.actions)
      for (const Update& u : action.updates) end = std::max(end, u.date);
  return std::min(end, today);
}

}  // namespace bvplan
