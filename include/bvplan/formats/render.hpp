// Figures to text: the terminal status table, the committee paper (Markdown), CSV, JSON
// and explanations. Pure: renderers return strings and never print.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/figures/compute.hpp"

namespace bvplan {

// "£12,500", "£1,250.50", "12,500 EUR": the one way money is written for people.
std::string format_money(double amount, std::string_view currency);
// "1500", "1500.5": the one way money is written for machines (CSV, JSON).
std::string format_number(double amount);

struct StatusOptions {
  bool color = false;
};
std::string render_status(const std::vector<PlanFigures>& plans, const StatusOptions& options);

struct MarkdownOptions {
  bool gantt = false;
  // Markdown placed after a portfolio paper's summary table (the financial benefits).
  std::string portfolio_sections;
};
// The committee paper: a pandoc metadata block, a summary, then the seven sections of the
// progress report template. Several plans make a portfolio paper.
std::string render_markdown(const std::vector<PlanFigures>& plans, const MarkdownOptions& options);

enum class CsvLevel { plan, issue, action, milestone };
struct CsvOptions {
  CsvLevel level = CsvLevel::action;
  bool bom = false;
};
std::string render_csv(const std::vector<PlanFigures>& plans, const CsvOptions& options);

std::string render_json(const std::vector<PlanFigures>& plans, Date as_of, DateRange window);

// Every figure for the action, key issue or plan `id`, with the numbers that produced it.
// Returns nullopt when no plan has that id.
std::optional<std::string> render_explain(const std::vector<PlanFigures>& plans, std::string_view id);

// Markdown text safe inside a paragraph or a table cell: |, *, _, <, `, [ and friends
// escaped, line breaks folded to spaces.
std::string escape_markdown(std::string_view text);
// A CSV field per RFC 4180, with spreadsheet formula injection neutralised for text.
std::string csv_text(std::string_view text);

}  // namespace bvplan
