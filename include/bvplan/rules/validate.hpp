// Plan model to findings: references, dependencies, dates, budgets and progress rules.
#pragma once

#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

// The longest plan period accepted (date-order): the figures and the workload go period
// by period, so a plan over centuries would make a small file cost gigabytes.
inline constexpr int max_plan_years = 100;

// Appends the semantic findings for `plan`. `owners` is every owner the plan may name
// (registers and the plan's own); `as_of` is the date progress rules are judged at.
void validate_plan(const Plan& plan, const Owners& owners, Date as_of, Diagnostics& diagnostics);

// unapproved-rebaseline: every action whose due date is later in `now` than in `then`
// (the plan at `revision`) without `rebaselined` records, each naming who approved it
// (approved_by, not blank: white space and invisible characters are no one), that lead from
// the old date to the new one.
void check_rebaselines(const Plan& now, const Plan& then, const std::string& revision, Diagnostics& diagnostics);

// The latest update dated on or before `as_of`, or nullptr.
const Update* latest_update(const Action& action, Date as_of);
// The latest actual of a measure dated on or before `as_of`, or nullptr.
const MeasurePoint* latest_actual(const Measure& measure, Date as_of);

}  // namespace bvplan
