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
#include "bvplan/compute.hpp"
#include "bvplan/render.hpp"
#include "bvplan/workspace.hpp"

#include <filesystem>
#include <unistd.h>

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
      ->check(CLI::Range(size_t{1}, size_t{1} << 40))
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

// --- commands that compute figures: status, report, explain --------------------------

// The date and window a report is made for: --as-of, or --period's last day.
struct ReportingOptions {
  InputOptions input;
  std::string period;
};

void add_reporting_options(CLI::App& command, ReportingOptions& options) {
  add_input_options(command, options.input);
  CLI::Option* as_of = command.get_option("--as-of");
  command.add_option("--period", options.period,
                     "report for a period: 2004, 2004-H1, 2004-Q2 or 2004-06 (as of its last day)")
      ->type_name("PERIOD")
      ->excludes(as_of);
}

// Plans loaded, checked and computed. Plans with errors are not reported: their findings
// go to stderr with every warning, and the command exits 1 after reporting the rest.
struct Figures {
  std::unique_ptr<Workspace> workspace;
  std::vector<PlanFigures> plans;
  Date as_of;
  Window window;
  bool had_errors = false;
};

Figures compute_figures(const ReportingOptions& options) {
  Figures out;
  std::optional<Window> period;
  if (!options.period.empty()) {
    period = parse_period(options.period);
    if (!period)
      throw Error(fmt::format("--period '{}' is not a period: use 2004, 2004-H1, 2004-Q2 or 2004-06",
                              options.period));
  }
  out.as_of = period ? period->end : parse_as_of(options.input.as_of);
  out.workspace = load_workspace(options.input, out.as_of);
  Workspace& ws = *out.workspace;
  report_problems(ws.problems);
  if (!ws.problems.empty()) throw Error("nothing was reported");
  Diagnostics findings = ws.register_diagnostics;
  Cadence shortest{12};
  bool any = false;
  for (const CheckedPlan& checked : ws.plans) {
    findings.insert(findings.end(), checked.diagnostics.begin(), checked.diagnostics.end());
    if (checked.plan && !checked.has_errors()) {
      Cadence c = shortest_cadence(*checked.plan);
      if (!any || c.months < shortest.months) shortest = c;
      any = true;
    }
  }
  out.window = period ? *period : cadence_window(any ? shortest : Cadence{3}, out.as_of);
  out.had_errors = count_severity(findings, Severity::error) > 0;
  for (const CheckedPlan& checked : ws.plans)
    if (checked.plan && !checked.has_errors())
      out.plans.push_back(compute_plan(*checked.plan, out.as_of, out.window, &checked.owners));
  if (!findings.empty()) {
    sort_diagnostics(findings);
    std::string text = render_diagnostics(findings, ws.plans.size(), DiagnosticFormat::text,
                                          [&](const std::string& file) { return ws.source(file); });
    // The count line belongs to check; here the findings speak for themselves.
    text.erase(text.rfind('\n', text.size() - 2) + 1);
    write_err(text);
  }
  return out;
}

struct StatusOptions_ {
  ReportingOptions reporting;
  std::string color = "auto";
};

void declare_status(CLI::App& app, StatusOptions_& options) {
  CLI::App* status = app.add_subcommand("status", "a compact progress table per plan: target, actual, RAG, days late");
  add_reporting_options(*status, options.reporting);
  status->add_option("--color", options.color, "colour the RAG words: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
}

int run_status(const StatusOptions_& options) {
  Figures figures = compute_figures(options.reporting);
  bool color = options.color == "always";
  if (options.color == "auto") {
    const char* no_color = std::getenv("NO_COLOR");
    color = ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
  }
  if (!figures.plans.empty()) write_out(render_status(figures.plans, StatusOptions{color}));
  return figures.had_errors ? exit_findings : exit_ok;
}

struct ReportOptions {
  ReportingOptions reporting;
  std::string format = "md";
  std::string output;
  bool gantt = false;
  std::string level = "action";
  bool bom = false;
};

void declare_report(CLI::App& app, ReportOptions& options) {
  CLI::App* report = app.add_subcommand(
      "report", "the committee paper (Markdown for pandoc), CSV for spreadsheets, or JSON for scripts");
  add_reporting_options(*report, options.reporting);
  report->add_option("--format", options.format, "md, csv or json")
      ->check(CLI::IsMember({"md", "csv", "json"}))
      ->capture_default_str();
  report->add_option("-o,--output", options.output,
                     "write to FILE (atomically; never over an input plan) instead of standard output")
      ->type_name("FILE");
  report->add_flag("--gantt", options.gantt, "md: add a Mermaid gantt chart of actions and milestones");
  report->add_option("--level", options.level, "csv: one row per plan, issue, action or milestone")
      ->check(CLI::IsMember({"plan", "issue", "action", "milestone"}))
      ->capture_default_str();
  report->add_flag("--bom", options.bom, "csv: start with a UTF-8 byte-order mark, for Excel");
}

void refuse_input_as_output(const std::string& output, const Workspace& ws) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> inputs = ws.files;
  for (const std::string& reg : ws.registers.files()) inputs.push_back(reg);
  for (const std::string& file : inputs)
    if (fs::equivalent(output, file, ec))
      throw Error(fmt::format("refusing to write the report over the input file '{}'", file));
}

int run_report(const ReportOptions& options) {
  Figures figures = compute_figures(options.reporting);
  std::string text;
  if (options.format == "json") {
    text = render_json(figures.plans, figures.as_of, figures.window);
  } else if (options.format == "csv") {
    CsvLevel level = options.level == "plan"    ? CsvLevel::plan
                     : options.level == "issue" ? CsvLevel::issue
                     : options.level == "milestone" ? CsvLevel::milestone
                                                    : CsvLevel::action;
    text = render_csv(figures.plans, CsvOptions{level, options.bom});
  } else {
    text = render_markdown(figures.plans, MarkdownOptions{options.gantt});
  }
  if (figures.plans.empty() && options.format == "md") text.clear();
  if (options.output.empty()) {
    write_out(text);
  } else if (figures.plans.empty()) {
    // Every plan had errors: keep whatever paper is already there.
    write_err(fmt::format("bvplan: nothing to report; '{}' was not written\n", options.output));
  } else {
    refuse_input_as_output(options.output, *figures.workspace);
    write_file_atomically(options.output, text);
  }
  return figures.had_errors ? exit_findings : exit_ok;
}

struct ExplainOptions {
  std::string id;
  ReportingOptions reporting;
};

void declare_explain(CLI::App& app, ExplainOptions& options) {
  CLI::App* explain = app.add_subcommand(
      "explain", "every figure for one action, key issue or plan, with the numbers that produced it");
  explain->add_option("id", options.id, "the id of an action, key issue or plan")->required()->type_name("ID");
  add_reporting_options(*explain, options.reporting);
}

int run_explain(const ExplainOptions& options) {
  Figures figures = compute_figures(options.reporting);
  std::optional<std::string> text = render_explain(figures.plans, options.id);
  if (!text) {
    if (figures.had_errors) return exit_findings;
    throw Error(fmt::format("no action, key issue or plan with id '{}'", options.id));
  }
  write_out(*text);
  return figures.had_errors ? exit_findings : exit_ok;
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
  StatusOptions_ status;
  declare_status(app, status);
  ReportOptions report;
  declare_report(app, report);
  ExplainOptions explain;
  declare_explain(app, explain);
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
    if (app.got_subcommand("status")) return run_status(status);
    if (app.got_subcommand("report")) return run_report(report);
    if (app.got_subcommand("explain")) return run_explain(explain);
  } catch (const Error& e) {
    write_err(fmt::format("bvplan: error: {}\n", e.what()));
    return exit_usage;
  }
  return exit_usage;
}

}  // namespace bvplan
