// The outside world: plan files in folders and the clock; files.hpp reads and writes
// files, discovery.hpp finds registers. Only app and commands use io; compute and
// render never touch the disk.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/io/discovery.hpp"
#include "bvplan/io/files.hpp"

namespace bvplan {

// Expands PATHs: files as given; folders to every *.yaml / *.yml below them, sorted,
// skipping owners.yaml and hidden files and folders. Paths that do not exist are
// returned in `unreadable` with a message. With `max_entries`, folders are walked only
// until that many entries have been looked at, and `cut` says whether the walk stopped
// short (for shell completion, which must answer at once even from /).
struct PlanFiles {
  std::vector<std::string> files;
  std::vector<std::string> unreadable;
  bool cut = false;
};
PlanFiles collect_plan_files(const std::vector<std::string>& paths, size_t max_entries = 0);

// `path` (relative to `root`) as seen from the current folder: "plans/a.yaml" in a
// repository at /r, run from /r/plans, is "a.yaml"; `path` itself when that cannot be said.
std::string path_from_current_folder(const std::string& root, const std::string& path);

// "Today": SOURCE_DATE_EPOCH when set (a UNIX time), else the local calendar date.
// Throws Error when SOURCE_DATE_EPOCH is not a number.
Date today();

}  // namespace bvplan
