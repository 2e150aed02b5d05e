// bvplan report: the committee paper, CSV for spreadsheets, JSON for scripts, or the gantt
// chart as SVG.
#include <fmt/format.h>

#include "bvplan/app/word.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/reporting.hpp"
#include "bvplan/formats/charts.hpp"
#include "bvplan/formats/output.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/reports/portfolio.hpp"

namespace bvplan {

namespace {

struct ReportOptions {
  ReportingOptions reporting;
  std::string format;
  OutputOption output;
  bool gantt = false;
  std::string level;
  bool bom = false;
};

const Choices<CsvLevel> levels = {{"plan", CsvLevel::plan},       {"issue", CsvLevel::issue},
                                  {"action", CsvLevel::action},   {"milestone", CsvLevel::milestone},
                                  {"measure", CsvLevel::measure}, {"risk", CsvLevel::risk}};

using Render = void (*)(Output& out, const ReportOptions& options, const FigureSet& figures);

// The month the reported plans' years start in, naming a plan whose year starts in another.
SetYearStart reported_year_start(const FigureSet& figures) {
  std::vector<const Plan*> plans;
  for (const PlanFigures& p : figures.plans) plans.push_back(p.plan);
  return year_start_of(figures.paths, plans);
}

PaperOptions paper_options(const ReportOptions& options, const FigureSet& figures) {
  PaperOptions paper;
  paper.gantt = options.gantt;
  if (figures.plans.size() > 1) {
    paper.savings = compute_savings(figures.plans);
    SetYearStart year_start = reported_year_start(figures);
    paper.savings_by_year = compute_savings_by_year(figures.plans, figures.as_of,
                                                    year_start.mixed() ? calendar_year_start : year_start.month);
  }
  return paper;
}

void render_paper(Output& out, const ReportOptions& options, const FigureSet& figures) {
  if (figures.plans.empty()) return;
  render_markdown(out, figures.plans, paper_options(options, figures));
}

void render_html_paper(Output& out, const ReportOptions& options, const FigureSet& figures) {
  if (figures.plans.empty()) return;
  PaperOptions paper = paper_options(options, figures);
  paper.rag_chart = rag_summary_svg;
  paper.gantt_chart = gantt_svgs;
  render_html(out, figures.plans, paper);
}

// The Word paper is made whole (by pandoc) before anything is written.
void render_word(Output& out, const ReportOptions& options, const FigureSet& figures) {
  if (figures.plans.empty()) return;
  PaperOptions paper = paper_options(options, figures);
  paper.rag_chart = rag_summary_svg;
  paper.gantt_chart = gantt_svgs;
  ChartFiles charts;
  std::string markdown = render_markdown_for_word(figures.plans, paper, charts);
  out.write(make_word_paper(markdown, charts));
}

const Choices<Render> formats = {
    {"md", render_paper},
    {"html", render_html_paper},
    {"docx", render_word},
    {"csv",
     [](Output& out, const ReportOptions& options, const FigureSet& figures) {
       render_csv(out, figures.plans, CsvOptions{choice_of(levels, options.level), options.bom});
     }},
    {"json", [](Output& out, const ReportOptions&,
                const FigureSet& figures) { render_json(out, figures.plans, figures.as_of, figures.window); }},
    // Several plans: their charts stacked in one picture, each under its own title.
    {"svg",
     [](Output& out, const ReportOptions&, const FigureSet& figures) {
       if (!figures.plans.empty()) out.write(gantt_svg(figures.plans));
     }},
};

void declare(CLI::App& command, ReportOptions& options) {
  add_reporting_options(command, options.reporting);
  add_compare_option(command, options.reporting);
  add_choice_option(command, "--format", options.format, formats,
                    "md (the committee paper as Markdown), html (the paper as one self-contained page, with "
                    "charts), docx (the paper in Word, through pandoc; needs -o), csv, json, or svg (a gantt "
                    "chart of actions and milestones)");
  add_output_option(command, options.output,
                    "write to FILE (atomically; never over an input plan) instead of standard output");
  command.add_flag("--gantt", options.gantt,
                   "html, docx: add a gantt chart of actions and milestones (the Markdown paper has no charts)");
  add_choice_option(command, "--level", options.level, levels,
                    "csv: one row per plan, issue, action, milestone, measure or risk", "action");
  command.add_flag("--bom", options.bom, "csv: start with a UTF-8 byte-order mark, for Excel");
  command
      .add_option("--baseline", options.reporting.baseline,
                  "add each action's due date at this git revision and the slip since, and list every "
                  "change to the plan since then")
      ->type_name("REV")
      ->check(non_empty);
}

int run(const ReportOptions& options) {
  if (options.format == "docx" && options.output.file.empty()) {
    write_err(
        "bvplan: error: --format docx makes a Word file: name it with -o FILE.docx\n"
        "bvplan: run 'bvplan --help' or 'bvplan COMMAND --help' for usage\n");
    return exit_usage;
  }
  Figures figures = compute_figures(options.reporting);
  if (options.gantt && options.format == "md")
    write_err(
        "bvplan: note: the Markdown paper has no charts; --gantt draws one in --format html or docx, and --format svg "
        "draws it alone\n");
  Render render = choice_of(formats, options.format);
  bool paper = options.format == "md" || options.format == "html" || options.format == "docx";
  if (paper && figures.set.plans.size() > 1)
    note_mixed_year_starts(reported_year_start(figures.set), "the paper's savings by year are by calendar year");
  if (options.format == "docx" && !figures.set.plans.empty()) {
    // Made whole before the file is opened: a missing pandoc leaves any paper there as it was.
    std::string docx = render_to_string([&](Output& out) { render_word(out, options, figures.set); });
    options.output.write(docx, figures.plan_set->inputs());
    return figures.had_errors ? exit_findings : exit_ok;
  }
  if (!options.output.file.empty() && figures.set.plans.empty()) {
    // Every plan had errors: keep whatever paper is already there.
    write_err(fmt::format("bvplan: nothing to report; '{}' was not written\n", options.output.file));
  } else {
    options.output.write([&](Output& out) { render(out, options, figures.set); }, figures.plan_set->inputs());
  }
  return figures.had_errors ? exit_findings : exit_ok;
}

}  // namespace

Runner declare_report(CLI::App& command) { return bind_command<ReportOptions>(command, declare, run); }

}  // namespace bvplan
