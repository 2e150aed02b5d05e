#include "bvplan/figures/measures.hpp"

#include <cmath>

#include "bvplan/core/number.hpp"
#include "bvplan/rules/validate.hpp"

namespace bvplan {

const char* to_string(MeasureTrend trend) {
  switch (trend) {
    case MeasureTrend::none: return "none";
    case MeasureTrend::improving: return "improving";
    case MeasureTrend::worsening: return "worsening";
    case MeasureTrend::no_change: return "no change";
  }
  return "none";
}

const MeasurePoint* applicable_target(const Measure& measure, Date date) {
  for (const MeasurePoint& t : measure.targets)  // sorted by date
    if (t.date >= date) return &t;
  return measure.targets.empty() ? nullptr : &measure.targets.back();
}

MeasureTrend trend_between(const Measure& measure, double now, double then) {
  if (now == then) return MeasureTrend::no_change;
  bool up = now > then;
  return up == (measure.better == Polarity::higher) ? MeasureTrend::improving : MeasureTrend::worsening;
}

namespace {

// The latest actual dated on or before `date` (or before it, when `strictly`).
const MeasurePoint* latest_until(const Measure& measure, Date date, bool strictly) {
  const MeasurePoint* best = nullptr;
  for (const MeasurePoint& a : measure.actuals)
    if ((strictly ? a.date < date : a.date <= date) && (!best || a.date >= best->date)) best = &a;
  return best;
}

Rag rag_for(const Measure& measure, double actual, double target, const std::optional<double>& shortfall) {
  if (target == 0) {
    bool on_or_better = measure.better == Polarity::higher ? actual >= 0 : actual <= 0;
    return on_or_better ? Rag::green : Rag::red;
  }
  // Judged to a millionth of a percent: 76 against 80 is a shortfall of exactly 5.
  double s = round_percent(*shortfall, 6);
  if (s <= 0) return Rag::green;
  if (s <= measure.tolerance) return Rag::amber;
  return Rag::red;
}

}  // namespace

MeasureFigures compute_measure(const Measure& measure, Date as_of) {
  MeasureFigures f;
  f.measure = &measure;
  f.latest = latest_actual(measure, as_of);
  f.target_point = applicable_target(measure, f.latest ? f.latest->date : as_of);
  if (f.target_point) f.target = f.target_point->value;
  if (!f.latest) return f;
  double actual = f.latest->value;
  f.current = actual;
  f.current_date = f.latest->date;
  f.previous = latest_until(measure, f.latest->date, true);
  f.year_ago = latest_until(measure, f.latest->date.plus_months(-12), false);
  if (f.previous) f.direction_short = trend_between(measure, actual, f.previous->value);
  if (f.year_ago) f.direction_long = trend_between(measure, actual, f.year_ago->value);
  if (!f.target) return f;
  double target = *f.target;
  if (target != 0)
    f.shortfall = (measure.better == Polarity::higher ? target - actual : actual - target) / std::fabs(target) * 100;
  f.rag = rag_for(measure, actual, target, f.shortfall);
  return f;
}

std::vector<MeasureFigures> compute_measures(const Plan& plan, Date as_of) {
  std::vector<MeasureFigures> out;
  out.reserve(plan.measures.size());
  for (const Measure& m : plan.measures) out.push_back(compute_measure(m, as_of));
  return out;
}

}  // namespace bvplan
