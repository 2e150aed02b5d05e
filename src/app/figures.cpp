#include "bvplan/app/figures.hpp"

#include "bvplan/reports/portfolio.hpp"

namespace bvplan {

namespace {

// The shortest monitoring cadence among the plans without errors; a quarter when none.
Cadence shortest_of(const PlanSet& set) {
  Cadence shortest{12};
  bool any = false;
  for (const CheckedPlan& checked : set.plans) {
    if (checked.plan && !checked.has_errors()) {
      Cadence c = shortest_cadence(*checked.plan);
      if (!any || c.months < shortest.months) shortest = c;
      any = true;
    }
  }
  return any ? shortest : Cadence{3};
}

}  // namespace

FigureSet compute_figure_set(const PlanSet& set, Date as_of, const std::optional<DateRange>& period) {
  FigureSet out;
  out.as_of = as_of;
  out.window = period ? *period : cadence_window(shortest_of(set), as_of);
  for (size_t i = 0; i < set.plans.size(); ++i) {
    const CheckedPlan& checked = set.plans[i];
    if (!checked.plan || checked.has_errors()) continue;
    PlanFigures figures = compute_plan(*checked.plan, out.as_of, out.window, &checked.owners);
    if (auto next = next_report(*checked.plan, out.as_of)) {
      figures.next_report = next->date;
      figures.next_report_body = next->body;
    }
    out.plans.push_back(std::move(figures));
    out.paths.push_back(set.paths[i]);
  }
  return out;
}

}  // namespace bvplan
