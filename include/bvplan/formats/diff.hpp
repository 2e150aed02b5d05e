// Changes between versions of plans as text: one sentence per change, and the diff
// command's Markdown and JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/reports/diff.hpp"

namespace bvplan {

// One sentence for people: "action KI8.2 due date re-baselined +45 days (2004-09-30 to
// 2004-11-14)".
std::string describe(const PlanChange& change, const std::string& currency);

// "action A1 reported 55% complete on 2004-06-30", "milestone M1 of action A1 met on
// 2004-05-14: Survey done".
std::string describe(const ProgressReport& report);

std::string render_diff_markdown(const std::vector<PlanDiff>& plans, const DiffEnd& from,
                                 const std::optional<DiffEnd>& to);
std::string render_diff_json(const std::vector<PlanDiff>& plans, const DiffEnd& from, const std::optional<DiffEnd>& to);

}  // namespace bvplan
