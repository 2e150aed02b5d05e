// The ids the plans in some files or folders declare, for shell completion.
#pragma once

#include <string>
#include <vector>

#include "bvplan/model/plan.hpp"

namespace bvplan {

// Every valid id declared in the plan files found in `paths` (the current folder when
// empty) as `explain` and `update` find them, sorted and each once. Plans are only read,
// not checked; a file or plan that cannot be read adds nothing and says nothing. Only the
// `kinds` asked for (explain takes no milestone, update no key issue or plan). Bounded,
// as a shell waits for it: at most 20,000 folder entries looked at and 200 plan files or
// 32 MiB read, so that completing in / or a home folder answers at once.
std::vector<std::string> ids_in_plans(const std::vector<std::string>& paths, size_t max_file_size, IdKinds kinds = {});

}  // namespace bvplan
