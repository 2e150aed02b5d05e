#include <fmt/format.h>

#include "bvplan/rules/families.hpp"

namespace bvplan {

namespace {

std::string money_text(double amount) {
  return amount == static_cast<double>(static_cast<long long>(amount))
             ? fmt::format("{}", static_cast<long long>(amount))
             : fmt::format("{:.2f}", amount);
}

}  // namespace

void check_spending(RuleContext& context, const Action& action) {
  if (!action.budget) return;
  for (const Update& u : action.updates) {
    if (u.spent && *u.spent > *action.budget) {
      context.warning(u.spent_position, "over-budget",
                      fmt::format("spent {} is over the budget of action '{}' ({})", money_text(*u.spent), action.id,
                                  money_text(*action.budget)),
                      "record the overspend and its remedy, or agree a revised budget");
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
                    fmt::format("action budgets add up to {}, more than the plan's budget of {}", money_text(sum),
                                money_text(*plan.budget)),
                    "raise the plan's budget or reduce action budgets");
}

}  // namespace bvplan
