// `update`: a progress update, a milestone met, a measure's actual or a risk review
// written into the plan that holds the id, checked in full before anything is written.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bvplan/app/plan_set.hpp"
#include "bvplan/authoring/edit.hpp"
#include "bvplan/core/date.hpp"
#include "bvplan/figures/compute.hpp"

namespace bvplan {

// The plan holding an id, and the item it names there.
struct UpdateTarget {
  std::unique_ptr<PlanSet> set;
  size_t plan = 0;  // index in set->plans
  ItemKind kind = ItemKind::action;
  const Action* action = nullptr;        // the action, or the milestone's action
  const Milestone* milestone = nullptr;  // kind milestone
  const Measure* measure = nullptr;      // kind measure
  const Risk* risk = nullptr;            // kind risk

  const std::string& file() const { return set->files[plan]; }
  const Plan& plan_model() const { return *set->plans[plan].plan; }
};

// Finds the one plan among `inputs` that holds `id`. Throws Error when no plan holds it
// (with a did-you-mean), when several do (naming them), when the plan has errors that
// keep it from being read, or when an input is standard input.
UpdateTarget find_update_target(const PlanInputs& inputs, const std::string& id, Date as_of);

// The update applied to the plan's text, and the plan checked again.
struct UpdateOutcome {
  std::string before;        // the file's bytes
  std::string after;         // as they would be (a byte-order mark kept)
  Diagnostics added;         // findings the new text has that the old did not, sorted
  bool refused = false;      // an added error: nothing may be written
  std::optional<Plan> plan;  // the plan read from `after`
  Owners owners;
};

// `entry` appended to the item's list (updates, actuals, reviews), or for a milestone its
// one field (done) set, then the whole plan loaded and validated as of `as_of`.
UpdateOutcome apply_update(const UpdateTarget& target, const std::vector<EntryField>& entry, Date as_of);

}  // namespace bvplan
