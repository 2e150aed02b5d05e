// Figures to text: the terminal status table, the committee paper (Markdown), CSV, JSON
// and explanations. Pure: renderers return strings, or write into an Output, and never
// print.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/figures/compute.hpp"
#include "bvplan/formats/output.hpp"
#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/table.hpp"
#include "bvplan/formats/text.hpp"
#include "bvplan/reports/portfolio.hpp"

namespace bvplan {

struct StatusOptions {
  bool color = false;
};
std::string render_status(const std::vector<PlanFigures>& plans, const StatusOptions& options);

using MarkdownOptions = PaperOptions;
// The committee paper: a pandoc metadata block (the title and date), each plan's
// particulars and summary, then the seven sections of the progress report template
// (paper.hpp). Several plans make a portfolio paper. Markdown has no charts: the options'
// chart functions are not called.
void render_markdown(Output& out, const std::vector<PlanFigures>& plans, const MarkdownOptions& options);
std::string render_markdown(const std::vector<PlanFigures>& plans, const MarkdownOptions& options);
// The Markdown paper that pandoc makes the Word paper from: as render_markdown, with the
// charts the options give, each an image `![What it shows](chart-N.svg)` whose file
// (name, SVG) is added to `charts` for the caller to put beside the Markdown.
using ChartFiles = std::vector<std::pair<std::string, std::string>>;
std::string render_markdown_for_word(const std::vector<PlanFigures>& plans, const PaperOptions& options,
                                     ChartFiles& charts);
// The same paper as one self-contained HTML5 file (inline CSS and SVG, no script, A4
// print rules), with the charts the options give.
void render_html(Output& out, const std::vector<PlanFigures>& plans, const PaperOptions& options);
std::string render_html(const std::vector<PlanFigures>& plans, const PaperOptions& options);

enum class CsvLevel { plan, issue, action, milestone, measure, risk };
struct CsvOptions {
  CsvLevel level = CsvLevel::action;
  bool bom = false;
};
void render_csv(Output& out, const std::vector<PlanFigures>& plans, const CsvOptions& options);
std::string render_csv(const std::vector<PlanFigures>& plans, const CsvOptions& options);

void render_json(Output& out, const std::vector<PlanFigures>& plans, Date as_of, DateRange window);
std::string render_json(const std::vector<PlanFigures>& plans, Date as_of, DateRange window);

// Every figure for the action, key issue, risk or plan `id`, with the numbers that produced it.
// Returns nullopt when no plan has that id.
std::optional<std::string> render_explain(const std::vector<PlanFigures>& plans, std::string_view id);

}  // namespace bvplan
