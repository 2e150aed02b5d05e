// The families of rules validate_plan runs, one file each under src/rules/, and what they
// share: the plan, the owners it may name, the as-of date and the findings so far.
#pragma once

#include <fmt/format.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

struct RuleContext {
  RuleContext(const Plan& plan, const Owners& owners, Date as_of, Diagnostics& diagnostics);

  const Plan& plan;
  const Owners& owners;
  Date as_of;
  Diagnostics& diagnostics;
  std::map<std::string, const Action*> actions;  // by id; the first of a duplicated id

  void error(Position at, const char* rule, std::string message, std::string hint = {});
  void warning(Position at, const char* rule, std::string message, std::string hint = {});
};

// Dated entries (updates, actuals, reviews) listed oldest first, one per date: `order_rule`
// at an entry not after the one before it, future-date at one after the as-of date.
// `noun` names an entry ("update"), `subject` starts the future-date message ("review of
// risk 'R1'"); `each(entry, previous, in_order)` adds the family's own checks between.
template <typename Entry, typename Each>
void check_dated_entries(RuleContext& context, const std::vector<Entry>& entries, std::string_view noun,
                         std::string_view subject, const char* order_rule, Each each) {
  const Entry* previous = nullptr;
  for (const Entry& e : entries) {
    bool in_order = !previous || e.date > previous->date;
    if (!in_order)
      context.error(e.position, order_rule,
                    fmt::format("{} dated {} is not after the previous {} ({})", noun, to_iso(e.date), noun,
                                to_iso(previous->date)),
                    fmt::format("list {}s oldest first, one per date", noun));
    each(e, previous, in_order);
    if (e.date > context.as_of)
      context.warning(
          e.position, "future-date",
          fmt::format("{} dated {} is after the as-of date {}", subject, to_iso(e.date), to_iso(context.as_of)));
    previous = &e;
  }
}

// ids.cpp: duplicate-id across key issues, actions, milestones and risks.
void check_duplicate_ids(RuleContext& context);

// owners.cpp: unknown-owner for the plan's owner, every lead and support and every risk's owner.
void check_owner_references(RuleContext& context);
// owners.cpp: unknown-owner unless `ref` names an owner (or is empty).
void check_owner(RuleContext& context, const Reference& ref);
// owners.cpp: unused-owner for the plan's own owners; an owner written by its name (the
// loader's malformed id) gets the hint naming its id, and counts as used.
void check_unused_owners(RuleContext& context);

// dates.cpp: the plan's dates in order and under max_plan_years (date-order).
void check_plan_dates(RuleContext& context);
// dates.cpp: an action's and its milestones' dates: date-order, outside-plan-period,
// milestone-outside-action, future-date (done).
void check_action_dates(RuleContext& context, const Action& action);

// progress.cpp: the updates in order (update-order, complete-decreased, future-date).
void check_updates(RuleContext& context, const Action& action);
// progress.cpp: stale-update and open-milestones at the as-of date (missing-remedy needs
// the figures: figures/remedies.hpp).
void check_progress(RuleContext& context, const Action& action);

// budgets.cpp: over-budget (the first update that spends more than the action's budget).
void check_spending(RuleContext& context, const Action& action);
// budgets.cpp: over-effort (the first update logging more staff days than effort_days).
void check_staff_time(RuleContext& context, const Action& action);
// budgets.cpp: budget-allocation (action budgets over the plan's).
void check_budget_allocation(RuleContext& context);

// dependencies.cpp: unknown-dependency, and dependency-order when `dates_known`.
void check_dependencies(RuleContext& context, const Action& action, bool dates_known);
// dependencies.cpp: every dependency-cycle once, at the first action of the cycle.
void check_dependency_cycles(RuleContext& context);

// measures.cpp: unknown-issue, unknown-owner, update-order and future-date of actuals,
// stale-measure.
void check_measures(RuleContext& context);
// risks.cpp: unknown-mitigation, review-order, future-date (reviews), and for open risks
// stale-risk and unmitigated-risk at the as-of date.
void check_risks(RuleContext& context);

}  // namespace bvplan
