// One plan through load and validate (formats/findings.hpp renders the findings).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/source.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

struct CheckedPlan {
  std::optional<Plan> plan;  // absent when the text was not a readable YAML document
  Owners owners;             // every owner the plan may name: registers, then its own
  Diagnostics diagnostics;
  bool has_errors() const { return count_severity(diagnostics, Severity::error) > 0; }
};

// Loads and validates one plan. `inherited` are owners from registers (owners.yaml,
// --owners), and their year start; the plan's own entries win over them.
CheckedPlan check_plan(SourceFile& source, const OwnersRegister& inherited, Date as_of);
// check_plan in two steps, for when the date to check against depends on the plans read
// (a financial --period needs their year start): read, then validate as of `as_of`.
CheckedPlan read_plan_for_check(SourceFile& source, const OwnersRegister& inherited);
void validate_checked(CheckedPlan& checked, Date as_of);

// Rewrites each finding's file, where it is inside a git repository, as its path from the
// repository's root (what code scanning and GitLab need to place it); a file outside any
// repository, or standard input, keeps the name it has.
void paths_from_repository_root(Diagnostics& diagnostics);

// Reads an owners register's text.
OwnersRegister load_owners_text(SourceFile& source, Diagnostics& diagnostics);

}  // namespace bvplan
