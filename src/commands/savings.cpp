// bvplan savings: financial benefits per plan (or per year of the plans) and in total.
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

const Choices<std::string (*)(const SavingsByYear&)> year_formats = {
    {"md", [](const SavingsByYear& s) { return render_savings_by_year_markdown(s); }},
    {"csv", [](const SavingsByYear& s) { return render_savings_by_year_csv(s); }},
    {"json", [](const SavingsByYear& s) { return render_savings_by_year_json(s); }},
};

enum class By { plan, year };
const Choices<By> bys = {{"plan", By::plan}, {"year", By::year}};

struct SavingsOptions {
  ReportingOptions reporting;
  std::string format;
  std::string by;
  OutputOption output;
};

void declare(CLI::App& command, SavingsOptions& options) {
  add_reporting_options(command, options.reporting,
                        "as of a period's last day: 2004, 2004-H1, 2004-Q2, 2004-06, or in a financial year 2001/02, "
                        "2001/02-H1, 2001/02-Q3");
  add_choice_option(command, "--by", options.by, bys,
                    "plan (each plan's savings) or year (each year's: financial years when the plans' year_start is "
                    "April)");
  add_choice_option(command, "--format", options.format, formats, "md, csv or json");
  add_output_option(command, options.output);
}

int run(const SavingsOptions& options) {
  Figures figures = compute_figures(options.reporting, FindingsShown::errors);
  if (choice_of(bys, options.by) == By::year) {
    // Years as the plans count them; calendar years when they start in different months.
    SetYearStart year_start = year_start_of(*figures.plan_set);
    note_mixed_year_starts(year_start, "the years shown are calendar years");
    SavingsByYear s = compute_savings_by_year(figures.set.plans, figures.set.as_of,
                                              year_start.mixed() ? calendar_year_start : year_start.month);
    if (!figures.set.plans.empty())
      options.output.write(choice_of(year_formats, options.format)(s), figures.plan_set->inputs());
    return figures.had_errors ? exit_findings : exit_ok;
  }
  Savings s = compute_savings(figures.set.plans);
  s.as_of = figures.set.as_of;
  if (!figures.set.plans.empty())
    options.output.write(choice_of(formats, options.format)(s), figures.plan_set->inputs());
  return figures.had_errors ? exit_findings : exit_ok;
}

}  // namespace

Runner declare_savings(CLI::App& command) { return bind_command<SavingsOptions>(command, declare, run); }

}  // namespace bvplan
