#include "bvplan/rules/validate.hpp"

#include "bvplan/rules/families.hpp"

namespace bvplan {

RuleContext::RuleContext(const Plan& plan_, const Owners& owners_, Date as_of_, Diagnostics& diagnostics_)
    : plan(plan_), owners(owners_), as_of(as_of_), diagnostics(diagnostics_) {
  for (const KeyIssue& issue : plan.issues)
    for (const Action& action : issue.actions)
      if (!action.id.empty()) actions.emplace(action.id, &action);  // first wins
}

void RuleContext::error(Position at, const char* rule, std::string message, std::string hint) {
  diagnostics.push_back({plan.file, at, Severity::error, rule, std::move(message), std::move(hint)});
}

void RuleContext::warning(Position at, const char* rule, std::string message, std::string hint) {
  diagnostics.push_back({plan.file, at, Severity::warning, rule, std::move(message), std::move(hint)});
}

const Update* latest_update(const Action& action, Date as_of) {
  const Update* latest = nullptr;
  for (const Update& u : action.updates)
    if (u.date <= as_of && (!latest || u.date >= latest->date)) latest = &u;
  return latest;
}

namespace {

void check_action(RuleContext& context, const Action& action) {
  if (!action.well_formed) {
    check_dependencies(context, action, false);
    return;
  }
  check_action_dates(context, action);
  check_updates(context, action);
  check_spending(context, action);
  check_staff_time(context, action);
  check_dependencies(context, action, true);
  check_progress(context, action);
}

}  // namespace

void validate_plan(const Plan& plan, const Owners& owners, Date as_of, Diagnostics& diagnostics) {
  RuleContext context(plan, owners, as_of, diagnostics);
  check_duplicate_ids(context);
  check_owner_references(context);
  check_plan_dates(context);
  for (const KeyIssue& issue : plan.issues)
    for (const Action& action : issue.actions) check_action(context, action);
  check_dependency_cycles(context);
  check_budget_allocation(context);
  check_measures(context);
  check_risks(context);
  check_unused_owners(context);
}

}  // namespace bvplan
