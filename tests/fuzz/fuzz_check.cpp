// libFuzzer target: arbitrary bytes through load, validate and the findings renderers, as
// a plan and as an owners register. Anything but a clean return (a crash, a sanitizer
// report, an exception other than bvplan::Error, a hang, invalid JSON) is a bug. See scripts/fuzz.
#include <cstddef>
#include <cstdint>
#include <string>

#include "bvplan/app/check.hpp"
#include "bvplan/core/date.hpp"
#include "bvplan/figures/compute.hpp"
#include "bvplan/formats/code_scanning.hpp"
#include "bvplan/formats/findings.hpp"
#include "fuzz_support.hpp"

using namespace bvplan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    SourceFile source("plan.yaml", text);
    CheckedPlan checked = check_plan(source, fuzz::register_owners(), fuzz::fixed_as_of());
    SourceLookup lookup = [&](const std::string& file) { return file == source.path ? &source : nullptr; };
    for (DiagnosticFormat format : {DiagnosticFormat::text, DiagnosticFormat::github})
      render_diagnostics(checked.diagnostics, 1, format, lookup);
    fuzz::require_json(render_diagnostics(checked.diagnostics, 1, DiagnosticFormat::json, lookup),
                       "check --format json");
    render_findings_text(checked.diagnostics, lookup);
    fuzz::require_json(render_sarif(checked.diagnostics, "0"), "check --format sarif");
    fuzz::require_json(render_gitlab(checked.diagnostics), "check --format gitlab");
    render_step_summary(checked.diagnostics, 1);

    SourceFile owners_source("owners.yaml", text);
    Diagnostics owner_findings;
    load_owners_text(owners_source, owner_findings);
    sort_diagnostics(owner_findings);
    render_findings_text(owner_findings, [&](const std::string&) { return &owners_source; });

    // The strict parsers for option values see the same bytes.
    parse_date(text);
    parse_period(text);
  } catch (const Error&) {
    // A stop with a message: what the command line reports and exits 2 on.
  }
  return 0;
}
