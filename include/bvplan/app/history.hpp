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
  std::optional<Date> until;  // empty: each plan's history_end (its end or last update, at most today)
  Date today;
  HistoryStep step = HistoryStep::quarter;
  size_t max_file_size = default_max_file_bytes;
};

struct PlanHistory {
  std::vector<HistoryPoint> points;   // by date
  std::vector<std::string> problems;  // files with no history (standard input, never committed)
  std::vector<std::string> late;      // files first committed after every date asked for
};

// Each plan file's figures at every commit that changed it (HistoryStep::commit) or at the
// end of each month or quarter, within the request's dates, with owners from `registers`.
// Each distinct version is read once and parsed on every core. Versions over the size
// limit or with errors are left out, and said through `messages`; so is a plan whose first
// commit comes after every date asked for (committed late: `--source plan` is the hint).
PlanHistory read_history(GitRepository& repo, const std::vector<std::string>& files, OwnerRegisters& registers,
                         const HistoryRequest& request, const MessageSink& messages);

// The same points from each plan as it is now (`history --source plan`): its figures at
// the end of each month or quarter from its start (or `since`), or at each date it records
// an update (HistoryStep::commit), as of that date, so that no update dated after it
// counts. Plans with errors are left out (the caller has shown their findings). The
// points carry no commit.
PlanHistory plan_history(const std::vector<const CheckedPlan*>& plans, const HistoryRequest& request);

}  // namespace bvplan
