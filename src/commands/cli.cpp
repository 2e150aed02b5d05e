// The only translation unit that includes CLI11.
#include "bvplan/commands/cli.hpp"

#include <cstdio>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "bvplan/app/check.hpp"
#include "bvplan/core/parallel.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/figures/compute.hpp"
#include "bvplan/formats/diff.hpp"
#include "bvplan/formats/history.hpp"
#include "bvplan/formats/portfolio.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/git/repository.hpp"
#include "bvplan/io/output.hpp"
#include "bvplan/io/workspace.hpp"
#include "bvplan/reports/diff.hpp"
#include "bvplan/reports/history.hpp"
#include "bvplan/reports/portfolio.hpp"
#include "bvplan/rules/validate.hpp"

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <set>
#include <thread>

namespace bvplan {

namespace {

constexpr const char* version_text = "bvplan 0.1.0";

void write_out(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
    throw Error("cannot write to standard output");
}

// Everything bvplan writes to standard error passes here: whatever plan content or file
// name a message holds, control characters show as escapes and no line can read as a
// GitHub Actions workflow command.
void write_err(const std::string& text) {
  std::string safe = guard_line_starts(escape_control(text, Keep::tab_and_newline));
  std::fwrite(safe.data(), 1, safe.size(), stderr);
}

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

// write_result for a renderer that writes into an Output: its chunks go to the file (or
// standard output) as they are written, never held whole.
void write_result(const std::string& output, const std::function<void(Output&)>& render,
                  const std::vector<std::string>& inputs) {
  if (output.empty()) {
    Output out(write_stdout);
    render(out);
    out.finish();
    return;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& file : inputs)
    if (file != "-" && fs::equivalent(output, file, ec))
      throw Error(fmt::format("refusing to write over the input file '{}'", file));
  AtomicFile file(output);
  Output out([&](std::string_view chunk) { file.write(chunk); });
  render(out);
  out.finish();
  file.commit();
}

// An option given with an empty value ("--against $BASE" with BASE unset) is a mistake,
// not a request for the default.
const CLI::Validator non_empty(
    [](std::string& value) { return value.empty() ? std::string("must not be empty") : std::string(); }, "",
    "NONEMPTY");

// --max-file-size: for plan files on disk and plans read from git alike.
void add_max_file_size_option(CLI::App& command, size_t& max_file_size) {
  command
      .add_option("--max-file-size", max_file_size,
                  "refuse plan files (and plans read from git) larger than this many bytes")
      ->type_name("BYTES")
      ->check(CLI::Range(size_t{1}, size_t{1} << 40))
      ->capture_default_str();
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
  command
      .add_option("paths", options.paths, "plan files or folders (every *.yaml/*.yml below); - reads standard input")
      ->type_name("PATH");
  command
      .add_option("--as-of", options.as_of,
                  "judge progress as of this date (YYYY-MM-DD); default today, or "
                  "SOURCE_DATE_EPOCH when set")
      ->type_name("DATE")
      ->check(non_empty);
  command.add_option("--owners", options.owners_file, "an owners register to use besides owners.yaml files")
      ->type_name("FILE")
      ->check(non_empty);
  command
      .add_option("--stdin-filename", options.stdin_filename, "the name to report for a plan read from standard input")
      ->type_name("NAME")
      ->check(non_empty);
  add_max_file_size_option(command, options.max_file_size);
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
    if (too_big)
      checked.diagnostics.push_back(*too_big);
    else
      checked = check_plan(source, inherited, as_of);
    ws->files.push_back(shown);
    ws->paths.push_back(file);
    ws->sources.push_back(std::move(source));
    ws->plans.push_back(std::move(checked));
  }
  ws->register_diagnostics = ws->registers.take_diagnostics();
  if (found.files.empty() && found.unreadable.empty())
    ws->problems.push_back(fmt::format("no plan files (*.yaml, *.yml) found in {}", fmt::join(paths, ", ")));
  return ws;
}

void report_problems(const std::vector<std::string>& problems) {
  for (const std::string& p : problems) write_err(fmt::format("bvplan: error: {}\n", escape_control(p)));
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

// over-capacity across every plan given, by quarter over each plan's period: only the
// quarters some plan covers, so plans centuries apart do not cost every quarter between.
Diagnostics capacity_findings(const Workspace& ws, Date as_of) {
  Portfolio p = portfolio_of(ws);
  if (p.plans.empty()) return {};
  std::vector<Period> quarters;
  for (const Plan* plan : p.plans)
    for (const Period& q : periods_between(plan->start, plan->end, HistoryStep::quarter)) quarters.push_back(q);
  std::sort(quarters.begin(), quarters.end(), [](const Period& a, const Period& b) { return a.start < b.start; });
  quarters.erase(std::unique(quarters.begin(), quarters.end(),
                             [](const Period& a, const Period& b) { return a.start == b.start; }),
                 quarters.end());
  return workload_findings(compute_workload(p.plans, p.owners, as_of, quarters));
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

// A path in the repository (relative to its root) as the user sees it: from the current folder.
std::string shown_path(const GitRepository& repo, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path here = fs::current_path(ec);
  if (ec) return path;
  std::string out =
      (fs::path(repo.workdir()) / path).lexically_relative(fs::weakly_canonical(here, ec)).generic_string();
  return out.empty() ? path : out;
}

// The plans of one git revision: its plan files, the id each declares (each read once),
// and a plan's version there, found by path, by following renames, or by id.
class RevisionPlans {
public:
  RevisionPlans(GitRepository& repo, std::string revision, size_t max_bytes)
      : repo_(repo), revision_(std::move(revision)), commit_(repo.resolve(revision_)), max_bytes_(max_bytes) {}

  const CommitInfo& commit() const { return commit_; }
  const std::string& revision() const { return revision_; }

  // "plans/x.yaml@abc1234": a file as it was at this revision, in messages.
  std::string name(const TreeFile& file) const { return shown_path(repo_, file.path) + "@" + commit_.short_id; }

  const std::vector<TreeFile>& files() {
    if (!files_) files_ = repo_.plan_files_at(revision_);
    return *files_;
  }

  // The plan file at this revision that holds plan `id`: the file at `path`, or at a path
  // it had before a rename (`renamed_from`, then the renames git history shows), when it
  // declares `id` or cannot be read as a plan (its errors then speak for it); else the
  // first plan file declaring `id`. An empty `id` (the plan now cannot be read) matches
  // by path only. When nothing matches, `elsewhere` says what the file at the path holds.
  std::optional<TreeFile> find(const std::string& path, const std::string& id, std::string& elsewhere,
                               const std::string& renamed_from = "") {
    std::optional<TreeFile> by_path;
    if (!renamed_from.empty()) {
      for (const TreeFile& f : files())
        if (f.path == renamed_from) by_path = f;
    }
    if (!by_path) by_path = repo_.file_entry_at(revision_, path);
    if (by_path) {
      std::optional<std::string> then = id_of(*by_path);
      if (id.empty() || !then || *then == id) return by_path;
      elsewhere = fmt::format("{} there is plan '{}'", shown_path(repo_, by_path->path), *then);
    }
    if (id.empty()) return std::nullopt;
    for (const TreeFile& f : files())
      if (std::optional<std::string> then = id_of(f); then && *then == id) return f;
    return std::nullopt;
  }

  // The plan in `file`, checked with `inherited` owners as of `as_of`; a file over the size
  // limit is not read: its finding is the plan's only one.
  CheckedPlan load(const TreeFile& file, const Owners& inherited, Date as_of) {
    if (std::optional<Diagnostic> big = too_big(file)) {
      CheckedPlan out;
      out.diagnostics.push_back(*big);
      return out;
    }
    return check_text(repo_.read_blob(file.blob), name(file), inherited, as_of);
  }

  // The id the plan in `file` declares; nullopt when it cannot be read as a plan.
  std::optional<std::string> id_of(const TreeFile& file) {
    if (auto it = ids_.find(file.blob); it != ids_.end()) return it->second;
    std::optional<std::string> id;
    if (!too_big(file)) {
      CheckedPlan plan = check_text(repo_.read_blob(file.blob), name(file), {}, commit_.date);
      if (plan.plan && !plan.plan->id.empty()) id = plan.plan->id;
    }
    ids_.emplace(file.blob, id);
    return id;
  }

private:
  // The size finding for a blob over the limit, reported on stderr the first time.
  std::optional<Diagnostic> too_big(const TreeFile& file) {
    size_t size = repo_.blob_size(file.blob);
    if (size <= max_bytes_) return std::nullopt;
    Diagnostic finding = too_big_finding(name(file), size, max_bytes_);
    if (reported_.insert(file.path).second)
      write_err(render_findings_text({finding}, [](const std::string&) { return nullptr; }));
    return finding;
  }

  GitRepository& repo_;
  std::string revision_;
  CommitInfo commit_;
  size_t max_bytes_;
  std::optional<std::vector<TreeFile>> files_;
  std::map<std::string, std::optional<std::string>> ids_;  // blob -> plan id
  std::set<std::string> reported_;
};

// The plan's file moved (renamed, or deleted and added again elsewhere) between versions.
PlanChange file_moved(const std::string& id, const std::string& from, const std::string& to) {
  return {"plan-changed", "plan", id, "file", from, to, std::nullopt, ""};
}

// "plan 'x' has no version at HEAD~1 (abc1234)": what is said when a plan cannot be found.
std::string no_version(const std::string& id, const RevisionPlans& at, const std::string& elsewhere) {
  return fmt::format("plan '{}' has no version at {} ({}): no plan file there has its id{}", id, at.revision(),
                     at.commit().short_id, elsewhere.empty() ? "" : fmt::format(" ({})", elsewhere));
}

void declare_check(CLI::App& app, CheckOptions& options) {
  CLI::App* check =
      app.add_subcommand("check", "validate plans: format, dates, owners, dependencies, budgets and progress");
  add_input_options(*check, options.input);
  check->add_option("--format", options.format, "output format")
      ->check(CLI::IsMember({"text", "json", "github"}))
      ->capture_default_str();
  check->add_flag("--strict", options.strict, "fail (exit 1) on warnings too");
  check
      ->add_option("--against", options.against,
                   "also report unapproved-rebaseline: due dates moved later since this git revision "
                   "without a 'rebaselined' record (and not-in-revision: a plan with no version there)")
      ->type_name("REV")
      ->check(non_empty);
}

int run_check(const CheckOptions& options) {
  Date as_of = parse_as_of(options.input.as_of);
  auto ws = load_workspace(options.input, as_of);
  Diagnostics all = ws->register_diagnostics;
  for (const CheckedPlan& plan : ws->plans) all.insert(all.end(), plan.diagnostics.begin(), plan.diagnostics.end());
  for (const Diagnostic& d : capacity_findings(*ws, as_of)) all.push_back(d);
  if (!options.against.empty() && !ws->plans.empty()) {
    auto repo = open_repository(ws->paths);
    RevisionPlans at(*repo, options.against, options.input.max_file_size);
    const CommitInfo& commit = at.commit();
    for (size_t i = 0; i < ws->plans.size(); ++i) {
      const CheckedPlan& now = ws->plans[i];
      if (!now.plan || ws->paths[i] == "-") continue;  // standard input has no history
      std::string elsewhere;
      std::optional<TreeFile> found = at.find(repo->relative_path(ws->paths[i]), now.plan->id, elsewhere);
      if (!found && now.plan->id.empty()) continue;  // its missing id is already an error
      if (!found) {
        // Said as a finding, so CI sees a plan that a rename or a new id hid from the gate.
        all.push_back({ws->files[i], now.plan->position, Severity::warning, "not-in-revision",
                       no_version(now.plan->id, at, elsewhere) + ", so its due dates are not compared",
                       fmt::format("expected for a plan added since {}; a renamed or moved plan is found by its "
                                   "id, so keep the id it had there",
                                   options.against)});
        continue;
      }
      CheckedPlan then = at.load(*found, now.owners, as_of);
      if (!then.plan || then.has_errors()) {
        write_err(fmt::format("bvplan: warning: {} has errors at {} ({}); its due dates are not compared\n",
                              shown_path(*repo, found->path), options.against, commit.short_id));
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
  write_out(
      render_diagnostics(all, ws->plans.size(), format, [&](const std::string& file) { return ws->source(file); }));
  if (!ws->problems.empty()) return exit_usage;
  size_t errors = count_severity(all, Severity::error);
  size_t warnings = count_severity(all, Severity::warning);
  return errors > 0 || (options.strict && warnings > 0) ? exit_findings : exit_ok;
}

// Which findings a reporting command writes to stderr: all of them (status, report,
// explain), or only the errors that keep a plan out of it (the portfolio commands, whose
// readers want the table, not pages of warnings) plus one line counting the warnings.
enum class FindingsShown { all, errors };

// For the commands that report on plans rather than check them: findings (plans' and
// registers') go to stderr, without check's count line. Returns whether any is an error,
// so the command exits 1 after reporting the plans without errors.
bool report_findings(const Workspace& ws, Date as_of, FindingsShown shown) {
  Diagnostics findings = ws.register_diagnostics;
  for (const CheckedPlan& c : ws.plans) findings.insert(findings.end(), c.diagnostics.begin(), c.diagnostics.end());
  size_t hidden = 0;
  if (shown == FindingsShown::errors) {
    // What `bvplan check` would show besides the errors, over-capacity included.
    hidden = count_severity(findings, Severity::warning) + capacity_findings(ws, as_of).size();
    std::erase_if(findings, [](const Diagnostic& d) { return d.severity != Severity::error; });
  }
  sort_diagnostics(findings);
  write_err(render_findings_text(findings, [&](const std::string& file) { return ws.source(file); }));
  if (hidden > 0)
    write_err(fmt::format("bvplan: note: {} warning{} not shown; 'bvplan check' lists {}\n", hidden,
                          hidden == 1 ? "" : "s", hidden == 1 ? "it" : "them"));
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
  command
      .add_option("--period", options.period,
                  "report for a period: 2004, 2004-H1, 2004-Q2 or 2004-06 (as of its last day)")
      ->type_name("PERIOD")
      ->check(non_empty)
      ->excludes(as_of);
}

void add_compare_option(CLI::App& command, ReportingOptions& options) {
  command
      .add_option("--compare", options.compare,
                  "direction of travel against the plans at this git revision, as of its commit date")
      ->type_name("REV")
      ->check(non_empty);
}

// Plans loaded, checked and computed. Plans with errors are not reported: their findings
// go to stderr with every warning, and the command exits 1 after reporting the rest.
struct Figures {
  std::unique_ptr<Workspace> workspace;
  std::vector<PlanFigures> plans;
  Date as_of;
  DateRange window;
  bool had_errors = false;
};

// --baseline and --compare: the same plans at a git revision.
void add_git_figures(const ReportingOptions& options, Figures& out, const std::vector<std::string>& files) {
  auto repo = open_repository(files);
  std::optional<RevisionPlans> baseline, compare;
  size_t max_bytes = options.input.max_file_size;
  if (!options.baseline.empty()) baseline.emplace(*repo, options.baseline, max_bytes);
  if (!options.compare.empty()) compare.emplace(*repo, options.compare, max_bytes);
  for (size_t i = 0; i < out.plans.size(); ++i) {
    PlanFigures& figures = out.plans[i];
    if (files[i] == "-") {
      write_err(fmt::format("bvplan: warning: {} came from standard input; it has no git history to compare\n",
                            figures.plan->file));
      continue;
    }
    std::string path = repo->relative_path(files[i]);
    // The plan at a revision; `why` says why there is none (no version then, or errors).
    std::string why;
    std::optional<TreeFile> found;
    auto then = [&](RevisionPlans& at, const char* consequence) -> std::optional<CheckedPlan> {
      const std::string& revision = at.revision();
      const CommitInfo& commit = at.commit();
      std::string elsewhere;
      found = at.find(path, figures.plan->id, elsewhere);
      if (!found) {
        why = no_version(figures.plan->id, at, elsewhere);
        write_err(fmt::format("bvplan: note: {}: {}, so {}\n", files[i], why, consequence));
        return std::nullopt;
      }
      CheckedPlan plan = at.load(*found, figures.owners ? *figures.owners : Owners{}, commit.date);
      if (!plan.plan || plan.has_errors()) {
        why = fmt::format("the plan had errors at {}, so nothing is compared with it", revision);
        write_err(fmt::format("bvplan: warning: {} has errors at {} ({}); nothing to compare with\n",
                              shown_path(*repo, found->path), revision, commit.short_id));
        return std::nullopt;
      }
      return plan;
    };
    if (baseline) {
      const CommitInfo& commit = baseline->commit();
      figures.baseline = fmt::format("{} ({}, {})", options.baseline, commit.short_id, to_long(commit.date));
      if (auto plan = then(*baseline, "it has no baseline")) {
        apply_baseline(figures, *plan->plan);
        if (found->path != path)
          figures.changes_since_baseline.push_back(
              describe(file_moved(figures.plan->id, shown_path(*repo, found->path), files[i]), ""));
        for (const PlanChange& change : diff_plans(*plan->plan, *figures.plan))
          figures.changes_since_baseline.push_back(describe(change, figures.plan->currency));
      } else {
        figures.changes_since_baseline.push_back(why);
      }
    }
    if (compare) {
      const CommitInfo& commit = compare->commit();
      figures.compared_with = fmt::format("{} ({}, as of {})", options.compare, commit.short_id, to_iso(commit.date));
      if (auto plan = then(*compare, "it is shown as new")) {
        PlanFigures earlier = compute_plan(*plan->plan, commit.date,
                                           cadence_window(shortest_cadence(*plan->plan), commit.date), figures.owners);
        apply_comparison(figures, earlier);
      } else {
        figures.direction = Direction::added;
        for (ActionFigures& a : figures.actions) a.direction = Direction::added;
      }
    }
  }
}

Figures compute_figures(const ReportingOptions& options, FindingsShown shown = FindingsShown::all) {
  Figures out;
  std::optional<DateRange> period;
  if (!options.period.empty()) {
    period = parse_period(options.period);
    if (!period)
      throw Error(fmt::format("--period '{}' is not a period: use 2004, 2004-H1, 2004-Q2 or 2004-06", options.period));
  }
  out.as_of = period ? period->end : parse_as_of(options.input.as_of);
  out.workspace = load_workspace(options.input, out.as_of);
  Workspace& ws = *out.workspace;
  report_problems(ws.problems);
  if (!ws.problems.empty()) throw Error("nothing was reported");
  out.had_errors = report_findings(ws, out.as_of, shown);
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
  status
      ->add_option("--color", options.color,
                   "colour the RAG words: auto (on a terminal, unless NO_COLOR is set), always, never")
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
  report
      ->add_option("-o,--output", options.output,
                   "write to FILE (atomically; never over an input plan) instead of standard output")
      ->type_name("FILE")
      ->check(non_empty);
  report->add_flag("--gantt", options.gantt, "md: add a Mermaid gantt chart of actions and milestones");
  report->add_option("--level", options.level, "csv: one row per plan, issue, action or milestone")
      ->check(CLI::IsMember({"plan", "issue", "action", "milestone"}))
      ->capture_default_str();
  report->add_flag("--bom", options.bom, "csv: start with a UTF-8 byte-order mark, for Excel");
  report
      ->add_option("--baseline", options.reporting.baseline,
                   "add each action's due date at this git revision and the slip since, and list every "
                   "change to the plan since then")
      ->type_name("REV")
      ->check(non_empty);
}

int run_report(const ReportOptions& options) {
  Figures figures = compute_figures(options.reporting);
  std::function<void(Output&)> render;
  MarkdownOptions md{options.gantt, {}};
  if (options.format == "json") {
    render = [&](Output& out) { render_json(out, figures.plans, figures.as_of, figures.window); };
  } else if (options.format == "csv") {
    CsvLevel level = options.level == "plan"        ? CsvLevel::plan
                     : options.level == "issue"     ? CsvLevel::issue
                     : options.level == "milestone" ? CsvLevel::milestone
                                                    : CsvLevel::action;
    render = [&, level](Output& out) { out.write(render_csv(figures.plans, CsvOptions{level, options.bom})); };
  } else {
    if (figures.plans.size() > 1) md.savings = compute_savings(figures.plans);
    render = [&](Output& out) { render_markdown(out, figures.plans, md); };  // nothing without plans
  }
  if (!options.output.empty() && figures.plans.empty()) {
    // Every plan had errors: keep whatever paper is already there.
    write_err(fmt::format("bvplan: nothing to report; '{}' was not written\n", options.output));
  } else {
    write_result(options.output, render, figures.workspace->inputs());
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
  command->add_option("--by", options.by, "quarter or month")
      ->check(CLI::IsMember({"quarter", "month"}))
      ->capture_default_str();
  command
      ->add_option("--from", options.from, "first period: the one holding this date (default: the earliest plan start)")
      ->type_name("DATE")
      ->check(non_empty);
  command->add_option("--to", options.to, "last period: the one holding this date (default: the latest plan end)")
      ->type_name("DATE")
      ->check(non_empty);
  command->add_option("--format", options.format, "md, csv or json")
      ->check(CLI::IsMember({"md", "csv", "json"}))
      ->capture_default_str();
  command->add_option("-o,--output", options.output, "write to FILE (atomically) instead of standard output")
      ->type_name("FILE")
      ->check(non_empty);
}

// Loads plans for a portfolio command; their errors go to stderr, their warnings are
// counted in one line. Returns whether any plan had errors (the command then exits 1 after reporting the rest).
bool load_portfolio(const InputOptions& input, Date as_of, std::unique_ptr<Workspace>& ws) {
  ws = load_workspace(input, as_of);
  report_problems(ws->problems);
  if (!ws->problems.empty()) throw Error("nothing was reported");
  return report_findings(*ws, as_of, FindingsShown::errors);
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
  Workload w =
      compute_workload(p.plans, p.owners, as_of,
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
  command
      ->add_option("--period", options.reporting.period, "as of a period's last day: 2004, 2004-H1, 2004-Q2, 2004-06")
      ->type_name("PERIOD")
      ->check(non_empty)
      ->excludes(command->get_option("--as-of"));
  command->add_option("--format", options.format, "md, csv or json")
      ->check(CLI::IsMember({"md", "csv", "json"}))
      ->capture_default_str();
  command->add_option("-o,--output", options.output, "write to FILE (atomically) instead of standard output")
      ->type_name("FILE")
      ->check(non_empty);
}

int run_savings(const SavingsOptions& options) {
  Figures figures = compute_figures(options.reporting, FindingsShown::errors);
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
  command->add_option("--from", options.from, "leave out reports due before this date")
      ->type_name("DATE")
      ->check(non_empty);
  command->add_option("--to", options.to, "leave out reports due after this date")->type_name("DATE")->check(non_empty);
  command->add_option("--format", options.format, "md, csv, json, or ics (iCalendar, to import into a calendar)")
      ->check(CLI::IsMember({"md", "csv", "json", "ics"}))
      ->capture_default_str();
  command->add_option("-o,--output", options.output, "write to FILE (atomically) instead of standard output")
      ->type_name("FILE")
      ->check(non_empty);
}

int run_calendar(const CalendarOptions& options) {
  Date as_of = parse_as_of(options.input.as_of);
  auto [from, to] = parse_range(options.from, options.to);
  std::unique_ptr<Workspace> ws;
  bool errors = load_portfolio(options.input, as_of, ws);
  Portfolio p = portfolio_of(*ws);
  Calendar c = compute_calendar(p.plans, from, to);
  if (options.format != "md")  // the Markdown carries its notes itself
    for (const std::string& note : c.notes) write_err(fmt::format("bvplan: note: {}\n", escape_control(note)));
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
  history->add_option("--since", options.since, "leave out points before this date")
      ->type_name("DATE")
      ->check(non_empty);
  history->add_option("--until", options.until, "leave out points after this date (default today)")
      ->type_name("DATE")
      ->check(non_empty);
  history->add_option("--by", options.by, "one point per commit that changed the plan, or per month or quarter")
      ->check(CLI::IsMember({"commit", "month", "quarter"}))
      ->capture_default_str();
  history->add_option("--format", options.format, "md, csv, json, or svg (a line chart)")
      ->check(CLI::IsMember({"md", "csv", "json", "svg"}))
      ->capture_default_str();
  history->add_option("-o,--output", options.output, "write to FILE (atomically) instead of standard output")
      ->type_name("FILE")
      ->check(non_empty);
  history->add_option("--owners", options.input.owners_file, "an owners register to use besides owners.yaml files")
      ->type_name("FILE")
      ->check(non_empty);
  add_max_file_size_option(*history, options.input.max_file_size);
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
  HistoryStep step = options.by == "commit"  ? HistoryStep::commit
                     : options.by == "month" ? HistoryStep::month
                                             : HistoryStep::quarter;
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
      write_err(
          fmt::format("bvplan: note: '{}' has changes that are not committed; history uses commits only\n", file));
    inherited[file] = registers.for_plan(file);
    auto add = [&](const FileVersion& v, Date as_of) {
      evaluations.push_back({&file, v, as_of, file + "\n" + v.blob});
    };
    if (step == HistoryStep::commit) {
      for (auto it = versions.rbegin(); it != versions.rend(); ++it)
        if ((!since || it->commit.date >= *since) && it->commit.date <= until) add(*it, it->commit.date);
    } else {
      Date first = versions.back().commit.date;
      for (const FileVersion& v : versions) first = std::min(first, v.commit.date);
      for (Date end : period_ends(since ? std::max(*since, first) : first, until, step)) {
        // The plan as committed on or before that day: the newest such version.
        auto it =
            std::find_if(versions.begin(), versions.end(), [&](const FileVersion& v) { return v.commit.date <= end; });
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
  Diagnostics too_big;  // versions over --max-file-size: not read
  for (const Evaluation& e : evaluations) {
    auto [it, inserted] = parsed.try_emplace(e.key, Parse{&e, {}, nullptr});
    if (!inserted) continue;
    size_t size = repo->blob_size(e.version.blob);
    if (size > options.input.max_file_size) {
      too_big.push_back(too_big_finding(*e.file + "@" + e.version.commit.short_id, size, options.input.max_file_size));
      it->second.result = std::make_unique<CheckedPlan>();
      it->second.result->diagnostics.push_back(too_big.back());
      continue;
    }
    it->second.text = repo->read_blob(e.version.blob);
  }
  sort_diagnostics(too_big);
  write_err(render_findings_text(too_big, [](const std::string&) { return nullptr; }));
  std::vector<Parse*> work;
  for (auto& [key, parse] : parsed)
    if (!parse.result) work.push_back(&parse);
  // A failure in a worker (out of memory) comes back here and stops the command.
  run_in_parallel(work.size(), std::max(1u, std::thread::hardware_concurrency()), [&](size_t i) {
    const Evaluation& e = *work[i]->first;
    work[i]->result =
        std::make_unique<CheckedPlan>(check_text(std::move(work[i]->text), *e.file + "@" + e.version.commit.short_id,
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
    PlanFigures figures =
        compute_plan(*plan.plan, e.as_of, cadence_window(shortest_cadence(*plan.plan), e.as_of), &plan.owners);
    points.push_back(history_point(figures, e.version.commit.short_id));
  }
  report_register_findings(registers);
  if (repo->truncated())
    write_err(
        "bvplan: warning: the history is truncated: this is a shallow clone, so commits before its "
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
  size_t max_file_size = default_max_file_bytes;
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
      ->type_name("FILE")
      ->check(non_empty);
  add_max_file_size_option(*diff, options.max_file_size);
}

// One side of a diff: a plan file and the plan in it (when it could be read).
struct DiffSide {
  std::string path;   // relative to the repository's root
  std::string shown;  // as in messages and the output
  std::optional<CheckedPlan> checked;
  std::string id() const { return checked && checked->plan ? checked->plan->id : ""; }
};

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
  bool two_revisions = revisions.size() > 1;
  PlanFiles found;
  if (!two_revisions) {
    // The working tree's plans; two revisions' plans come from their trees instead.
    found = collect_plan_files(paths);
    report_problems(found.unreadable);
    if (found.files.empty()) {
      if (found.unreadable.empty())
        report_problems({fmt::format("no plan files (*.yaml, *.yml) found in {}", fmt::join(paths, ", "))});
      return exit_usage;
    }
  }
  if (!repo) repo = two_revisions ? GitRepository::open(".") : open_repository(found.files);
  // The parts of the repository asked about: a file itself, or everything in a folder.
  std::vector<std::string> scope;
  for (const std::string& p : paths) scope.push_back(repo->relative_path(p));
  auto in_scope = [&](const std::string& path) {
    for (const std::string& s : scope)
      if (s == "." || path == s ||
          (path.size() > s.size() && path.compare(0, s.size(), s) == 0 && path[s.size()] == '/'))
        return true;
    return false;
  };
  RevisionPlans from(*repo, revisions.empty() ? "HEAD" : revisions[0], options.max_file_size);
  std::optional<RevisionPlans> to;
  if (two_revisions) to.emplace(*repo, revisions[1], options.max_file_size);
  DiffEnd from_end{from.revision(), from.commit().id, from.commit().date};
  std::optional<DiffEnd> to_end;
  if (to) to_end = DiffEnd{to->revision(), to->commit().id, to->commit().date};
  OwnerRegisters registers(options.max_file_size);
  if (!options.owners_file.empty()) registers.set_explicit(options.owners_file);
  Date as_of = from.commit().date;  // only warnings depend on it, and diff shows none
  bool unreadable = !found.unreadable.empty(), errors = false;

  // The newer side: the plans in the working tree, or in the second revision's tree.
  std::vector<DiffSide> after;
  if (to) {
    for (const TreeFile& f : to->files())
      if (in_scope(f.path)) {
        std::string shown = shown_path(*repo, f.path);
        after.push_back({f.path, shown, to->load(f, registers.for_plan(shown), as_of)});
      }
  } else {
    for (const std::string& file : found.files) {
      if (file == "-") continue;
      std::optional<Diagnostic> too_big;
      SourceFile source = read_source_file(file, options.max_file_size, too_big);
      DiffSide side{repo->relative_path(file), file, CheckedPlan{}};
      if (too_big)
        side.checked->diagnostics.push_back(*too_big);
      else
        side.checked = check_plan(source, registers.for_plan(file), as_of);
      after.push_back(std::move(side));
    }
  }
  // Each newer plan's earlier version, by path, renames or id; the rest of the earlier
  // plans in scope were removed.
  std::map<std::string, std::string> renames;
  if (to) renames = repo->renames(from.revision(), to->revision());
  std::vector<std::optional<DiffSide>> before(after.size());
  std::set<std::string> matched;
  for (size_t i = 0; i < after.size(); ++i) {
    std::string elsewhere;
    auto renamed = renames.find(after[i].path);
    std::optional<TreeFile> f =
        from.find(after[i].path, after[i].id(), elsewhere, renamed == renames.end() ? "" : renamed->second);
    if (!f || !matched.insert(f->path).second) continue;
    std::string shown = shown_path(*repo, f->path);
    before[i] = DiffSide{f->path, shown, from.load(*f, registers.for_plan(after[i].shown), as_of)};
  }
  std::vector<DiffSide> removed;
  for (const TreeFile& f : from.files())
    if (in_scope(f.path) && !matched.count(f.path)) {
      std::string shown = shown_path(*repo, f.path);
      removed.push_back({f.path, shown, from.load(f, registers.for_plan(shown), as_of)});
    }

  std::vector<PlanDiff> diffs;
  auto broken = [&](const std::optional<DiffSide>& side, const std::string& where) {
    if (!side || (side->checked->plan && !side->checked->has_errors())) return false;
    write_err(fmt::format("bvplan: error: '{}' has errors in {}; run bvplan check on it\n", side->shown, where));
    errors = true;
    return true;
  };
  std::string newer = to ? to->revision() : "the working tree";
  for (size_t i = 0; i < after.size(); ++i) {
    if (broken(before[i], from.revision()) || broken(after[i], newer)) continue;
    const Plan& plan = *after[i].checked->plan;
    PlanDiff diff{plan.id, plan.title, after[i].shown, plan.currency, PlanDiff::Presence::added, {}, {}};
    if (before[i]) {
      const Plan& old = *before[i]->checked->plan;
      diff.presence = PlanDiff::Presence::both;
      if (before[i]->path != after[i].path)
        diff.changes.push_back(file_moved(plan.id, before[i]->shown, after[i].shown));
      std::vector<PlanChange> changes = diff_plans(old, plan);
      diff.changes.insert(diff.changes.end(), changes.begin(), changes.end());
      diff.progress = diff_progress(old, plan);
    }
    diffs.push_back(std::move(diff));
  }
  for (const DiffSide& side : removed) {
    if (broken(side, from.revision())) continue;
    const Plan& plan = *side.checked->plan;
    diffs.push_back({plan.id, plan.title, side.shown, plan.currency, PlanDiff::Presence::removed, {}, {}});
  }
  std::string text = options.format == "json" ? render_diff_json(diffs, from_end, to_end)
                                              : render_diff_markdown(diffs, from_end, to_end);
  report_register_findings(registers);
  write_out(text);
  return unreadable ? exit_usage : errors ? exit_findings : exit_ok;
}

int run_command(int argc, char** argv) {
  CLI::App app{"bvplan: Best Value improvement plans as YAML in git, checked and reported", "bvplan"};
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
  // An unknown first word is a mistyped command, not a missing one: say which, and the
  // nearest command (CLI11 would say "A subcommand is required").
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands({}))
    if (!sub->get_name().empty()) commands.push_back(sub->get_name());
  if (argc > 1 && argv[1][0] != '-' && std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
    std::string hint = did_you_mean(argv[1], commands);
    write_err(fmt::format("bvplan: error: unknown command '{}'{}\n", argv[1],
                          hint.empty() ? fmt::format("; the commands are {}", fmt::join(commands, ", ")) : hint));
    write_err("bvplan: run 'bvplan --help' or 'bvplan COMMAND --help' for usage\n");
    return exit_usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, std::cout, std::cerr);
  } catch (const CLI::ParseError& e) {
    // CLI11 exits with 100-127; bvplan's usage errors are 2, in its own words.
    write_err(
        fmt::format("bvplan: error: {}\nbvplan: run 'bvplan --help' or 'bvplan COMMAND --help' for usage\n", e.what()));
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
    write_err(fmt::format("bvplan: error: {}\n", escape_control(e.what())));
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
