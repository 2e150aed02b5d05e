#include <fmt/format.h>

#include "bvplan/core/number.hpp"
#include "bvplan/rules/families.hpp"

namespace bvplan {

void check_spending(RuleContext& context, const Action& action) {
  if (!action.budget) return;
  for (const Update& u : action.updates) {
    if (u.spent && *u.spent > *action.budget) {
      context.warning(u.spent_position, "over-budget",
                      fmt::format("spent {} is over the budget of action '{}' ({})", format_amount(*u.spent), action.id,
                                  format_amount(*action.budget)),
                      "record the overspend and its remedy, or agree a revised budget");
      return;
    }
  }
}

void check_staff_time(RuleContext& context, const Action& action) {
  if (!action.effort_days) return;
  for (const Update& u : action.updates) {
    if (u.staff_days && *u.staff_days > *action.effort_days) {
      context.warning(u.staff_days_position, "over-effort",
                      fmt::format("{} staff days logged are over the effort of action '{}' ({} days)",
                                  format_number(*u.staff_days), action.id, format_number(*action.effort_days)),
                      "record why the work took longer in the update's remedy, or agree revised effort_days");
      return;
    }
  }
}

void check_budget_allocation(RuleContext& context) {
  const Plan& plan = context.plan;
  if (!plan.budget) return;
  double sum = 0;
  for (const KeyIssue& issue : plan.issues)
    for (const Action& action : issue.actions) sum += action.budget.value_or(0);
  if (sum > *plan.budget + 0.005)
    context.warning(plan.budget_position, "budget-allocation",
                    fmt::format("action budgets add up to {}, more than the plan's budget of {}", format_amount(sum),
                                format_amount(*plan.budget)),
                    "raise the plan's budget or reduce action budgets");
}

}  // namespace bvplan
