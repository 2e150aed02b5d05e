// Findings as text: with source excerpts and carets for people, JSON for scripts, and
// GitHub Actions workflow commands for CI logs; SARIF and GitLab Code Quality for CI
// systems that keep findings (formats/code_scanning.hpp).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/source.hpp"

namespace bvplan {

enum class DiagnosticFormat { text, json, github, sarif, gitlab };

// Looks up a file's text for source excerpts; returns nullptr when not available.
using SourceLookup = std::function<const SourceFile*(const std::string& file)>;

// Renders sorted findings as text (excerpt, caret, hint), without a summary: what the
// commands that report on plans write to standard error.
std::string render_findings_text(const Diagnostics& diagnostics, const SourceLookup& sources);

// Renders sorted findings and the summary count (`files` files checked); SARIF and GitLab
// (formats/code_scanning.hpp) have no count, and SARIF names the tool's `version`.
std::string render_diagnostics(const Diagnostics& diagnostics, size_t files, DiagnosticFormat format,
                               const SourceLookup& sources, std::string_view version = "");

}  // namespace bvplan
