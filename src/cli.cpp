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
#include "bvplan/git.hpp"
#include "bvplan/history.hpp"
#include "bvplan/parallel.hpp"
#include "bvplan/plan_diff.hpp"
#include "bvplan/portfolio.hpp"
#include "bvplan/validate.hpp"
#include "bvplan/render.hpp"
#include "bvplan/workspace.hpp"

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>
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

Date parse_date_option(const char* name, const std::string& text) {
  if (auto d = parse_date(text)) return *d;
  throw Error(fmt::format("{} '{}' is not a date in the form YYYY-MM-DD", name, text));
}

// Writes to -o FILE (atomically) or standard output; never over a file the command read.
void write_result(const std::string& output, const std::string& text, const std::vector<std::string>& inputs) {
  if (output.empty()) {
    write_out(text);
    return;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& file : inputs)
    if (file != "-" && fs::equivalent(output, file, ec))
      throw Error(fmt::format("refusing to write over the input file '{}'", file));
  write_file_atomically(output, text);
}

// An option given with an empty value ("--against $BASE" with BASE unset) is a mistake,
// not a request for the default.
const CLI::Validator non_empty(
    [](std::string& value) { return value.empty() ? std::string("must not be empty") : std::string(); }, "", "NONEMPTY");

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
      ->type_name("DATE")->check(non_empty);
  command.add_option("--owners", options.owners_file,
                     "an owners register to use besides owners.yaml files")
      ->type_name("FILE")->check(non_empty);
  command.add_option("--stdin-filename", options.stdin_filename,
                     "the name to report for a plan read from standard input")
      ->type_name("NAME")->check(non_empty);
  command.add_option("--max-file-size", options.max_file_size,
                     "refuse plan files larger than this many bytes")
      ->type_name("BYTES")
      ->check(CLI::Range(size_t{1}, size_t{1} << 40))
      ->capture_default_str();
}

// Every plan named on the command line, loaded and validated, with the sources kept
// for excerpts. Problems with the invocation itself are reported to stderr.
struct Workspace {
  std::vector<std::string> files;  // as shown in messages (--stdin-filename for standard input)
  std::vector<std::string> paths;  // as read: a file's path, or "-" for standard input
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

  // Every file read: plans and owners registers (never to be overwritten by -o).
  std::vector<std::string> inputs() const {
    std::vector<std::string> all = files;
    for (const std::string& r : registers.files()) all.push_back(r);
    return all;
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
    ws->paths.push_back(file);
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

// Plans without errors, every owner they may name (first declaration wins), and the
// span of their periods: what the portfolio commands work on.
struct Portfolio {
  std::vector<const Plan*> plans;
  Owners owners;
  Date start, end;
};

Portfolio portfolio_of(const Workspace& ws) {
  Portfolio p;
  for (const CheckedPlan& checked : ws.plans) {
    if (!checked.plan || checked.has_errors()) continue;
    const Plan& plan = *checked.plan;
    if (p.plans.empty() || plan.start < p.start) p.start = plan.start;
    if (p.plans.empty() || plan.end > p.end) p.end = plan.end;
    p.plans.push_back(&plan);
    for (const auto& [id, owner] : checked.owners) p.owners.emplace(id, owner);
  }
  return p;
}

// over-capacity across every plan given, by quarter over their whole periods.
Diagnostics capacity_findings(const Workspace& ws, Date as_of) {
  Portfolio p = portfolio_of(ws);
  if (p.plans.empty()) return {};
  Workload w = compute_workload(p.plans, p.owners, as_of, periods_between(p.start, p.end, HistoryStep::quarter));
  return workload_findings(w);
}

// --- check -----------------------------------------------------------------------------

struct CheckOptions {
  InputOptions input;
  std::string format = "text";
  bool strict = false;
  std::string against;
};

// A plan's text from git (or anywhere) through load and validate, named `name`.
CheckedPlan check_text(std::string text, const std::string& name, const Owners& inherited, Date as_of) {
  SourceFile source(name, std::move(text));
  return check_plan(source, inherited, as_of);
}

// The repository holding the first plan file (or the current folder).
std::unique_ptr<GitRepository> open_repository(const std::vector<std::string>& files) {
  for (const std::string& f : files)
    if (f != "-") return GitRepository::open(f);
  return GitRepository::open(".");
}

void declare_check(CLI::App& app, CheckOptions& options) {
  CLI::App* check = app.add_subcommand(
      "check", "validate plans: format, dates, owners, dependencies, budgets and progress");
  add_input_options(*check, options.input);
  check->add_option("--format", options.format, "output format")
      ->check(CLI::IsMember({"text", "json", "github"}))
      ->capture_default_str();
  check->add_flag("--strict", options.strict, "fail (exit 1) on warnings too");
  check->add_option("--against", options.against,
                    "also report unapproved-rebaseline: due dates moved later since this git revision "
                    "without a 'rebaselined' record")
      ->type_name("REV")->check(non_empty);
}

int run_check(const CheckOptions& options) {
  Date as_of = parse_as_of(options.input.as_of);
  auto ws = load_workspace(options.input, as_of);
  Diagnostics all = ws->register_diagnostics;
  for (const CheckedPlan& plan : ws->plans)
    all.insert(all.end(), plan.diagnostics.begin(), plan.diagnostics.end());
  for (const Diagnostic& d : capacity_findings(*ws, as_of)) all.push_back(d);
  if (!options.against.empty() && !ws->plans.empty()) {
    auto repo = open_repository(ws->paths);
    CommitInfo commit = repo->resolve(options.against);
    for (size_t i = 0; i < ws->plans.size(); ++i) {
      const CheckedPlan& now = ws->plans[i];
      if (!now.plan || ws->paths[i] == "-") continue;  // standard input has no history
      std::optional<std::string> text = repo->file_at(options.against, repo->relative_path(ws->paths[i]));
      if (!text) continue;  // a plan new since then has nothing to compare
      CheckedPlan then = check_text(std::move(*text), ws->files[i] + "@" + commit.short_id, now.owners, as_of);
      if (!then.plan || then.has_errors()) {
        write_err(fmt::format("bvplan: warning: {} has errors at {} ({}); its due dates are not compared\n",
                              ws->files[i], options.against, commit.short_id));
        continue;
      }
      check_rebaselines(*now.plan, *then.plan, options.against, all);
    }
  }
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

// For the commands that report on plans rather than check them: every finding (plans'
// and registers') goes to stderr, without check's count line. Returns whether any is an
// error, so the command exits 1 after reporting the plans without errors.
bool report_findings(const Workspace& ws) {
  Diagnostics findings = ws.register_diagnostics;
  for (const CheckedPlan& c : ws.plans) findings.insert(findings.end(), c.diagnostics.begin(), c.diagnostics.end());
  sort_diagnostics(findings);
  write_err(render_findings_text(findings, [&](const std::string& file) { return ws.source(file); }));
  return count_severity(findings, Severity::error) > 0;
}

// --- commands that compute figures: status, report, explain --------------------------

// The date and window a report is made for: --as-of, or --period's last day.
struct ReportingOptions {
  InputOptions input;
  std::string period;
  std::string baseline;  // report only
  std::string compare;
};

void add_reporting_options(CLI::App& command, ReportingOptions& options) {
  add_input_options(command, options.input);
  CLI::Option* as_of = command.get_option("--as-of");
  command.add_option("--period", options.period,
                     "report for a period: 2004, 2004-H1, 2004-Q2 or 2004-06 (as of its last day)")
      ->type_name("PERIOD")->check(non_empty)
      ->excludes(as_of);
}

void add_compare_option(CLI::App& command, ReportingOptions& options) {
  command.add_option("--compare", options.compare,
                     "direction of travel against the plans at this git revision, as of its commit date")
      ->type_name("REV")->check(non_empty);
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

// --baseline and --compare: the same plans at a git revision.
void add_git_figures(const ReportingOptions& options, Figures& out, const std::vector<std::string>& files) {
  auto repo = open_repository(files);
  std::optional<CommitInfo> baseline, compare;
  if (!options.baseline.empty()) baseline = repo->resolve(options.baseline);
  if (!options.compare.empty()) compare = repo->resolve(options.compare);
  for (size_t i = 0; i < out.plans.size(); ++i) {
    PlanFigures& figures = out.plans[i];
    if (files[i] == "-") {
      write_err(fmt::format("bvplan: warning: {} came from standard input; it has no git history to compare\n",
                            figures.plan->file));
      continue;
    }
    std::string path = repo->relative_path(files[i]);
    // The plan at a revision; `why` says why there is none (not in git then, or errors).
    std::string why;
    auto then = [&](const std::string& revision, const CommitInfo& commit) -> std::optional<CheckedPlan> {
      std::optional<std::string> text = repo->file_at(revision, path);
      if (!text) {
        why = fmt::format("the plan was not in git at {}", revision);
        return std::nullopt;
      }
      CheckedPlan plan = check_text(std::move(*text), files[i] + "@" + commit.short_id,
                                    figures.owners ? *figures.owners : Owners{}, commit.date);
      if (!plan.plan || plan.has_errors()) {
        why = fmt::format("the plan had errors at {}, so nothing is compared with it", revision);
        write_err(fmt::format("bvplan: warning: {} has errors at {} ({}); nothing to compare with\n", files[i],
                              revision, commit.short_id));
        return std::nullopt;
      }
      return plan;
    };
    if (baseline) {
      figures.baseline = fmt::format("{} ({}, {})", options.baseline, baseline->short_id, to_long(baseline->date));
      if (auto plan = then(options.baseline, *baseline)) {
        apply_baseline(figures, *plan->plan);
        for (const PlanChange& change : diff_plans(*plan->plan, *figures.plan))
          figures.changes_since_baseline.push_back(describe(change, figures.plan->currency));
      } else {
        figures.changes_since_baseline.push_back(why);
      }
    }
    if (compare) {
      figures.compared_with = fmt::format("{} ({}, as of {})", options.compare, compare->short_id, to_iso(compare->date));
      if (auto plan = then(options.compare, *compare)) {
        PlanFigures earlier = compute_plan(*plan->plan, compare->date,
                                           cadence_window(shortest_cadence(*plan->plan), compare->date), figures.owners);
        apply_comparison(figures, earlier);
      } else {
        figures.direction = Direction::added;
        for (ActionFigures& a : figures.actions) a.direction = Direction::added;
      }
    }
  }
}

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
  out.had_errors = report_findings(ws);
  Cadence shortest{12};
  bool any = false;
  for (const CheckedPlan& checked : ws.plans) {
    if (checked.plan && !checked.has_errors()) {
      Cadence c = shortest_cadence(*checked.plan);
      if (!any || c.months < shortest.months) shortest = c;
      any = true;
    }
  }
  out.window = period ? *period : cadence_window(any ? shortest : Cadence{3}, out.as_of);
  std::vector<std::string> files;
  for (size_t i = 0; i < ws.plans.size(); ++i) {
    const CheckedPlan& checked = ws.plans[i];
    if (!checked.plan || checked.has_errors()) continue;
    out.plans.push_back(compute_plan(*checked.plan, out.as_of, out.window, &checked.owners));
    files.push_back(ws.paths[i]);
  }
  if (!options.baseline.empty() || !options.compare.empty()) add_git_figures(options, out, files);
  for (PlanFigures& figures : out.plans)
    if (auto next = next_report(*figures.plan, out.as_of)) {
      figures.next_report = next->date;
      figures.next_report_body = next->body;
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
  add_compare_option(*status, options.reporting);
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
  add_compare_option(*report, options.reporting);
  report->add_option("--format", options.format, "md, csv or json")
      ->check(CLI::IsMember({"md", "csv", "json"}))
      ->capture_default_str();
  report->add_option("-o,--output", options.output,
                     "write to FILE (atomically; never over an input plan) instead of standard output")
      ->type_name("FILE")->check(non_empty);
  report->add_flag("--gantt", options.gantt, "md: add a Mermaid gantt chart of actions and milestones");
  report->add_option("--level", options.level, "csv: one row per plan, issue, action or milestone")
      ->check(CLI::IsMember({"plan", "issue", "action", "milestone"}))
      ->capture_default_str();
  report->add_flag("--bom", options.bom, "csv: start with a UTF-8 byte-order mark, for Excel");
  report->add_option("--baseline", options.reporting.baseline,
                     "add each action's due date at this git revision and the slip since, and list every "
                     "change to the plan since then")
      ->type_name("REV")->check(non_empty);
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
    MarkdownOptions md{options.gantt, {}};
    if (figures.plans.size() > 1) md.portfolio_sections = render_savings_markdown(compute_savings(figures.plans), "##");
    text = render_markdown(figures.plans, md);
  }
  if (figures.plans.empty() && options.format == "md") text.clear();
  if (!options.output.empty() && figures.plans.empty()) {
    // Every plan had errors: keep whatever paper is already there.
    write_err(fmt::format("bvplan: nothing to report; '{}' was not written\n", options.output));
  } else {
    write_result(options.output, text, figures.workspace->inputs());
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

// Findings in owners registers, for the commands that read registers outside a Workspace.
void report_register_findings(OwnerRegisters& registers) {
  Diagnostics findings = registers.take_diagnostics();
  sort_diagnostics(findings);
  write_err(render_findings_text(findings, [&](const std::string& file) { return registers.source(file); }));
}

// --- workload, savings, calendar -------------------------------------------------------------

struct WorkloadOptions {
  InputOptions input;
  std::string by = "quarter", from, to, format = "md", output;
};

void declare_workload(CLI::App& app, WorkloadOptions& options) {
  CLI::App* command = app.add_subcommand(
      "workload", "actions led and supported and days of effort per owner and period, against capacity");
  add_input_options(*command, options.input);
  command->add_option("--by", options.by, "quarter or month")->check(CLI::IsMember({"quarter", "month"}))->capture_default_str();
  command->add_option("--from", options.from, "first period: the one holding this date (default: the earliest plan start)")
      ->type_name("DATE")->check(non_empty);
  command->add_option("--to", options.to, "last period: the one holding this date (default: the latest plan end)")
      ->type_name("DATE")->check(non_empty);
  command->add_option("--format", options.format, "md, csv or json")->check(CLI::IsMember({"md", "csv", "json"}))->capture_default_str();
  command->add_option("-o,--output", options.output, "write to FILE (atomically) instead of standard output")->type_name("FILE")->check(non_empty);
}

// Loads plans for a portfolio command; their findings go to stderr. Returns whether any
// plan had errors (the command then exits 1 after reporting the rest).
bool load_portfolio(const InputOptions& input, Date as_of, std::unique_ptr<Workspace>& ws) {
  ws = load_workspace(input, as_of);
  report_problems(ws->problems);
  if (!ws->problems.empty()) throw Error("nothing was reported");
  return report_findings(*ws);
}

// --from and --to, each optional, checked before any plan is read.
std::pair<std::optional<Date>, std::optional<Date>> parse_range(const std::string& from, const std::string& to) {
  std::optional<Date> first, last;
  if (!from.empty()) first = parse_date_option("--from", from);
  if (!to.empty()) last = parse_date_option("--to", to);
  if (first && last && *last < *first) throw Error("--to is before --from");
  return {first, last};
}

int run_workload(const WorkloadOptions& options) {
  Date as_of = parse_as_of(options.input.as_of);
  auto [from_option, to_option] = parse_range(options.from, options.to);
  std::unique_ptr<Workspace> ws;
  bool errors = load_portfolio(options.input, as_of, ws);
  Portfolio p = portfolio_of(*ws);
  if (p.plans.empty()) return errors ? exit_findings : exit_ok;
  Date from = from_option.value_or(p.start);
  Date to = to_option.value_or(p.end);
  if (to < from) throw Error("--to is before --from");
  Workload w = compute_workload(p.plans, p.owners, as_of,
                                periods_between(from, to, options.by == "month" ? HistoryStep::month : HistoryStep::quarter));
  std::vector<std::string> unjudged;
  for (const OwnerLoad& o : w.owners)
    if (!o.judged()) unjudged.push_back(o.owner.id);
  if (!unjudged.empty())
    write_err(fmt::format("bvplan: note: no max_actions or days_per_month for {}: their load is shown but not judged\n",
                          fmt::join(unjudged, ", ")));
  write_result(options.output,
               options.format == "csv"    ? render_workload_csv(w)
               : options.format == "json" ? render_workload_json(w)
                                          : render_workload_markdown(w),
               ws->inputs());
  return errors ? exit_findings : exit_ok;
}

struct SavingsOptions {
  ReportingOptions reporting;
  std::string format = "md", output;
};

void declare_savings(CLI::App& app, SavingsOptions& options) {
  CLI::App* command = app.add_subcommand(
      "savings", "financial benefits per plan and in total: target, expected by now, delivered, with RAG");
  add_input_options(*command, options.reporting.input);
  command->add_option("--period", options.reporting.period, "as of a period's last day: 2004, 2004-H1, 2004-Q2, 2004-06")
      ->type_name("PERIOD")->check(non_empty)
      ->excludes(command->get_option("--as-of"));
  command->add_option("--format", options.format, "md, csv or json")->check(CLI::IsMember({"md", "csv", "json"}))->capture_default_str();
  command->add_option("-o,--output", options.output, "write to FILE (atomically) instead of standard output")->type_name("FILE")->check(non_empty);
}

int run_savings(const SavingsOptions& options) {
  Figures figures = compute_figures(options.reporting);
  Savings s = compute_savings(figures.plans);
  s.as_of = figures.as_of;
  if (!figures.plans.empty())
    write_result(options.output,
                 options.format == "csv"    ? render_savings_csv(s)
                 : options.format == "json" ? render_savings_json(s)
                                            : render_savings_markdown(s),
                 figures.workspace->inputs());
  return figures.had_errors ? exit_findings : exit_ok;
}

struct CalendarOptions {
  InputOptions input;
  std::string from, to, format = "md", output;
};

void declare_calendar(CLI::App& app, CalendarOptions& options) {
  CLI::App* command = app.add_subcommand(
      "calendar", "every progress report due to each monitoring body, from the plans' monitoring lists");
  add_input_options(*command, options.input);
  command->add_option("--from", options.from, "leave out reports due before this date")->type_name("DATE")->check(non_empty);
  command->add_option("--to", options.to, "leave out reports due after this date")->type_name("DATE")->check(non_empty);
  command->add_option("--format", options.format, "md, csv, json, or ics (iCalendar, to import into a calendar)")
      ->check(CLI::IsMember({"md", "csv", "json", "ics"}))
      ->capture_default_str();
  command->add_option("-o,--output", options.output, "write to FILE (atomically) instead of standard output")->type_name("FILE")->check(non_empty);
}

int run_calendar(const CalendarOptions& options) {
  Date as_of = parse_as_of(options.input.as_of);
  auto [from, to] = parse_range(options.from, options.to);
  std::unique_ptr<Workspace> ws;
  bool errors = load_portfolio(options.input, as_of, ws);
  Portfolio p = portfolio_of(*ws);
  Calendar c = compute_calendar(p.plans, from, to);
  if (options.format != "md")  // the Markdown carries its notes itself
    for (const std::string& note : c.notes) write_err(fmt::format("bvplan: note: {}\n", note));
  if (!p.plans.empty())
    write_result(options.output,
                 options.format == "csv"    ? render_calendar_csv(c)
                 : options.format == "json" ? render_calendar_json(c)
                 : options.format == "ics"  ? render_calendar_ics(c, as_of)
                                            : render_calendar_markdown(c),
                 ws->inputs());
  return errors ? exit_findings : exit_ok;
}

// --- history ------------------------------------------------------------------------------

struct HistoryOptions {
  InputOptions input;
  std::string since, until, by = "quarter", format = "md", output;
};

void declare_history(CLI::App& app, HistoryOptions& options) {
  CLI::App* history = app.add_subcommand("history", "each plan's progress over time, read from its git history");
  history->add_option("paths", options.input.paths, "plan files or folders in a git repository")->type_name("PATH");
  history->add_option("--since", options.since, "leave out points before this date")->type_name("DATE")->check(non_empty);
  history->add_option("--until", options.until, "leave out points after this date (default today)")->type_name("DATE")->check(non_empty);
  history->add_option("--by", options.by, "one point per commit that changed the plan, or per month or quarter")
      ->check(CLI::IsMember({"commit", "month", "quarter"}))
      ->capture_default_str();
  history->add_option("--format", options.format, "md, csv, json, or svg (a line chart)")
      ->check(CLI::IsMember({"md", "csv", "json", "svg"}))
      ->capture_default_str();
  history->add_option("-o,--output", options.output, "write to FILE (atomically) instead of standard output")
      ->type_name("FILE")->check(non_empty);
  history->add_option("--owners", options.input.owners_file, "an owners register to use besides owners.yaml files")
      ->type_name("FILE")->check(non_empty);
}

int run_history(const HistoryOptions& options) {
  Date until = options.until.empty() ? today() : parse_date_option("--until", options.until);
  std::optional<Date> since;
  if (!options.since.empty()) since = parse_date_option("--since", options.since);
  std::vector<std::string> paths = options.input.paths.empty() ? std::vector<std::string>{"."} : options.input.paths;
  PlanFiles found = collect_plan_files(paths);
  std::vector<std::string> problems = found.unreadable;
  if (found.files.empty() && problems.empty())
    problems.push_back(fmt::format("no plan files (*.yaml, *.yml) found in {}", fmt::join(paths, ", ")));
  if (found.files.empty()) {
    report_problems(problems);
    return exit_usage;
  }
  auto repo = open_repository(found.files);
  OwnerRegisters registers(options.input.max_file_size);
  if (!options.input.owners_file.empty()) registers.set_explicit(options.input.owners_file);
  HistoryStep step = options.by == "commit" ? HistoryStep::commit
                     : options.by == "month" ? HistoryStep::month : HistoryStep::quarter;
  // First decide which versions to evaluate at which dates, then read each distinct
  // version once (blobs from git serially, parsing on every core: yaml-cpp's parse is
  // most of the time), then evaluate in order.
  struct Evaluation {
    const std::string* file;
    FileVersion version;
    Date as_of;
    std::string key;  // file and blob: the same blob may name different owners elsewhere
  };
  std::vector<Evaluation> evaluations;
  std::map<std::string, Owners> inherited;
  for (const std::string& file : found.files) {
    if (file == "-") {
      problems.push_back("history reads plans from git, not from standard input");
      continue;
    }
    std::string path = repo->relative_path(file);
    std::vector<FileVersion> versions = repo->file_history(path);
    if (versions.empty()) {
      problems.push_back(fmt::format("'{}' has never been committed to git, so it has no history", file));
      continue;
    }
    if (repo->differs_from_head(path))
      write_err(fmt::format("bvplan: note: '{}' has changes that are not committed; history uses commits only\n", file));
    inherited[file] = registers.for_plan(file);
    auto add = [&](const FileVersion& v, Date as_of) { evaluations.push_back({&file, v, as_of, file + "\n" + v.blob}); };
    if (step == HistoryStep::commit) {
      for (auto it = versions.rbegin(); it != versions.rend(); ++it)
        if ((!since || it->commit.date >= *since) && it->commit.date <= until) add(*it, it->commit.date);
    } else {
      Date first = versions.back().commit.date;
      for (const FileVersion& v : versions) first = std::min(first, v.commit.date);
      for (Date end : period_ends(since ? std::max(*since, first) : first, until, step)) {
        // The plan as committed on or before that day: the newest such version.
        auto it = std::find_if(versions.begin(), versions.end(),
                               [&](const FileVersion& v) { return v.commit.date <= end; });
        if (it != versions.end()) add(*it, end);
      }
    }
  }
  struct Parse {
    const Evaluation* first;
    std::string text;
    std::unique_ptr<CheckedPlan> result;
  };
  std::map<std::string, Parse> parsed;
  for (const Evaluation& e : evaluations)
    if (auto [it, inserted] = parsed.try_emplace(e.key, Parse{&e, {}, nullptr}); inserted)
      it->second.text = repo->read_blob(e.version.blob);
  std::vector<Parse*> work;
  for (auto& [key, parse] : parsed) work.push_back(&parse);
  // A failure in a worker (out of memory) comes back here and stops the command.
  run_in_parallel(work.size(), std::max(1u, std::thread::hardware_concurrency()), [&](size_t i) {
    const Evaluation& e = *work[i]->first;
    work[i]->result = std::make_unique<CheckedPlan>(check_text(std::move(work[i]->text),
                                                               *e.file + "@" + e.version.commit.short_id,
                                                               inherited.at(*e.file), e.version.commit.date));
  });
  std::vector<HistoryPoint> points;
  std::set<std::string> reported;
  for (const Evaluation& e : evaluations) {
    const CheckedPlan& plan = *parsed.at(e.key).result;
    if (!plan.plan || plan.has_errors()) {
      if (reported.insert(e.key).second)
        write_err(fmt::format("bvplan: warning: skipping '{}' as committed in {} ({}): it has {} error(s) there\n",
                              *e.file, e.version.commit.short_id, to_iso(e.version.commit.date),
                              count_severity(plan.diagnostics, Severity::error)));
      continue;
    }
    PlanFigures figures = compute_plan(*plan.plan, e.as_of, cadence_window(shortest_cadence(*plan.plan), e.as_of),
                                       &plan.owners);
    points.push_back(history_point(figures, e.version.commit.short_id));
  }
  report_register_findings(registers);
  if (repo->truncated())
    write_err("bvplan: warning: the history is truncated: this is a shallow clone, so commits before its "
              "boundary are missing; fetch the full history with: git fetch --unshallow\n");
  report_problems(problems);
  std::stable_sort(points.begin(), points.end(),
                   [](const HistoryPoint& a, const HistoryPoint& b) { return a.date < b.date; });
  if (points.empty() && !problems.empty()) return exit_usage;
  std::string text = options.format == "csv"    ? render_history_csv(points)
                     : options.format == "json" ? render_history_json(points)
                     : options.format == "svg"  ? render_history_svg(points)
                                                : render_history_markdown(points);
  std::vector<std::string> inputs = found.files;
  for (const std::string& r : registers.files()) inputs.push_back(r);
  write_result(options.output, text, inputs);
  return problems.empty() ? exit_ok : exit_usage;
}

// --- diff ---------------------------------------------------------------------------------

struct DiffOptions {
  std::vector<std::string> args;
  std::string format = "md";
  std::string owners_file;
};

void declare_diff(CLI::App& app, DiffOptions& options) {
  CLI::App* diff = app.add_subcommand(
      "diff", "what changed in the plans between two git revisions (default: HEAD and the working tree)");
  diff->add_option("args", options.args, "[REV [REV2]] [PATH...]: revisions first, then plan files or folders")
      ->type_name("ARG");
  diff->add_option("--format", options.format, "md or json")
      ->check(CLI::IsMember({"md", "json"}))
      ->capture_default_str();
  diff->add_option("--owners", options.owners_file, "an owners register to use besides owners.yaml files")
      ->type_name("FILE")->check(non_empty);
}

int run_diff(const DiffOptions& options) {
  namespace fs = std::filesystem;
  std::vector<std::string> revisions, paths;
  std::unique_ptr<GitRepository> repo;
  for (const std::string& arg : options.args) {
    std::error_code ec;
    bool is_path = fs::exists(arg, ec);
    if (!is_path && paths.empty() && revisions.size() < 2) {
      if (!repo) repo = GitRepository::open(".");
      if (repo->is_revision(arg)) {
        revisions.push_back(arg);
        continue;
      }
      throw Error(fmt::format("'{}' is neither a git revision nor a file or folder{}", arg,
                              repo->shallow() ? "; this is a shallow clone, so older commits are missing: fetch "
                                                "them with git fetch --unshallow"
                                              : ""));
    }
    paths.push_back(arg);
  }
  if (paths.empty()) paths.push_back(".");
  PlanFiles found = collect_plan_files(paths);
  report_problems(found.unreadable);
  if (found.files.empty()) {
    if (found.unreadable.empty())
      report_problems({fmt::format("no plan files (*.yaml, *.yml) found in {}", fmt::join(paths, ", "))});
    return exit_usage;
  }
  if (!repo) repo = open_repository(found.files);
  std::string from = revisions.empty() ? "HEAD" : revisions[0];
  CommitInfo from_commit = repo->resolve(from);
  DiffEnd from_end{from, from_commit.id, from_commit.date};
  std::optional<DiffEnd> to_end;
  if (revisions.size() > 1) {
    CommitInfo to_commit = repo->resolve(revisions[1]);
    to_end = DiffEnd{revisions[1], to_commit.id, to_commit.date};
  }
  OwnerRegisters registers(default_max_file_bytes);
  if (!options.owners_file.empty()) registers.set_explicit(options.owners_file);
  Date as_of = from_commit.date;  // only warnings depend on it, and diff shows none
  std::vector<PlanDiff> diffs;
  bool unreadable = !found.unreadable.empty(), errors = false;
  for (const std::string& file : found.files) {
    if (file == "-") continue;
    std::string path = repo->relative_path(file);
    std::optional<std::string> before = repo->file_at(from, path);
    std::optional<std::string> after;
    if (to_end) {
      after = repo->file_at(to_end->revision, path);
    } else {
      std::optional<Diagnostic> too_big;
      after = read_source_file(file, default_max_file_bytes, too_big).text;
    }
    if (!before && !after) continue;
    Owners inherited = registers.for_plan(file);
    std::optional<CheckedPlan> old_plan, new_plan;
    if (before) old_plan = check_text(*before, file + "@" + from_commit.short_id, inherited, as_of);
    if (after) new_plan = check_text(*after, file, inherited, as_of);
    auto broken = [&](const std::optional<CheckedPlan>& p, const std::string& where) {
      if (!p || (p->plan && !p->has_errors())) return false;
      write_err(fmt::format("bvplan: error: '{}' has errors in {}; run bvplan check on it\n", file, where));
      errors = true;
      return true;
    };
    if (broken(old_plan, from) || broken(new_plan, to_end ? to_end->revision : "the working tree")) continue;
    const Plan& shown = new_plan ? *new_plan->plan : *old_plan->plan;
    PlanDiff diff{shown.id, shown.title, file, shown.currency, PlanDiff::Presence::both, {}};
    if (!old_plan) diff.presence = PlanDiff::Presence::added;
    else if (!new_plan) diff.presence = PlanDiff::Presence::removed;
    else diff.changes = diff_plans(*old_plan->plan, *new_plan->plan);
    diffs.push_back(std::move(diff));
  }
  std::string text = options.format == "json" ? render_diff_json(diffs, from_end, to_end)
                                              : render_diff_markdown(diffs, from_end, to_end);
  report_register_findings(registers);
  write_out(text);
  return unreadable ? exit_usage : errors ? exit_findings : exit_ok;
}

int run_command(int argc, char** argv) {
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
  HistoryOptions history;
  declare_history(app, history);
  DiffOptions diff;
  declare_diff(app, diff);
  WorkloadOptions workload;
  declare_workload(app, workload);
  SavingsOptions savings;
  declare_savings(app, savings);
  CalendarOptions calendar;
  declare_calendar(app, calendar);
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
    if (app.got_subcommand("history")) return run_history(history);
    if (app.got_subcommand("diff")) return run_diff(diff);
    if (app.got_subcommand("workload")) return run_workload(workload);
    if (app.got_subcommand("savings")) return run_savings(savings);
    if (app.got_subcommand("calendar")) return run_calendar(calendar);
  } catch (const Error& e) {
    write_err(fmt::format("bvplan: error: {}\n", e.what()));
    return exit_usage;
  }
  return exit_usage;
}

}  // namespace

int run(int argc, char** argv) {
  // Nothing escapes: an exception of any kind (out of memory, a file system failure, a
  // worker thread's failure brought back) ends in one line and exit 2, never an abort.
  try {
    return run_command(argc, argv);
  } catch (...) {
    std::string what = describe_stop(std::current_exception());
    std::fputs("bvplan: error: ", stderr);
    std::fputs(what.c_str(), stderr);
    std::fputs("\n", stderr);
    return exit_usage;
  }
}

}  // namespace bvplan
