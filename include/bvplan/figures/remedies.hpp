// Work that needs a proposed remedy: what section 4 of the committee paper ("Proposed
// action to remedy any work overdue") lists, and the `missing-remedy` warnings `check`
// gives for it. One predicate serves both, so the paper never prints "No remedy
// recorded." for an action `check` passed.
#pragma once

#include "bvplan/core/diagnostic.hpp"
#include "bvplan/figures/compute.hpp"

namespace bvplan {

// The action is overdue, or red or amber (behind its target).
bool needs_remedy(const ActionFigures& action);
// The milestone is overdue and its action is still active (not deferred or cancelled).
bool needs_remedy(const MilestoneFigures& milestone);

// One `missing-remedy` warning for each action that needs a remedy, or has a milestone
// overdue, while its latest update (on or before the as-of date) records none; at that
// update, else at the action's due date.
void remedy_findings(const PlanFigures& plan, Diagnostics& out);

}  // namespace bvplan
