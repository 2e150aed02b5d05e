#include "bvplan/reports/savings.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace bvplan {

namespace {

// Delivered against expected, once there is a target: complete when the target is met;
// with nothing expected yet, green if anything was delivered.
Rag savings_rag(double delivered, double expected, double target, const RagThresholds& thresholds) {
  if (delivered >= target) return Rag::complete;
  if (expected <= 0) return delivered > 0 ? Rag::green : Rag::none;
  return rag_for_ratio(delivered, expected, thresholds);
}

// The share of the savings target expected by the figures' date: each counted action's
// savings_target times its target % complete, or, when no counted action has one, the
// plan's target times the plan's target % complete.
double expected_savings(const PlanFigures& f) {
  double expected = 0;
  bool by_action = false;
  for (const ActionFigures& a : f.actions)
    if (a.action->savings_target && a.state != State::deferred && a.state != State::cancelled) {
      expected += *a.action->savings_target * a.target / 100;
      by_action = true;
    }
  if (!by_action && f.savings_target && f.target) expected = *f.savings_target * *f.target / 100;
  return expected;
}

}  // namespace

Savings compute_savings(const std::vector<PlanFigures>& plans) {
  Savings s;
  for (const PlanFigures& f : plans) {
    s.as_of = f.as_of;
    PlanSavings p;
    p.plan = f.plan;
    p.target = f.savings_target;
    p.delivered = f.savings_delivered;
    p.complete = f.actual;
    p.expected = expected_savings(f);
    if (p.target && *p.target > 0) {
      p.rag = savings_rag(p.delivered, p.expected, *p.target, f.plan->rag);
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
    if (t.target > 0) t.rag = savings_rag(t.delivered, t.expected, t.target, RagThresholds{});
    s.totals.push_back(t);
  }
  return s;
}

namespace {

// A difference of two sums of money: what rounding leaves of nothing is nothing.
double difference(double later, double earlier) {
  double d = later - earlier;
  return std::abs(d) < 1e-6 ? 0 : d;
}

// Expected and delivered savings of one plan as of a date, each date computed once.
class PlanSavingsAt {
public:
  explicit PlanSavingsAt(const Plan& plan) : plan_(plan) {}
  std::pair<double, double> at(Date date) {
    auto found = cache_.find(date);
    if (found != cache_.end()) return found->second;
    PlanFigures f = compute_plan(plan_, date, DateRange{date, date});
    std::pair<double, double> value{expected_savings(f), f.savings_delivered};
    cache_.emplace(date, value);
    return value;
  }

private:
  const Plan& plan_;
  std::map<Date, std::pair<double, double>> cache_;
};

}  // namespace

SavingsByYear compute_savings_by_year(const std::vector<PlanFigures>& plans, Date as_of, unsigned year_start) {
  SavingsByYear out;
  out.as_of = as_of;
  out.year_start = year_start;
  // By currency code, then by the calendar year each year starts in: a stable order.
  std::map<std::string, std::map<int, YearSavings>> rows;
  for (const PlanFigures& f : plans) {
    const Plan& plan = *f.plan;
    std::vector<Period> years = periods_between(plan.start, plan.end, 12, year_start);
    PlanSavingsAt savings(plan);
    // Before the plan's first year nothing counts: what an action expects earlier is its first year's.
    double expected_before = 0, delivered_before = 0;
    for (size_t i = 0; i < years.size(); ++i) {
      const Period& y = years[i];
      // The last year takes whatever the plan expects after it, up to the last date there is.
      Date end = i + 1 == years.size() ? Date::latest() : std::min(y.end, Date::latest());
      auto [expected_by_end, delivered_by_end] = savings.at(end);
      YearSavings& row = rows[plan.currency][year_of(y.start, year_start)];
      row.currency = plan.currency;
      row.year = y;
      row.year.end = std::min(y.end, Date::latest());
      row.expected += difference(expected_by_end, expected_before);
      if (y.start <= as_of) {
        auto [expected_by_now, delivered_by_now] = savings.at(std::min(end, as_of));
        row.expected_to_date = row.expected_to_date.value_or(0) + difference(expected_by_now, expected_before);
        row.delivered = row.delivered.value_or(0) + difference(delivered_by_now, delivered_before);
      }
      expected_before = expected_by_end;
      delivered_before = delivered_by_end;
    }
  }
  for (auto& [currency, years] : rows) {
    YearSavingsTotal total;
    total.currency = currency;
    for (auto& [first, row] : years) {
      total.expected += row.expected;
      total.expected_to_date += row.expected_to_date.value_or(0);
      total.delivered += row.delivered.value_or(0);
      out.years.push_back(std::move(row));
    }
    out.totals.push_back(total);
  }
  return out;
}

}  // namespace bvplan
