// The parallel history reader: each plan's figures at points in its git history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/app/plan_set.hpp"
#include "bvplan/git/repository.hpp"
#include "bvplan/reports/history.hpp"

namespace bvplan {

struct HistoryRequest {
  std::optional<Date> since;
  Date until;
  HistoryStep step = HistoryStep::quarter;
  size_t max_file_size = default_max_file_bytes;
};

struct PlanHistory {
  std::vector<HistoryPoint> points;   // by date
  std::vector<std::string> problems;  // files with no history (standard input, never committed)
};

// Each plan file's figures at every commit that changed it (HistoryStep::commit) or at the
// end of each month or quarter, within the request's dates, with owners from `registers`.
// Each distinct version is read once and parsed on every core. Versions over the size
// limit or with errors are left out, and said through `messages`.
PlanHistory read_history(GitRepository& repo, const std::vector<std::string>& files, OwnerRegisters& registers,
                         const HistoryRequest& request, const MessageSink& messages);

}  // namespace bvplan
