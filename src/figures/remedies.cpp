#include "bvplan/figures/remedies.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "bvplan/core/number.hpp"

namespace bvplan {

bool needs_remedy(const ActionFigures& a) {
  return a.state == State::overdue || a.rag == Rag::red || a.rag == Rag::amber;
}

bool needs_remedy(const MilestoneFigures& m) {
  return m.state == MilestoneState::overdue && m.action->status == ActionStatus::active;
}

void remedy_findings(const PlanFigures& p, Diagnostics& out) {
  std::unordered_map<const Action*, const Milestone*> first_overdue;  // looked up only: order never shows
  for (const MilestoneFigures& m : p.milestones)
    if (needs_remedy(m)) first_overdue.emplace(m.action, m.milestone);
  for (const ActionFigures& a : p.actions) {
    auto found = first_overdue.find(a.action);
    const Milestone* overdue = found == first_overdue.end() ? nullptr : found->second;
    if (a.latest && !a.latest->remedy.empty()) continue;
    const Action& act = *a.action;
    std::string message;
    std::string hint = "add 'remedy:' to the latest update: the proposed action to remedy the work overdue";
    if (a.state == State::overdue)
      message =
          fmt::format("action '{}' is overdue (due {}) and its latest update has no remedy", act.id, to_iso(act.due));
    else if (needs_remedy(a)) {
      message = fmt::format("action '{}' is {}, behind its target ({}% of {}%), and {}", act.id, to_string(a.rag),
                            format_percent(a.actual, 0), format_percent(a.target, 0),
                            a.latest ? "its latest update has no remedy" : "has no update with a remedy");
      hint = a.latest ? "add 'remedy:' to the latest update: the proposed action to bring the work back to target"
                      : "add an update under 'updates:' with its % complete and a 'remedy:', the proposed action to "
                        "bring the work back to target";
    } else if (overdue)
      message = fmt::format(
          "milestone '{}' of action '{}' is overdue (due {}) and the action's latest update has no "
          "remedy",
          overdue->id, act.id, to_iso(overdue->due));
    else
      continue;
    out.push_back({p.plan->file, a.latest ? a.latest->position : act.due_position, Severity::warning, "missing-remedy",
                   std::move(message), hint});
  }
}

}  // namespace bvplan
