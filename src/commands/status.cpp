// bvplan status: a compact progress table per plan.
#include <cstdlib>

#include <unistd.h>

#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/reporting.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

enum class Color { automatic, always, never };
const Choices<Color> colors = {{"auto", Color::automatic}, {"always", Color::always}, {"never", Color::never}};

struct StatusCommandOptions {
  ReportingOptions reporting;
  std::string color;
};

void declare(CLI::App& command, StatusCommandOptions& options) {
  add_reporting_options(command, options.reporting);
  add_compare_option(command, options.reporting);
  add_choice_option(command, "--color", options.color, colors,
                    "colour the RAG words: auto (on a terminal, unless NO_COLOR is set), always, never");
}

bool use_color(Color color) {
  if (color != Color::automatic) return color == Color::always;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

int run(const StatusCommandOptions& options) {
  Figures figures = compute_figures(options.reporting);
  bool color = use_color(choice_of(colors, options.color));
  if (!figures.set.plans.empty()) write_out(render_status(figures.set.plans, StatusOptions{color}));
  return figures.had_errors ? exit_findings : exit_ok;
}

}  // namespace

Runner declare_status(CLI::App& command) { return bind_command<StatusCommandOptions>(command, declare, run); }

}  // namespace bvplan
