// bvplan history: each plan's progress over time, read from its git history (the versions
// committed, what the committee was told) or from the plan's own dated updates.
#include <fmt/format.h>

#include "bvplan/app/history.hpp"
#include "bvplan/app/revision.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/formats/history.hpp"
#include "bvplan/io/workspace.hpp"

namespace bvplan {

namespace {

const Choices<HistoryStep> steps = {
    {"commit", HistoryStep::commit}, {"month", HistoryStep::month}, {"quarter", HistoryStep::quarter}};

const Choices<std::string (*)(const std::vector<HistoryPoint>&)> formats = {
    {"md", [](const std::vector<HistoryPoint>& p) { return render_history_markdown(p); }},
    {"csv", [](const std::vector<HistoryPoint>& p) { return render_history_csv(p); }},
    {"json", [](const std::vector<HistoryPoint>& p) { return render_history_json(p); }},
    {"svg", [](const std::vector<HistoryPoint>& p) { return render_history_svg(p); }},
};

enum class Source { git, plan };
const Choices<Source> sources = {{"git", Source::git}, {"plan", Source::plan}};

struct HistoryOptions {
  PlanInputs input;
  std::string since, until, by, format, source;
  OutputOption output;
};

void declare(CLI::App& command, HistoryOptions& options) {
  command.add_option("paths", options.input.paths, "plan files or folders in a git repository")->type_name("PATH");
  command
      .add_option("--since", options.since,
                  "leave out points before this date, or before this period's first day (2001/02-Q1)")
      ->type_name("DATE|PERIOD")
      ->check(non_empty);
  command
      .add_option("--until", options.until,
                  "leave out points after this date, or after this period's last day (default: the plan's end or "
                  "its last update, whichever is later, but not after today)")
      ->type_name("DATE|PERIOD")
      ->check(non_empty);
  add_choice_option(command, "--by", options.by, steps,
                    "one point per commit that changed the plan, or per month or quarter", "quarter");
  add_choice_option(command, "--source", options.source, sources,
                    "git: each plan as committed at each date (what the committee was told); plan: the plan as it "
                    "is now, from its own dated updates",
                    "git");
  add_choice_option(command, "--format", options.format, formats, "md, csv, json, or svg (a line chart)");
  add_output_option(command, options.output);
  add_owners_option(command, options.input.owners_file);
  add_max_file_size_option(command, options.input.max_file_size);
}

// Writes the points in the chosen format; but a chart of no points is not drawn (a file
// already there is kept): says so and returns false.
bool write_points(const HistoryOptions& options, const std::vector<HistoryPoint>& points,
                  const std::vector<std::string>& inputs) {
  if (points.empty() && options.format == "svg") {
    write_err(options.output.file.empty()
                  ? std::string("bvplan: nothing to draw: no point falls in the dates asked for, so no chart was "
                                "written\n")
                  : fmt::format("bvplan: nothing to draw: no point falls in the dates asked for; '{}' was not "
                                "written\n",
                                options.output.file));
    return false;
  }
  options.output.write(choice_of(formats, options.format)(points), inputs);
  return true;
}

// --source plan: the plans as they are now, checked as report checks them.
int run_from_plans(const HistoryOptions& options, const HistoryRequest& request) {
  bool errors = false;
  std::unique_ptr<PlanSet> set = load_for_report({options.input, ""}, request.today, FindingsShown::errors, errors);
  std::vector<NamedPlan> plans;
  for (size_t n = 0; n < set->plans.size(); ++n) plans.push_back({set->files[n], &set->plans[n]});
  PlanHistory history = plan_history(plans, request, write_err);
  if (!write_points(options, history.points, set->inputs())) return exit_findings;
  // Nothing to show because the dates asked for come before a plan's start: said above.
  return errors || (history.points.empty() && !history.empty.empty()) ? exit_findings : exit_ok;
}

int run(const HistoryOptions& options) {
  HistoryRequest request;
  request.today = today();
  DateOrPeriod until = parse_date_or_period("--until", options.until);
  DateOrPeriod since = parse_date_or_period("--since", options.since);
  request.until = until.date;
  request.until_period = until.period;
  request.until_text = until.text;
  request.since = since.date;
  request.since_period = since.period;
  request.since_text = since.text;
  request.step = choice_of(steps, options.by);
  request.max_file_size = options.input.max_file_size;
  if (choice_of(sources, options.source) == Source::plan) return run_from_plans(options, request);
  std::vector<std::string> paths = options.input.paths.empty() ? std::vector<std::string>{"."} : options.input.paths;
  PlanFiles found = collect_plan_files(paths);
  std::vector<std::string> problems = found.unreadable;
  if (found.files.empty()) {
    if (problems.empty())
      problems.push_back(fmt::format("no plan files (*.yaml, *.yml) found in {}", fmt::join(paths, ", ")));
    report_problems(problems);
    return exit_usage;
  }
  std::unique_ptr<GitRepository> repo;
  try {
    repo = open_repository(found.files);
  } catch (const NotInRepository& e) {
    throw Error(std::string(e.what()) +
                "; or, for the trend the plan's own dated updates record, without git, use --source plan");
  }
  OwnerRegisters registers(options.input.max_file_size);
  if (!options.input.owners_file.empty()) registers.set_explicit(options.input.owners_file);
  PlanHistory history = read_history(*repo, found.files, registers, request, write_err);
  problems.insert(problems.end(), history.problems.begin(), history.problems.end());
  report_register_findings(registers);
  if (repo->truncated())
    write_err(
        "bvplan: warning: the history is truncated: this is a shallow clone, so commits before its "
        "boundary are missing; fetch the full history with: git fetch --unshallow\n");
  report_problems(problems);
  if (history.points.empty() && !problems.empty()) return exit_usage;
  std::vector<std::string> inputs = found.files;
  for (const std::string& r : registers.files()) inputs.push_back(r);
  if (!write_points(options, history.points, inputs)) return problems.empty() ? exit_findings : exit_usage;
  if (!problems.empty()) return exit_usage;
  // Nothing to show because a plan came into git after the dates asked for: said above.
  return history.points.empty() && !history.late.empty() ? exit_findings : exit_ok;
}

}  // namespace

Runner declare_history(CLI::App& command) { return bind_command<HistoryOptions>(command, declare, run); }

}  // namespace bvplan
