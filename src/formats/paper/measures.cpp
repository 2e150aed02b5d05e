#include <fmt/format.h>

#include "bvplan/formats/measures.hpp"
#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

std::string value_cell(const std::optional<double>& value, const Measure& m, const PlanFigures& p) {
  return escape_markdown(measure_value_text(value, m.unit, p.plan->currency));
}

// "Improving", "No change", "-" (none).
std::string trend_word(MeasureTrend trend) { return trend == MeasureTrend::none ? "-" : title_case(to_string(trend)); }

}  // namespace

// Under 5, after the actions' benefits: the outcome measures the plan exists for.
void write_measures(Output& out, const PlanFigures& p) {
  if (p.measures.empty()) return;
  out.write("\nOutcome measures:\n\n");
  write_markdown_header(out, {{"Measure"},
                              {"Baseline", Align::right},
                              {"Target", Align::right},
                              {"Latest", Align::right},
                              {"Date"},
                              {"RAG"},
                              {"Short term"},
                              {"Long term"},
                              {"Note"}});
  for (const MeasureFigures& f : p.measures) {
    const Measure& m = *f.measure;
    std::string baseline = m.baseline
                               ? fmt::format("{} ({})", value_cell(m.baseline->value, m, p), to_iso(m.baseline->date))
                               : std::string("-");
    out.format("| {} {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", escape_markdown(m.id), escape_markdown(m.title),
               baseline, value_cell(f.target, m, p), value_cell(f.current, m, p),
               f.current_date ? to_iso(*f.current_date) : "-", rag_word(f.rag), trend_word(f.direction_short),
               trend_word(f.direction_long), f.latest ? escape_markdown(f.latest->note) : "");
  }
}

}  // namespace bvplan
