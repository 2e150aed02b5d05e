// Changes between versions of plans as text: one sentence per change, and the diff
// command's Markdown and JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/figures/compute.hpp"
#include "bvplan/reports/diff.hpp"

namespace bvplan {

// How a sentence gives dates: "2004-09-30" for the engineer's `diff`, "30 September 2004"
// for the committee paper.
enum class DateWords { iso, long_form };

// One sentence for people: "action KI8.2 due date re-baselined +45 days (2004-09-30 to
// 2004-11-14)".
std::string describe(const PlanChange& change, const std::string& currency, DateWords dates = DateWords::iso);

// "action A1 reported 55% complete on 2004-06-30", "milestone M1 of action A1 met on
// 2004-05-14: Survey done".
std::string describe(const ProgressReport& report);

// "HEAD~2 (abc1234, 16 January 2004)": a baseline as the paper names it.
std::string baseline_label(const PlanVersion& version);
// "HEAD~1 (abc1234, as of 2004-01-16)": the version a direction of travel is against.
std::string comparison_label(const PlanVersion& version);

// "plan 'x' has no version at HEAD~1 (abc1234): no plan file there has its id (...)", or
// "the plan had errors at HEAD~1, so nothing is compared with it".
std::string describe(const MissingVersion& missing, const PlanVersion& version);

// The baseline's changes, one sentence each (or why there are none to list).
std::vector<std::string> describe_changes(const Baseline& baseline, const std::string& currency,
                                          DateWords dates = DateWords::iso);

std::string render_diff_markdown(const std::vector<PlanDiff>& plans, const DiffEnd& from,
                                 const std::optional<DiffEnd>& to);
std::string render_diff_json(const std::vector<PlanDiff>& plans, const DiffEnd& from, const std::optional<DiffEnd>& to);

}  // namespace bvplan
