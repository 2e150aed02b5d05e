// The files `bvplan new` and `bvplan init` write: a commented plan skeleton and a plans
// repository, as pure functions of the values given (no disk, no clock).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/core/date.hpp"

namespace bvplan {

// What a new plan is given; every text is spelled by yaml_text.
struct PlanSkeleton {
  std::string id;
  std::string title;
  Date start, end;
  std::string body;            // the monitoring body; empty: a commented example instead
  std::string every;           // its cadence as the plan writes it (`quarter`, `6 months`)
  std::string owner = "LEAD";  // the plan's owner and the example action's lead
  // The owner's name, declared under the plan's own `owners:`; absent when the owner
  // comes from an owners.yaml register.
  std::optional<std::string> owner_name = "Lead officer";
};

// A plan file that passes `bvplan check`: the plan's keys, one example key issue (KI1)
// with one example action (KI1.1, led by the owner from start to end), and comments
// saying what each key is for, with commented examples of the optional keys.
std::string plan_skeleton(const PlanSkeleton& plan);

// Why `text` cannot be a plan's or an owner's id, or empty when it can.
std::string id_problem(std::string_view text);

// Why `text` cannot be a date, or empty when it can.
std::string date_problem(std::string_view text);

// Why `text` cannot be a one-line text value such as a title (blank, or holding a
// line break or another control character), or empty when it can.
std::string line_problem(std::string_view text);

// A cadence as given on the command line, as the plan writes it: what the plan format
// accepts (`month`, `quarter`, `year`, `N months`) and `half-year` (`6 months`);
// nullopt for anything else.
std::optional<std::string> cadence_spelling(std::string_view text);

// One file of a new plans repository, its path relative to the repository's folder.
struct SkeletonFile {
  std::string path;
  std::string text;
};

// The files `bvplan init` writes, in the order it lists them: plans/example.yaml (an
// example plan for the year starting with `today`'s month, led by the register's one
// owner, CMT), owners.yaml, .github/workflows/bvplan.yml and README.md.
std::vector<SkeletonFile> repository_skeleton(Date today);

}  // namespace bvplan
