// diff: what changed in the plans between a git revision and the working tree, or two revisions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/app/plan_set.hpp"
#include "bvplan/git/repository.hpp"
#include "bvplan/reports/diff.hpp"

namespace bvplan {

struct DiffRequest {
  std::vector<std::string> revisions;  // none (HEAD), one, or two
  std::vector<std::string> scope;      // paths asked about, as given
  std::vector<std::string> files;      // the working tree's plan files (one revision or none)
  std::string owners_file;
  size_t max_file_size = default_max_file_bytes;
};

struct PlanDiffs {
  std::vector<PlanDiff> diffs;
  DiffEnd from;
  std::optional<DiffEnd> to;                         // absent: the working tree
  bool errors = false;                               // a plan had errors on one side; it is left out
  OwnerRegisters registers{default_max_file_bytes};  // read on the way, with their findings
};

// Each plan in scope on the newer side matched with its earlier version (by path, rename
// or id), plans only on the earlier side as removed. Plans with errors are left out and
// said through `messages`. Throws Error when the owners register cannot be read.
PlanDiffs diff_revisions(GitRepository& repo, const DiffRequest& request, const MessageSink& messages);

}  // namespace bvplan
