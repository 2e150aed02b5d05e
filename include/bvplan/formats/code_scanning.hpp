// Findings in the formats CI systems read besides GitHub's workflow commands: SARIF 2.1.0
// (GitHub code scanning and other SARIF viewers), GitLab Code Quality, and the Markdown
// summary a GitHub Actions job shows (GITHUB_STEP_SUMMARY), which lists every finding as
// annotations are capped.
#pragma once

#include <string>
#include <string_view>

#include "bvplan/core/diagnostic.hpp"

namespace bvplan {

// A finding's fingerprint: 16 hex digits from its rule, file and message (not its line,
// nor the line and column numbers in its message, so moving the text does not make it a
// new finding), and which of identical findings it is. Stable from run to run and machine to machine (FNV-1a, 64 bits).
std::string finding_fingerprint(const Diagnostic& finding, size_t repeat);

// The file's path as a URI reference: relative paths stay relative ("plans/a%20b.yaml"),
// absolute ones become file: URIs.
std::string path_uri(std::string_view path);

// SARIF 2.1.0: the tool with every rule of the catalog (and any other rule a finding
// names), then one result per finding. Paths as given: the caller makes them relative to
// the repository's root.
std::string render_sarif(const Diagnostics& diagnostics, std::string_view version);

// GitLab Code Quality: a JSON array of issues (description, check_name, fingerprint,
// severity, location.path and location.lines.begin).
std::string render_gitlab(const Diagnostics& diagnostics);

// The job summary: the counts, then every finding in a table.
std::string render_step_summary(const Diagnostics& diagnostics, size_t files);

}  // namespace bvplan
