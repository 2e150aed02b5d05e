// bvplan check: validate plans.
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>

#include "bvplan/app/against.hpp"
#include "bvplan/app/check.hpp"
#include "bvplan/app/plan_set.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/core/version.hpp"
#include "bvplan/formats/code_scanning.hpp"
#include "bvplan/formats/findings.hpp"

namespace bvplan {

namespace {

const Choices<DiagnosticFormat> formats = {{"text", DiagnosticFormat::text},
                                           {"json", DiagnosticFormat::json},
                                           {"github", DiagnosticFormat::github},
                                           {"sarif", DiagnosticFormat::sarif},
                                           {"gitlab", DiagnosticFormat::gitlab}};

// With --format github in a GitHub Actions job: every finding, in the job's summary page
// (annotations stop at 10 a step). Appended, as other steps write there too; a summary
// that cannot be written is said and does not change the exit status.
void append_step_summary(const Diagnostics& all, size_t files) {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (!path || !*path) return;
  std::ofstream summary(path, std::ios::app | std::ios::binary);
  summary << render_step_summary(all, files);
  summary.close();
  if (!summary)
    write_err(
        fmt::format("bvplan: warning: could not add the findings to the job summary, GITHUB_STEP_SUMMARY "
                    "'{}'\n",
                    path));
}

struct CheckOptions {
  InputOptions input;
  std::string format;
  bool strict = false;
  std::string against;
};

void declare(CLI::App& command, CheckOptions& options) {
  add_input_options(command, options.input);
  add_choice_option(command, "--format", options.format, formats, "output format");
  command.add_flag("--strict", options.strict, "fail (exit 1) on warnings too");
  command
      .add_option("--against", options.against,
                  "also report unapproved-rebaseline: due dates moved later since this git revision "
                  "without a 'rebaselined' record (and not-in-revision: a plan with no version there)")
      ->type_name("REV")
      ->check(non_empty);
}

int run(const CheckOptions& options) {
  Date as_of = parse_as_of(options.input.as_of);
  auto set = load_plan_set(options.input.plans, as_of);
  Diagnostics all = set->findings();
  for (const Diagnostic& d : capacity_findings(*set, as_of)) all.push_back(d);
  if (!options.against.empty()) {
    Diagnostics moved =
        against_revision_findings(*set, options.against, as_of, options.input.plans.max_file_size, write_err);
    all.insert(all.end(), moved.begin(), moved.end());
  }
  sort_diagnostics(all);
  report_problems(set->problems);
  if (set->plans.empty() && !set->problems.empty()) return exit_usage;
  DiagnosticFormat format = choice_of(formats, options.format);
  // What CI places on a repository's files names them from its root, wherever bvplan ran.
  if (format != DiagnosticFormat::text && format != DiagnosticFormat::json) paths_from_repository_root(all);
  write_out(render_diagnostics(
      all, set->plans.size(), format, [&](const std::string& file) { return set->source(file); }, bvplan_version()));
  if (format == DiagnosticFormat::github) append_step_summary(all, set->plans.size());
  if (!set->problems.empty()) return exit_usage;
  size_t errors = count_severity(all, Severity::error);
  size_t warnings = count_severity(all, Severity::warning);
  return errors > 0 || (options.strict && warnings > 0) ? exit_findings : exit_ok;
}

}  // namespace

Runner declare_check(CLI::App& command) { return bind_command<CheckOptions>(command, declare, run); }

}  // namespace bvplan
