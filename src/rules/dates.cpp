#include <fmt/format.h>

#include "bvplan/rules/families.hpp"
#include "bvplan/rules/validate.hpp"

namespace bvplan {

namespace {

// The plan's period is known and in order: dates can be judged against it.
bool plan_period_known(const Plan& plan) { return plan.well_formed && plan.start <= plan.end; }

bool inside_plan(const Plan& plan, Date d) { return d >= plan.start && d <= plan.end; }

void check_milestone_dates(RuleContext& context, const Action& action, const Milestone& m) {
  const Plan& plan = context.plan;
  if (plan_period_known(plan) && !inside_plan(plan, m.due))
    context.warning(m.due_position, "outside-plan-period",
                    fmt::format("milestone '{}' is due on {}, outside the plan period {} to {}", m.id, to_iso(m.due),
                                to_iso(plan.start), to_iso(plan.end)));
  else if (action.start <= action.due && (m.due < action.start || m.due > action.due))
    context.warning(m.due_position, "milestone-outside-action",
                    fmt::format("milestone '{}' is due on {}, outside its action's dates {} to {}", m.id, to_iso(m.due),
                                to_iso(action.start), to_iso(action.due)));
  if (m.done && *m.done > context.as_of)
    context.warning(m.done_position, "future-date",
                    fmt::format("milestone '{}' is marked done on {}, after the as-of date {}", m.id, to_iso(*m.done),
                                to_iso(context.as_of)),
                    "record a milestone as done only once it is");
}

}  // namespace

void check_plan_dates(RuleContext& context) {
  const Plan& plan = context.plan;
  if (plan.well_formed && plan.start > plan.end)
    context.error(plan.start_position, "date-order",
                  fmt::format("plan starts on {}, after it ends on {}", to_iso(plan.start), to_iso(plan.end)),
                  "swap the dates or correct one of them");
  else if (plan.well_formed && plan.end > plan.start.plus_months(12 * max_plan_years))
    context.error(plan.end_position, "date-order",
                  fmt::format("plan runs from {} to {}, more than {} years", to_iso(plan.start), to_iso(plan.end),
                              max_plan_years),
                  "an improvement plan runs for a few years: correct the year");
}

void check_action_dates(RuleContext& context, const Action& action) {
  const Plan& plan = context.plan;
  if (action.start > action.due)
    context.error(action.start_position, "date-order",
                  fmt::format("action '{}' starts on {}, after it is due on {}", action.id, to_iso(action.start),
                              to_iso(action.due)),
                  "swap the dates or correct one of them");
  if (plan_period_known(plan)) {
    if (!inside_plan(plan, action.start))
      context.warning(action.start_position, "outside-plan-period",
                      fmt::format("action '{}' starts on {}, outside the plan period {} to {}", action.id,
                                  to_iso(action.start), to_iso(plan.start), to_iso(plan.end)));
    if (!inside_plan(plan, action.due))
      context.warning(action.due_position, "outside-plan-period",
                      fmt::format("action '{}' is due on {}, outside the plan period {} to {}", action.id,
                                  to_iso(action.due), to_iso(plan.start), to_iso(plan.end)),
                      "extend the plan's end date, or agree a new due date");
  }
  for (const Milestone& m : action.milestones) check_milestone_dates(context, action, m);
}

}  // namespace bvplan
