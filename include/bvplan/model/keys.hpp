// The keys each mapping of a plan file or an owners register may hold, and those it must:
// the tables the loader checks every mapping against (model/read_*.cpp), and from which
// `bvplan schema` writes its JSON Schemas (formats/schema), so the two cannot differ.
#pragma once

#include <span>
#include <string_view>

namespace bvplan::keys {

using Names = std::span<const std::string_view>;

inline constexpr std::string_view file[] = {"bvplan", "plan", "owners", "issues", "measures", "risks"};
inline constexpr std::string_view file_required[] = {"bvplan", "plan", "issues"};
inline constexpr std::string_view plan[] = {
    "id",       "title",          "start",      "end", "review",     "owner",     "budget",
    "currency", "savings_target", "monitoring", "rag", "risk_bands", "year_start"};
inline constexpr std::string_view plan_required[] = {"id", "title", "start", "end"};
inline constexpr std::string_view monitoring[] = {"body", "every"};
inline constexpr std::string_view rag[] = {"green", "amber"};
inline constexpr std::string_view risk_bands[] = {"medium", "high"};
inline constexpr std::string_view issue[] = {"id",           "title",  "description", "external_support",
                                             "monitored_by", "actions"};
inline constexpr std::string_view issue_required[] = {"id", "title", "actions"};
inline constexpr std::string_view external_support[] = {"from", "to", "provider", "note"};

inline constexpr std::string_view action[] = {"id",       "title",       "lead",   "start",          "due",
                                              "support",  "weight",      "budget", "savings_target", "effort_days",
                                              "external", "depends_on",  "status", "targets",        "milestones",
                                              "updates",  "rebaselined", "notes"};
inline constexpr std::string_view action_required[] = {"id", "title", "lead", "start", "due"};
inline constexpr std::string_view milestone[] = {"id", "title", "due", "done"};
inline constexpr std::string_view milestone_required[] = {"id", "title", "due"};
inline constexpr std::string_view update[] = {"date",    "complete", "completed", "spent", "staff_days", "savings",
                                              "summary", "remedy",   "benefits",  "next",  "changes"};
inline constexpr std::string_view update_required[] = {"date", "complete"};
inline constexpr std::string_view rebaseline[] = {"date", "from", "to", "reason", "approved_by"};
inline constexpr std::string_view rebaseline_required[] = {"date", "from", "to"};

inline constexpr std::string_view measure[] = {"id",      "title",     "issue",  "owner",  "unit",
                                               "every",   "source",    "notes",  "better", "baseline",
                                               "targets", "tolerance", "actuals"};
inline constexpr std::string_view measure_required[] = {"id", "title", "better"};
inline constexpr std::string_view baseline[] = {"date", "value"};
inline constexpr std::string_view actual[] = {"date", "value", "note"};
inline constexpr std::string_view actual_required[] = {"date", "value"};

inline constexpr std::string_view risk[] = {"id",       "title",        "owner",  "likelihood", "impact",
                                            "controls", "mitigated_by", "target", "reviews",    "status"};
inline constexpr std::string_view risk_required[] = {"id", "title", "owner", "likelihood", "impact"};
inline constexpr std::string_view rating[] = {"likelihood", "impact"};
inline constexpr std::string_view review[] = {"date", "likelihood", "impact", "note"};
inline constexpr std::string_view review_required[] = {"date", "likelihood", "impact"};

inline constexpr std::string_view owner[] = {"name", "role", "max_actions", "days_per_month"};
inline constexpr std::string_view owner_required[] = {"name"};
inline constexpr std::string_view owners_register[] = {"owners", "year_start"};
inline constexpr std::string_view owners_register_required[] = {"owners"};

// The words a key takes, where it takes one of a few.
inline constexpr std::string_view action_statuses[] = {"active", "deferred", "cancelled"};
inline constexpr std::string_view measure_units[] = {"percent", "number", "money", "days"};
inline constexpr std::string_view polarities[] = {"higher", "lower"};
inline constexpr std::string_view risk_statuses[] = {"open", "closed"};

// One mapping's keys under the name bvplan-plan(5) and the schema give it ("action").
struct Part {
  std::string_view name;
  Names keys;
  Names required;
};

// Every part, from the file's root down, then the owners register's root.
inline constexpr Part parts[] = {
    {"file", file, file_required},
    {"plan", plan, plan_required},
    {"monitoring", monitoring, monitoring},
    {"rag", rag, {}},
    {"risk_bands", risk_bands, {}},
    {"owner", owner, owner_required},
    {"issue", issue, issue_required},
    {"external_support", external_support, {}},
    {"action", action, action_required},
    {"milestone", milestone, milestone_required},
    {"update", update, update_required},
    {"rebaseline", rebaseline, rebaseline_required},
    {"measure", measure, measure_required},
    {"baseline", baseline, actual_required},
    {"actual", actual, actual_required},
    {"risk", risk, risk_required},
    {"rating", rating, rating},
    {"review", review, review_required},
    {"register", owners_register, owners_register_required},
};

}  // namespace bvplan::keys
