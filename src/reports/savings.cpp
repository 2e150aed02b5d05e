#include "bvplan/reports/savings.hpp"

#include <map>

namespace bvplan {

namespace {

// Delivered against expected, once there is a target: complete when the target is met;
// with nothing expected yet, green if anything was delivered.
Rag savings_rag(double delivered, double expected, double target, const RagThresholds& thresholds) {
  if (delivered >= target) return Rag::complete;
  if (expected <= 0) return delivered > 0 ? Rag::green : Rag::none;
  return rag_for_ratio(delivered, expected, thresholds);
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
    bool by_action = false;
    for (const ActionFigures& a : f.actions)
      if (a.action->savings_target && a.state != State::deferred && a.state != State::cancelled) {
        p.expected += *a.action->savings_target * a.target / 100;
        by_action = true;
      }
    if (!by_action && p.target && f.target) p.expected = *p.target * *f.target / 100;
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

}  // namespace bvplan
