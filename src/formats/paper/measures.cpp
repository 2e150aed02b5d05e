#include <fmt/format.h>

#include "bvplan/formats/measures.hpp"
#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

// "Improving", "No change", "-" (none).
std::string trend_word(MeasureTrend trend) { return trend == MeasureTrend::none ? "-" : title_case(to_string(trend)); }

// "38% (30 Jun 2004)", "38%", "-".
std::string dated_value(const std::optional<double>& value, const std::optional<Date>& date, const Measure& m,
                        const PlanFigures& p) {
  std::string text = measure_value_text(value, m.unit, p.plan->currency);
  if (date) text += fmt::format(" ({})", to_short(*date));
  return text;
}

}  // namespace

// Under 5, after the actions' benefits: the outcome measures the plan exists for.
void write_measures(Blocks& out, const PlanFigures& p) {
  if (p.measures.empty()) return;
  out.emplace_back(Paragraph{plain("Outcome measures:"), true});
  // The note is free text: it gets the room a word such as "partnerships" needs.
  PaperTable t{{{"Measure", Align::left, 18},
                {"Baseline", Align::right, 11},
                {"Target", Align::right, 8},
                {"Latest", Align::right, 12},
                {"RAG", Align::left, 12},
                {"Short term", Align::left, 12},
                {"Long term", Align::left, 12},
                {"Note", Align::left, 15}},
               {}};
  for (const MeasureFigures& f : p.measures) {
    const Measure& m = *f.measure;
    std::string baseline = m.baseline ? dated_value(m.baseline->value, m.baseline->date, m, p) : std::string("-");
    t.rows.push_back({cell(fmt::format("{} {}", m.id, m.title)), cell(baseline),
                      cell(measure_value_text(f.target, m.unit, p.plan->currency)),
                      cell(dated_value(f.current, f.current_date, m, p)), rag_cell(f.rag),
                      cell(trend_word(f.direction_short)), cell(trend_word(f.direction_long)),
                      cell(f.latest ? f.latest->note : "")});
  }
  out.emplace_back(std::move(t));
}

}  // namespace bvplan
