// Figures for a set of plans: what status, report, explain and savings show.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/app/plan_set.hpp"
#include "bvplan/core/period.hpp"
#include "bvplan/figures/compute.hpp"

namespace bvplan {

// The plans without errors, computed as of one date over one window.
struct FigureSet {
  std::vector<PlanFigures> plans;
  std::vector<std::string> paths;  // each plan's file as read ("-" for standard input)
  Date as_of;
  DateRange window;
};

// Figures for every plan in `set` without errors, as of `as_of`, over `period` when given,
// else the window of the shortest monitoring cadence among them (a quarter when none);
// each with its next progress report.
FigureSet compute_figure_set(const PlanSet& set, Date as_of, const std::optional<DateRange>& period);

// --baseline and --compare: each plan's version at those git revisions (either may be
// empty), its due dates and changes since the baseline, and its direction of travel since
// the comparison. What cannot be compared is said through `messages`.
struct RevisionOptions {
  std::string baseline;
  std::string compare;
  size_t max_file_size = default_max_file_bytes;
};
void apply_baseline_and_comparison(FigureSet& figures, const RevisionOptions& options, const MessageSink& messages);

}  // namespace bvplan
