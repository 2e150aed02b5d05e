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
  // --since and --until given as periods (2001/02-Q3): each plan places them in its own
  // year (for_plan_year), from the period's first day to its last; the texts are as given.
  std::optional<PeriodSpec> since_period, until_period;
  std::string since_text, until_text;
  Date today;
  HistoryStep step = HistoryStep::quarter;
  size_t max_file_size = default_max_file_bytes;
};

// `request` with its periods placed in a year starting in `year_start` (Plan::year_start).
// Throws Error when a financial period (2001/02) meets a plan, `file`, whose year is the
// calendar year.
HistoryRequest for_plan_year(const HistoryRequest& request, unsigned year_start, const std::string& file);

struct PlanHistory {
  std::vector<HistoryPoint> points;   // by date
  std::vector<std::string> problems;  // files with no history (standard input, never committed)
  std::vector<std::string> late;      // files first committed after every date asked for
  std::vector<std::string> empty;     // --source plan: files with no date in the dates asked for
};

// A plan file as --source plan reads it: the name messages give it, and the plan checked.
struct NamedPlan {
  std::string file;
  const CheckedPlan* plan;
};

// Each plan file's figures at every commit that changed it (HistoryStep::commit) or at the
// end of each month or quarter, within the request's dates, with owners from `registers`.
// Each distinct version is read once and parsed on every core. Versions over the size
// limit or with errors are left out, and said through `messages`; so is a plan whose first
// commit comes after every date asked for (committed late: `--source plan` is the hint).
// The note that --source plan would help is given only when the plan (as last committed)
// has a date of its own in the periods that git cannot show.
PlanHistory read_history(GitRepository& repo, const std::vector<std::string>& files, OwnerRegisters& registers,
                         const HistoryRequest& request, const MessageSink& messages);

// The dates --source plan evaluates `plan` at, up to `until`: each period end from its start
// (or the request's `since`), or each date it records an update (HistoryStep::commit).
std::vector<Date> plan_dates(const Plan& plan, const HistoryRequest& request, Date until);

// The same points from each plan as it is now (`history --source plan`): its figures at
// the end of each month or quarter from its start (or `since`), or at each date it records
// an update (HistoryStep::commit), as of that date, so that no update dated after it
// counts. Plans with errors are left out (the caller has shown their findings). The
// points carry no commit. A plan with no date in the dates asked for (the last date before
// its start, or no update recorded in them) is listed in `empty` and said through
// `messages`.
PlanHistory plan_history(const std::vector<NamedPlan>& plans, const HistoryRequest& request,
                         const MessageSink& messages);

}  // namespace bvplan
