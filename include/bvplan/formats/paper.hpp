// The committee paper as a small document model: the section functions build each plan's
// blocks (headings, paragraphs, lists, tables with typed cells, figures) from its
// PlanFigures, and one walker (write_paper) hands them, section by section, to a
// PaperWriter: Markdown (render_markdown, render.hpp) or HTML (render_html). Plan text in
// the blocks is raw; each writer escapes it for its format. A section's blocks are freed
// once written, so a large plan is never held as one document.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "bvplan/figures/compute.hpp"
#include "bvplan/formats/table.hpp"
#include "bvplan/reports/portfolio.hpp"

namespace bvplan {

// A run of text: plain, bold, or a footnote (its text is the note's; the writer puts a
// number where it stands and the note after the block).
struct Span {
  enum class Style { plain, strong, note };
  std::string text;
  Style style = Style::plain;
};
using Text = std::vector<Span>;

Text plain(std::string text);
Text strong(std::string text);
// `text` with a footnote after it.
Text noted(std::string text, std::string note);

// A table cell. A RAG cell (rag set) holds its word ("Amber"); HTML adds its colour and
// shape. `strong` makes the whole cell bold (a total row).
struct Cell {
  Text text;
  std::optional<Rag> rag;
  bool strong = false;
};
Cell cell(std::string text);
Cell rag_cell(Rag rag);

struct PaperColumn {
  std::string title;
  Align align = Align::left;
  int width = 10;  // share of the page's width, in percent of the table's
};

struct Heading {
  int depth = 0;  // 0: a section of the plan; 1: a part under it
  std::string text;
};
struct Paragraph {
  Text text;
  bool lead_in = false;  // introduces the next block: printed on the same page as it
};
struct List {
  std::vector<Text> items;
};
// "Lead: Corporate Management Team", one line each: the plan's particulars.
struct Fields {
  std::vector<std::pair<std::string, Text>> fields;
};
struct PaperTable {
  std::vector<PaperColumn> columns;
  std::vector<std::vector<Cell>> rows;
};
// A chart: a self-contained <svg> element and what it shows. Markdown has no charts.
struct Figure {
  std::string svg;
  std::string caption;
};
using Block = std::variant<Heading, Paragraph, List, Fields, PaperTable, Figure>;
using Blocks = std::vector<Block>;

using WriteSection = void (*)(Blocks& out, const PlanFigures& plan);

struct PaperSection {
  const char* heading;  // the words of the seed report's template, not paraphrases
  WriteSection write;   // the section's body, after its heading
};

// The summary table, then the seven sections of the template, in order.
const std::vector<PaperSection>& paper_sections();

void write_summary(Blocks& out, const PlanFigures& plan);
void write_action_taken(Blocks& out, const PlanFigures& plan);         // 1
void write_target_and_actual(Blocks& out, const PlanFigures& plan);    // 2
void write_budget_used(Blocks& out, const PlanFigures& plan);          // 3
void write_remedies(Blocks& out, const PlanFigures& plan);             // 4
void write_benefits(Blocks& out, const PlanFigures& plan);             // 5
void write_next_period(Blocks& out, const PlanFigures& plan);          // 6
void write_fundamental_changes(Blocks& out, const PlanFigures& plan);  // 7
// Under 5: the outcome measures' table, when the plan has measures.
void write_measures(Blocks& out, const PlanFigures& plan);
// The risk register (inherent, current, target, band, trend, mitigating actions) and a
// 5x5 heat map of open risks; only for a plan with risks.
void write_risk_register(Blocks& out, const PlanFigures& plan);
// A portfolio's financial benefits: each plan's savings and the totals.
void write_savings(Blocks& out, const Savings& savings);
// A portfolio's savings expected and delivered in each year of the plans, per currency.
void write_savings_by_year(Blocks& out, const SavingsByYear& savings);

// "A1 Title": an action as the paper names it (raw text).
std::string action_label(const Action& action);
// True when the update falls in the plan's reporting window and on or before its as-of date.
bool in_window(const PlanFigures& plan, const Update& update);
// "the plan as it stood on 16 January 2004" and its footnote "Revision HEAD~2, commit
// e9b08c7.": a version of the plan in a committee's words.
// A version committed after `as_of` is "the plan as committed to git on 30 November 2026,
// after the date of this report".
std::string version_words(const PlanVersion& version, Date as_of);
std::string version_note(const PlanVersion& version);

// Where the paper goes: Markdown or HTML. write_paper calls begin, then blocks (once per
// plan header, section, part), then end.
class PaperWriter {
public:
  virtual ~PaperWriter() = default;
  // `title` ("... : progress report"), `date` ("30 June 2004").
  virtual void begin(const std::string& title, const std::string& date) = 0;
  // A heading of depth d is written at level `level + d` (1 is the document's title).
  virtual void plan_heading(int level, const std::string& text) = 0;
  virtual void blocks(const Blocks& blocks, int level) = 0;
  virtual void end() = 0;
};

struct PaperOptions {
  bool gantt = false;
  // A portfolio paper's financial benefits, placed after its summary table.
  std::optional<Savings> savings;
  // ... and its savings by year, after them.
  std::optional<SavingsByYear> savings_by_year;
  // Charts for the formats that show them; unset: no charts.
  std::string (*rag_chart)(const PlanFigures&) = nullptr;
  // The gantt as pictures that each fit a page (gantt_svgs), one figure each.
  std::vector<std::string> (*gantt_chart)(const PlanFigures&) = nullptr;
};

// The paper, one plan or a portfolio, into `writer`.
void write_paper(PaperWriter& writer, const std::vector<PlanFigures>& plans, const PaperOptions& options);

}  // namespace bvplan
