#include "bvplan/app/against.hpp"

#include <fmt/format.h>

#include "bvplan/app/revision.hpp"
#include "bvplan/formats/diff.hpp"
#include "bvplan/rules/validate.hpp"

namespace bvplan {

Diagnostics against_revision_findings(const PlanSet& set, const std::string& revision, Date as_of, size_t max_file_size,
                                      const MessageSink& messages) {
  Diagnostics all;
  if (set.plans.empty()) return all;
  auto repo = open_repository(set.paths);
  RevisionPlans at(*repo, revision, max_file_size, messages);
  for (size_t i = 0; i < set.plans.size(); ++i) {
    const CheckedPlan& now = set.plans[i];
    if (!now.plan || set.paths[i] == "-") continue;  // standard input has no history
    MissingVersion missing;
    std::optional<TreeFile> found = at.find(repo->relative_path(set.paths[i]), now.plan->id, missing);
    if (!found && now.plan->id.empty()) continue;  // its missing id is already an error
    if (!found) {
      // Said as a finding, so CI sees a plan that a rename or a new id hid from the gate.
      all.push_back({set.files[i], now.plan->position, Severity::warning, "not-in-revision",
                     describe(missing, at.version()) + ", so its due dates are not compared",
                     fmt::format("expected for a plan added since {}; a renamed or moved plan is found by its "
                                 "id, so keep the id it had there",
                                 revision)});
      continue;
    }
    CheckedPlan then = at.load(*found, OwnersRegister{now.owners, now.plan->year_start}, as_of);
    if (!then.plan || then.has_errors()) {
      messages(fmt::format("bvplan: warning: {} has errors at {} ({}); its due dates are not compared\n",
                           shown_path(*repo, found->path), revision, at.commit().short_id));
      continue;
    }
    check_rebaselines(*now.plan, *then.plan, revision, all);
  }
  return all;
}

}  // namespace bvplan
