// bvplan savings: financial benefits per plan and in total.
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/reporting.hpp"
#include "bvplan/formats/portfolio.hpp"
#include "bvplan/reports/portfolio.hpp"

namespace bvplan {

namespace {

const Choices<std::string (*)(const Savings&)> formats = {
    {"md", [](const Savings& s) { return render_savings_markdown(s); }},
    {"csv", [](const Savings& s) { return render_savings_csv(s); }},
    {"json", [](const Savings& s) { return render_savings_json(s); }},
};

struct SavingsOptions {
  ReportingOptions reporting;
  std::string format;
  OutputOption output;
};

void declare(CLI::App& command, SavingsOptions& options) {
  add_reporting_options(command, options.reporting, "as of a period's last day: 2004, 2004-H1, 2004-Q2, 2004-06");
  add_choice_option(command, "--format", options.format, formats, "md, csv or json");
  add_output_option(command, options.output);
}

int run(const SavingsOptions& options) {
  Figures figures = compute_figures(options.reporting, FindingsShown::errors);
  Savings s = compute_savings(figures.set.plans);
  s.as_of = figures.set.as_of;
  if (!figures.set.plans.empty())
    options.output.write(choice_of(formats, options.format)(s), figures.plan_set->inputs());
  return figures.had_errors ? exit_findings : exit_ok;
}

}  // namespace

Runner declare_savings(CLI::App& command) { return bind_command<SavingsOptions>(command, declare, run); }

}  // namespace bvplan
