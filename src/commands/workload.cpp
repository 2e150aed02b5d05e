// bvplan workload: actions and days of effort per owner and period, against capacity.
#include <fmt/format.h>

#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/formats/portfolio.hpp"
#include "bvplan/reports/portfolio.hpp"

namespace bvplan {

namespace {

const Choices<HistoryStep> steps = {{"quarter", HistoryStep::quarter}, {"month", HistoryStep::month}};

const Choices<std::string (*)(const Workload&)> formats = {
    {"md", [](const Workload& w) { return render_workload_markdown(w); }},
    {"csv", [](const Workload& w) { return render_workload_csv(w); }},
    {"json", [](const Workload& w) { return render_workload_json(w); }},
};

struct WorkloadOptions {
  InputOptions input;
  std::string by, from, to, format;
  OutputOption output;
};

void declare(CLI::App& command, WorkloadOptions& options) {
  add_input_options(command, options.input);
  add_choice_option(command, "--by", options.by, steps, "quarter or month");
  command
      .add_option("--from", options.from,
                  "first period: the one holding this date, or this period's first day, such as 2001/02-Q1 "
                  "(default: the earliest plan start)")
      ->type_name("DATE|PERIOD")
      ->check(non_empty);
  command
      .add_option("--to", options.to,
                  "last period: the one holding this date, or this period's last day (default: the latest plan end)")
      ->type_name("DATE|PERIOD")
      ->check(non_empty);
  add_choice_option(command, "--format", options.format, formats, "md, csv or json");
  add_output_option(command, options.output);
}

// The owners whose load cannot be judged, said once.
void note_unjudged(const Workload& w) {
  std::vector<std::string> unjudged;
  for (const OwnerLoad& o : w.owners)
    if (!o.judged()) unjudged.push_back(o.owner.id);
  if (!unjudged.empty())
    write_err(fmt::format("bvplan: note: no max_actions or days_per_month for {}: their load is shown but not judged\n",
                          fmt::join(unjudged, ", ")));
}

int run(const WorkloadOptions& options) {
  Date as_of = parse_as_of(options.input.as_of);
  DateOrPeriod from_option = parse_date_or_period("--from", options.from);
  DateOrPeriod to_option = parse_date_or_period("--to", options.to);
  PortfolioInput input = load_portfolio(options.input, as_of);
  const Portfolio& p = input.portfolio;
  int status = input.errors ? exit_findings : exit_ok;
  SetYearStart year_start = year_start_of(*input.set);
  Date from = resolve_bound("--from", from_option, Bound::first_day, year_start).value_or(p.start);
  Date to = resolve_bound("--to", to_option, Bound::last_day, year_start).value_or(p.end);
  if (p.plans.empty()) return status;
  if (to < from) throw Error("--to is before --from");
  if (choice_of(steps, options.by) == HistoryStep::quarter)
    note_mixed_year_starts(year_start, "the quarters shown are calendar quarters");
  Workload w =
      compute_workload(p.plans, p.owners, as_of, periods_between(from, to, choice_of(steps, options.by), p.year_start));
  note_unjudged(w);
  options.output.write(choice_of(formats, options.format)(w), input.set->inputs());
  return status;
}

}  // namespace

Runner declare_workload(CLI::App& command) { return bind_command<WorkloadOptions>(command, declare, run); }

}  // namespace bvplan
