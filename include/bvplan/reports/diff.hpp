// What changed between two versions of a plan, matched by id (never by position).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/model/change.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

// The changes from `before` to `after`: the plan's own fields, then key issues and
// actions in the order of `after`, then removed actions and key issues, then the risks
// (diff_risks).
std::vector<PlanChange> diff_plans(const Plan& before, const Plan& after);
// diff_risks.cpp: risks added, removed and changed (title, owner, inherent rating, status,
// target), in the order of `after`, appended to `changes`.
void diff_risks(const Plan& before, const Plan& after, std::vector<PlanChange>& changes);

// The outcome measures' changes, appended to `changes`: each measure of `after` added or
// changed (fields, then targets), in its order, then those removed.
void diff_measures(const Plan& before, const Plan& after, std::vector<PlanChange>& changes);

// Progress reported between two versions of a plan: an update added (by its date), or a
// milestone met (`done` set where it was not).
struct ProgressReport {
  enum class Kind { update_added, milestone_met };
  Kind kind = Kind::update_added;
  std::string action;     // the action's id
  std::string milestone;  // the milestone's id (milestone_met)
  std::string title;      // the milestone's title (milestone_met)
  Date date;              // the update's date, or the day the milestone was met
  double complete = 0;    // the update's % complete (update_added)
};

// The progress in `after` that `before` did not have, action by action in the order of
// `after`: its updates added (in file order), then its milestones met.
std::vector<ProgressReport> diff_progress(const Plan& before, const Plan& after);

// One plan file compared between two versions.
struct PlanDiff {
  enum class Presence { both, added, removed };
  std::string id;
  std::string title;
  std::string file;
  std::string currency = "GBP";
  Presence presence = Presence::both;
  std::vector<PlanChange> changes;
  std::vector<ProgressReport> progress;
};

// One end of a comparison: a revision, or the working tree (empty revision).
struct DiffEnd {
  std::string revision;
  std::string commit;  // full id
  Date date;
};

}  // namespace bvplan
