// A plan bvplan is about to write (new, init), checked first as `bvplan check` would
// check it in its place, so that nothing that fails the check is written.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "bvplan/app/check.hpp"
#include "bvplan/app/owner_registers.hpp"
#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/source.hpp"

namespace bvplan {

struct PlanPreview {
  SourceFile plan;                   // the text, named by the path it would have
  std::optional<SourceFile> owners;  // a register written with it (init), when there is one
  OwnerRegisters registers{default_max_file_bytes};
  CheckedPlan checked;
  Diagnostics findings;  // the plan's and its register's, sorted

  // A file's text for excerpts: the plan, the register written with it, or one read.
  const SourceFile* source(const std::string& file) const;
};

// Checks `text` as the plan at `path` as of `as_of`, with the owners register it would
// inherit there: `owners_register` when given (a register written together with the
// plan, as `init` does), else the nearest owners.yaml found from `path` (see
// bvplan-plan(5)). Reads no plan file; throws Error when a register cannot be read.
std::unique_ptr<PlanPreview> preview_plan(const std::string& path, std::string text, Date as_of,
                                          std::optional<SourceFile> owners_register = std::nullopt);

// The owners a plan at `path` would inherit from its nearest owners.yaml register.
Owners inherited_owners(const std::string& path);

}  // namespace bvplan
