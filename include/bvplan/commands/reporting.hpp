// What the commands that compute figures share: status, report, explain and savings.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "bvplan/app/figures.hpp"
#include "bvplan/app/plan_set.hpp"
#include "bvplan/commands/options.hpp"

namespace bvplan {

// The date and window a report is made for (--as-of, or --period's last day), and the
// git revisions to compare with (--baseline for report, --compare).
struct ReportingOptions {
  InputOptions input;
  std::string period;
  std::string baseline;
  std::string compare;
};

// The input options and --period (which excludes --as-of), described by `period_help`.
void add_reporting_options(CLI::App& command, ReportingOptions& options,
                           const char* period_help =
                               "report for a period: 2004, 2004-H1, 2004-Q2 or 2004-06, or in a financial "
                               "year 2001/02, 2001/02-H1 or 2001/02-Q3 (as of its last day)");
void add_compare_option(CLI::App& command, ReportingOptions& options);

// Plans loaded, checked and computed. Plans with errors are not reported: their findings
// go to stderr (all of them, or only errors), and the command exits 1 after the rest.
struct Figures {
  std::unique_ptr<PlanSet> plan_set;
  FigureSet set;
  bool had_errors = false;
};
Figures compute_figures(const ReportingOptions& options, FindingsShown shown = FindingsShown::all);

}  // namespace bvplan
