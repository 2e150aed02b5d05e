// bvplan check: validate plans.
#include "bvplan/app/against.hpp"
#include "bvplan/app/plan_set.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/formats/findings.hpp"

namespace bvplan {

namespace {

const Choices<DiagnosticFormat> formats = {
    {"text", DiagnosticFormat::text}, {"json", DiagnosticFormat::json}, {"github", DiagnosticFormat::github}};

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
  write_out(render_diagnostics(all, set->plans.size(), choice_of(formats, options.format),
                               [&](const std::string& file) { return set->source(file); }));
  if (!set->problems.empty()) return exit_usage;
  size_t errors = count_severity(all, Severity::error);
  size_t warnings = count_severity(all, Severity::warning);
  return errors > 0 || (options.strict && warnings > 0) ? exit_findings : exit_ok;
}

}  // namespace

Runner declare_check(CLI::App& command) { return bind_command<CheckOptions>(command, declare, run); }

}  // namespace bvplan
