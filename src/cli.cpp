// The only translation unit that includes CLI11.
#include "bvplan/cli.hpp"

#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "bvplan/check.hpp"
#include "bvplan/workspace.hpp"

namespace bvplan {

namespace {

constexpr const char* version_text = "bvplan 0.1.0";

void write_out(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
    throw Error("cannot write to standard output");
}

void write_err(const std::string& text) { std::fputs(text.c_str(), stderr); }

Date parse_as_of(const std::string& text) {
  if (text.empty()) return today();
  if (auto d = parse_date(text)) return *d;
  throw Error(fmt::format("--as-of '{}' is not a date in the form YYYY-MM-DD", text));
}

// Options shared by the commands that read plans.
struct InputOptions {
  std::vector<std::string> paths;
  std::string as_of;
  std::string owners_file;
  std::string stdin_filename = "<stdin>";
  size_t max_file_size = default_max_file_bytes;
};

void add_input_options(CLI::App& command, InputOptions& options) {
  command.add_option("paths", options.paths,
                     "plan files or folders (every *.yaml/*.yml below); - reads standard input")
      ->type_name("PATH");
  command.add_option("--as-of", options.as_of,
                     "judge progress as of this date (YYYY-MM-DD); default today, or "
                     "SOURCE_DATE_EPOCH when set")
      ->type_name("DATE");
  command.add_option("--owners", options.owners_file,
                     "an owners register to use besides owners.yaml files")
      ->type_name("FILE");
  command.add_option("--stdin-filename", options.stdin_filename,
                     "the name to report for a plan read from standard input")
      ->type_name("NAME");
  command.add_option("--max-file-size", options.max_file_size,
                     "refuse plan files larger than this many bytes")
      ->type_name("BYTES")
      ->capture_default_str();
}

// Every plan named on the command line, loaded and validated, with the sources kept
// for excerpts. Problems with the invocation itself are reported to stderr.
struct Workspace {
  std::vector<std::string> files;
  std::vector<SourceFile> sources;
  std::vector<CheckedPlan> plans;
  Diagnostics register_diagnostics;
  std::vector<std::string> problems;
  OwnerRegisters registers{default_max_file_bytes};

  const SourceFile* source(const std::string& file) const {
    for (const SourceFile& s : sources)
      if (s.path == file) return &s;
    return registers.source(file);
  }
};

std::unique_ptr<Workspace> load_workspace(const InputOptions& options, Date as_of) {
  auto ws = std::make_unique<Workspace>();
  ws->registers = OwnerRegisters(options.max_file_size);
  std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  PlanFiles found = collect_plan_files(paths);
  ws->problems = found.unreadable;
  if (!options.owners_file.empty()) ws->registers.set_explicit(options.owners_file);
  for (const std::string& file : found.files) {
    std::optional<Diagnostic> too_big;
    SourceFile source;
    try {
      source = file == "-" ? read_standard_input(options.stdin_filename, options.max_file_size, too_big)
                           : read_source_file(file, options.max_file_size, too_big);
    } catch (const Error& e) {
      ws->problems.push_back(e.what());
      continue;
    }
    std::string shown = source.path;
    Owners inherited = ws->registers.for_plan(file == "-" ? options.stdin_filename : file);
    CheckedPlan checked;
    if (too_big) checked.diagnostics.push_back(*too_big);
    else checked = check_plan(source, inherited, as_of);
    ws->files.push_back(shown);
    ws->sources.push_back(std::move(source));
    ws->plans.push_back(std::move(checked));
  }
  ws->register_diagnostics = ws->registers.take_diagnostics();
  if (found.files.empty() && found.unreadable.empty())
    ws->problems.push_back(fmt::format("no plan files (*.yaml, *.yml) found in {}",
                                       fmt::join(paths, ", ")));
  return ws;
}

void report_problems(const std::vector<std::string>& problems) {
  for (const std::string& p : problems) write_err(fmt::format("bvplan: error: {}\n", p));
}

// --- check -----------------------------------------------------------------------------

struct CheckOptions {
  InputOptions input;
  std::string format = "text";
  bool strict = false;
};

void declare_check(CLI::App& app, CheckOptions& options) {
  CLI::App* check = app.add_subcommand(
      "check", "validate plans: format, dates, owners, dependencies, budgets and progress");
  add_input_options(*check, options.input);
  check->add_option("--format", options.format, "output format")
      ->check(CLI::IsMember({"text", "json", "github"}))
      ->capture_default_str();
  check->add_flag("--strict", options.strict, "fail (exit 1) on warnings too");
}

int run_check(const CheckOptions& options) {
  Date as_of = parse_as_of(options.input.as_of);
  auto ws = load_workspace(options.input, as_of);
  Diagnostics all = ws->register_diagnostics;
  for (const CheckedPlan& plan : ws->plans)
    all.insert(all.end(), plan.diagnostics.begin(), plan.diagnostics.end());
  sort_diagnostics(all);
  DiagnosticFormat format = options.format == "json"     ? DiagnosticFormat::json
                            : options.format == "github" ? DiagnosticFormat::github
                                                         : DiagnosticFormat::text;
  report_problems(ws->problems);
  if (ws->plans.empty() && !ws->problems.empty()) return exit_usage;
  write_out(render_diagnostics(all, ws->plans.size(), format,
                               [&](const std::string& file) { return ws->source(file); }));
  if (!ws->problems.empty()) return exit_usage;
  size_t errors = count_severity(all, Severity::error);
  size_t warnings = count_severity(all, Severity::warning);
  return errors > 0 || (options.strict && warnings > 0) ? exit_findings : exit_ok;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"bvplan: Best Value improvement plans as YAML in git, checked and reported",
               "bvplan"};
  app.set_version_flag("--version", version_text);
  app.require_subcommand(1);
  app.fallthrough();
  CheckOptions check;
  declare_check(app, check);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits with 100-127; bvplan's usage errors are 2, in its own words.
    write_err(fmt::format("bvplan: error: {}\nbvplan: run 'bvplan --help' or 'bvplan COMMAND --help' for usage\n",
                          e.what()));
    return exit_usage;
  }
  try {
    if (app.got_subcommand("check")) return run_check(check);
  } catch (const Error& e) {
    write_err(fmt::format("bvplan: error: {}\n", e.what()));
    return exit_usage;
  }
  return exit_usage;
}

}  // namespace bvplan
