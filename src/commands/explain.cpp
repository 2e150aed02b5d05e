// bvplan explain: every figure for one action, key issue, measure or plan.
#include <fmt/format.h>

#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/reporting.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

struct ExplainOptions {
  std::string id;
  ReportingOptions reporting;
};

void declare(CLI::App& command, ExplainOptions& options) {
  command.add_option("id", options.id, "the id of an action, key issue, measure, risk or plan")
      ->required()
      ->type_name("ID");
  add_reporting_options(command, options.reporting);
}

int run(const ExplainOptions& options) {
  Figures figures = compute_figures(options.reporting);
  std::optional<std::string> text = render_explain(figures.set.plans, options.id);
  if (!text) {
    if (figures.had_errors) return exit_findings;
    throw Error(fmt::format("no action, key issue, measure, risk or plan with id '{}'", options.id));
  }
  write_out(*text);
  return figures.had_errors ? exit_findings : exit_ok;
}

}  // namespace

Runner declare_explain(CLI::App& command) { return bind_command<ExplainOptions>(command, declare, run); }

}  // namespace bvplan
