#include <fmt/format.h>

#include "bvplan/rules/families.hpp"
#include "bvplan/rules/validate.hpp"

namespace bvplan {

namespace {

// Work finished (`completed`) before the action started, or before an earlier update that
// reported it unfinished, contradicts the plan.
void check_completed(RuleContext& context, const Action& action, const Update& u, const Update* previous) {
  Date done = *u.completed;
  if (done < action.start)
    context.error(
        u.completed_position, "date-order",
        fmt::format("completed {} is before action '{}' starts ({})", to_iso(done), action.id, to_iso(action.start)),
        "correct the completed date, or the action's start");
  else if (previous && previous->complete < 100 && done < previous->date)
    context.error(u.completed_position, "date-order",
                  fmt::format("completed {} is before the update of {}, which reported {}% complete", to_iso(done),
                              to_iso(previous->date), previous->complete),
                  "the work was finished after the last update that reported it unfinished");
}

}  // namespace

void check_updates(RuleContext& context, const Action& action) {
  check_dated_entries(context, action.updates, "update", "update", "update-order",
                      [&](const Update& u, const Update* previous, bool in_order) {
                        if (in_order && previous && u.complete < previous->complete)
                          context.warning(u.complete_position, "complete-decreased",
                                          fmt::format("complete falls from {}% to {}% on {}", previous->complete,
                                                      u.complete, to_iso(u.date)),
                                          "complete is cumulative; if work was lost, say so in 'changes'");
                        if (u.completed) check_completed(context, action, u, previous);
                      });
}

namespace {

// Stale: nothing recorded in the reporting period that ends on the as-of date (the
// report's window), and the action had started before that period.
void check_stale(RuleContext& context, const Action& action, const Update* latest) {
  Cadence cadence = shortest_cadence(context.plan);
  Date since = latest ? latest->date : action.start;
  if (since >= period_start(cadence, context.as_of)) return;
  context.warning(latest ? latest->position : action.position, "stale-update",
                  latest ? fmt::format("action '{}' has no progress update in the {} to {} (latest {})", action.id,
                                       to_string(cadence), to_iso(context.as_of), to_iso(latest->date))
                         : fmt::format("action '{}' started on {} and has no progress update in the {} to {}",
                                       action.id, to_iso(action.start), to_string(cadence), to_iso(context.as_of)),
                  "add an entry under 'updates:' with today's date and complete");
}

}  // namespace

void check_progress(RuleContext& context, const Action& action) {
  if (action.status != ActionStatus::active) return;
  Date as_of = context.as_of;
  const Update* latest = latest_update(action, as_of);
  double actual = latest ? latest->complete : 0;
  if (actual < 100 && action.start <= as_of) check_stale(context, action, latest);
  if (actual >= 100)
    for (const Milestone& m : action.milestones)
      if (!m.done || *m.done > as_of)
        context.warning(m.position, "open-milestones",
                        fmt::format("action '{}' is 100% complete but milestone '{}' is not done", action.id, m.id),
                        "add 'done:' with the date the milestone was met");
}

}  // namespace bvplan
