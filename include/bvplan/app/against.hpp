// check --against: due dates moved since a git revision.
#pragma once

#include <string>

#include "bvplan/app/plan_set.hpp"

namespace bvplan {

// unapproved-rebaseline findings for every plan in `set` against its version at
// `revision` (found by path or id), and not-in-revision for a plan with no version there.
// A plan with errors at the revision is not compared; `messages` says so.
Diagnostics against_revision_findings(const PlanSet& set, const std::string& revision, Date as_of, size_t max_file_size,
                                      const MessageSink& messages);

}  // namespace bvplan
