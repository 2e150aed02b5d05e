#include <array>

#include <fmt/format.h>

#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/formats/risks.hpp"

namespace bvplan {

namespace {

// "KI5.1 (Green); KI5.2 (Deferred)": each mitigating action with its RAG, or its state
// when it is deferred or cancelled.
std::string mitigation_text(const PlanFigures& p, const Risk& risk) {
  std::vector<std::string> parts;
  for (const Reference& ref : risk.mitigated_by) {
    const ActionFigures* a = find_action(p, ref.id);
    std::string how = !a                                                            ? "not an action"
                      : a->state == State::deferred || a->state == State::cancelled ? title_case(to_string(a->state))
                                                                                    : rag_word(a->rag);
    parts.push_back(fmt::format("{} ({})", escape_markdown(ref.id), how));
  }
  return parts.empty() ? "None" : fmt::format("{}", fmt::join(parts, "; "));
}

std::string trend_word(RiskTrend trend) { return trend == RiskTrend::none ? "-" : title_case(to_string(trend)); }

void write_register(Output& out, const PlanFigures& p) {
  write_markdown_header(out, {{"Risk"},
                              {"Owner"},
                              {"Inherent", Align::right},
                              {"Current", Align::right},
                              {"Target", Align::right},
                              {"Band"},
                              {"Trend"},
                              {"Mitigating actions"}});
  for (const RiskFigures& r : p.risks) {
    const Risk& risk = *r.risk;
    std::string current = rating_text(r.current);
    if (r.review_date) current += fmt::format(" ({})", to_iso(*r.review_date));
    write_markdown_row(out, {fmt::format("{} {}", escape_markdown(risk.id), escape_markdown(risk.title)),
                             escape_markdown(risk.owner.id), rating_text(r.inherent), current,
                             risk.target ? rating_text(*risk.target) : "-", title_case(band_or_status(r)),
                             trend_word(r.trend), mitigation_text(p, risk)});
  }
}

// Open risks counted by their current likelihood (rows, 5 at the top) and impact.
void write_heat_map(Output& out, const PlanFigures& p) {
  std::array<std::array<int, 5>, 5> cells{};
  for (const RiskFigures& r : p.risks)
    if (r.risk->status == RiskStatus::open)
      ++cells[static_cast<size_t>(r.current.likelihood - 1)][static_cast<size_t>(r.current.impact - 1)];
  write_markdown_header(out, {{"Likelihood"},
                              {"Impact 1", Align::right},
                              {"Impact 2", Align::right},
                              {"Impact 3", Align::right},
                              {"Impact 4", Align::right},
                              {"Impact 5", Align::right}});
  for (size_t likelihood = 5; likelihood >= 1; --likelihood) {
    std::vector<std::string> row{std::to_string(likelihood)};
    for (int count : cells[likelihood - 1]) row.push_back(std::to_string(count));
    write_markdown_row(out, row);
  }
}

}  // namespace

void write_risk_register(Output& out, const PlanFigures& p, std::string_view heading) {
  const RiskBands& bands = p.plan->risk_bands;
  out.format("{} Risk register\n\n", heading);
  out.format(
      "Score = likelihood x impact (1 to 5 each): high from {}, medium from {}, else low. Current is the "
      "latest review on or before {}, else the inherent rating.\n\n",
      bands.high, bands.medium, to_long(p.as_of));
  write_register(out, p);
  out.format("\n{}# Heat map of open risks\n\n", heading);
  write_heat_map(out, p);
}

}  // namespace bvplan
