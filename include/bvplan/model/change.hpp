// One change between two versions of a plan, as data: reports/diff finds them, figures
// keep those since a baseline, formats/diff says them in words.
#pragma once

#include <optional>
#include <string>

namespace bvplan {

struct PlanChange {
  // What changed, as a stable word: plan-changed, issue-added, issue-removed,
  // issue-changed, action-added, action-removed, action-changed, rebaselined,
  // brought-forward, start-moved, targets-changed, milestone-added, milestone-removed,
  // milestone-moved, measure-added, measure-removed, measure-changed (and
  // targets-changed for a measure's targets), risk-added, risk-removed, risk-changed. plan-changed with field
  // "file": the plan is in another file now (renamed, or deleted and added again elsewhere); the application
  // layer adds it.
  std::string kind;
  std::string subject;  // "plan", "key issue", "action", "milestone", "measure", "risk"
  std::string id;
  std::string field;         // the field for *-changed and moves: title, lead, budget, due...
  std::string from;          // the value before, as written ("" when absent)
  std::string to;            // the value after
  std::optional<long> days;  // for dates that moved: after - before
  std::string title;         // for additions and removals
};

}  // namespace bvplan
