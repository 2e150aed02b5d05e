#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/diff.hpp"
#include "bvplan/formats/measures.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/formats/risks.hpp"
#include "bvplan/formats/table.hpp"

namespace bvplan {

namespace {

std::string colour(Rag rag, const std::string& word, bool on) {
  if (!on) return word;
  const char* code = rag == Rag::green      ? "32"
                     : rag == Rag::amber    ? "33"
                     : rag == Rag::red      ? "31"
                     : rag == Rag::complete ? "36"
                                            : "2";
  return fmt::format("\x1b[{}m{}\x1b[0m", code, word);
}

// The RAG column coloured by each row's RAG.
CellStyle rag_colour(size_t rag_column, const std::vector<Rag>& rags, bool on) {
  return [=](size_t row, size_t column, const std::string& cell) {
    return column == rag_column ? colour(rags[row], cell, on) : cell;
  };
}

std::string state_or_rag(const ActionFigures& a) {
  return a.state == State::deferred || a.state == State::cancelled ? to_string(a.state) : to_string(a.rag);
}

std::string plan_status(const PlanFigures& p, bool color) {
  std::string out =
      fmt::format("{}: {} (as at {})\n", escape_control(p.plan->id), escape_control(p.plan->title), to_long(p.as_of));
  bool travel = p.direction.has_value();
  Table table{{{"ACTION"},
               {"LEAD"},
               {"DUE"},
               {"TARGET", Align::right},
               {"ACTUAL", Align::right},
               {"RAG"},
               {"DAYS LATE", Align::right}},
              {}};
  bool staff = logs_staff_time(p);
  if (staff) table.columns.push_back({"STAFF DAYS", Align::right});
  if (travel) table.columns.push_back({"TRAVEL"});
  std::vector<Rag> rags;
  for (const ActionFigures& a : p.actions) {
    table.rows.push_back({escape_control(a.action->id), escape_control(a.action->lead.id), to_iso(a.action->due),
                          percent_text(a.target), percent_text(a.actual), state_or_rag(a),
                          std::to_string(a.days_late)});
    if (staff) table.rows.back().push_back(staff_text(a.staff));
    if (travel) table.rows.back().push_back(a.direction ? direction_text(*a.direction) : "");
    rags.push_back(a.rag);
  }
  out += render_terminal(table, rag_colour(5, rags, color));
  out += fmt::format("total: target {}, actual {}, {}; {}{}\n", percent_text(p.target), percent_text(p.actual),
                     colour(p.rag, to_string(p.rag), color), counts_text(p.counts),
                     travel ? fmt::format("; {} since {}", direction_text(*p.direction),
                                          escape_control(p.compared_with ? comparison_label(*p.compared_with) : ""))
                            : "");
  if (staff) out += fmt::format("staff days: {}\n", staff_sentence(p.staff));
  if (!p.measures.empty()) {
    std::vector<Rag> measure_rags;
    Table measures = measures_status_table(p, measure_rags);
    out += '\n';
    out += render_terminal(measures, rag_colour(3, measure_rags, color));
  }
  // Each table set apart by a blank line, and the plan's next report after them.
  if (!p.risks.empty()) out += '\n';
  out += render_risks_status(p);
  if (p.next_report && (!p.measures.empty() || !p.risks.empty())) out += '\n';
  if (p.next_report)
    out += fmt::format("next report due {} to {}\n", to_iso(*p.next_report), escape_control(p.next_report_body));
  return out;
}

// The portfolio: one line per plan, then totals.
std::string portfolio_status(const std::vector<PlanFigures>& plans, bool color) {
  Table table{{{"PLAN"},
               {"TARGET", Align::right},
               {"ACTUAL", Align::right},
               {"RAG"},
               {"RED", Align::right},
               {"AMBER", Align::right},
               {"GREEN", Align::right},
               {"NEXT REPORT"}},
              {}};
  std::vector<Rag> rags;
  for (const PlanFigures& p : plans) {
    table.rows.push_back({escape_control(p.plan->id), percent_text(p.target), percent_text(p.actual), to_string(p.rag),
                          std::to_string(p.counts.red), std::to_string(p.counts.amber), std::to_string(p.counts.green),
                          p.next_report ? to_iso(*p.next_report) : "-"});
    rags.push_back(p.rag);
  }
  PortfolioFigures total = compute_portfolio(plans);
  return "\nportfolio\n" + render_terminal(table, rag_colour(3, rags, color)) +
         fmt::format("total: {} plans ({}); target {}, actual {} over all actions; actions: {}\n", plans.size(),
                     counts_text(total.plans), percent_text(total.target), percent_text(total.actual),
                     counts_text(total.actions));
}

}  // namespace

std::string render_status(const std::vector<PlanFigures>& plans, const StatusOptions& options) {
  std::string out;
  for (size_t n = 0; n < plans.size(); ++n) {
    if (n) out += '\n';  // not `"\n" + string`: GCC 12's -Wrestrict false positive (bug 105651)
    out += plan_status(plans[n], options.color);
  }
  if (plans.size() > 1) out += portfolio_status(plans, options.color);
  return out;
}

}  // namespace bvplan
