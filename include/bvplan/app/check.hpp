// One plan through load and validate, and the rendering of the findings.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/source.hpp"
// Not needed here: keeps the command layer, which includes this header, seeing OwnerRegisters
// where io/workspace.hpp used to declare it.
#include "bvplan/app/owner_registers.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

struct CheckedPlan {
  std::optional<Plan> plan;  // absent when the text was not a readable YAML document
  Owners owners;             // every owner the plan may name: registers, then its own
  Diagnostics diagnostics;
  bool has_errors() const { return count_severity(diagnostics, Severity::error) > 0; }
};

// Loads and validates one plan. `inherited` are owners from registers (owners.yaml,
// --owners); the plan's own entries win over them.
CheckedPlan check_plan(SourceFile& source, const Owners& inherited, Date as_of);

// Reads an owners register's text.
Owners load_owners_text(SourceFile& source, Diagnostics& diagnostics);

enum class DiagnosticFormat { text, json, github };

// Looks up a file's text for source excerpts; returns nullptr when not available.
using SourceLookup = std::function<const SourceFile*(const std::string& file)>;

// Renders sorted findings as text (excerpt, caret, hint), without a summary: what the
// commands that report on plans write to standard error.
std::string render_findings_text(const Diagnostics& diagnostics, const SourceLookup& sources);

// Renders sorted findings and the summary count (`files` files checked).
std::string render_diagnostics(const Diagnostics& diagnostics, size_t files, DiagnosticFormat format,
                               const SourceLookup& sources);

}  // namespace bvplan
