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
    parts.push_back(fmt::format("{} ({})", ref.id, how));
  }
  return parts.empty() ? "None" : fmt::format("{}", fmt::join(parts, "; "));
}

std::string trend_word(RiskTrend trend) { return trend == RiskTrend::none ? "-" : title_case(to_string(trend)); }

void write_register(Blocks& out, const PlanFigures& p) {
  PaperTable t{{{"Risk", Align::left, 23},
                {"Owner", Align::left, 8},
                {"Inherent", Align::right, 11},
                {"Current", Align::right, 16},
                {"Target", Align::right, 11},
                {"Band", Align::left, 9},
                {"Trend", Align::left, 8},
                {"Mitigating actions", Align::left, 14}},
               {}};
  for (const RiskFigures& r : p.risks) {
    const Risk& risk = *r.risk;
    std::string current = rating_text(r.current);
    if (r.review_date) current += fmt::format(" ({})", to_short(*r.review_date));
    t.rows.push_back({cell(fmt::format("{} {}", risk.id, risk.title)), cell(risk.owner.id),
                      cell(rating_text(r.inherent)), cell(current), cell(risk.target ? rating_text(*risk.target) : "-"),
                      cell(title_case(band_or_status(r))), cell(trend_word(r.trend)), cell(mitigation_text(p, risk))});
  }
  out.emplace_back(std::move(t));
}

// Open risks counted by their current likelihood (rows, 5 at the top) and impact.
void write_heat_map(Blocks& out, const PlanFigures& p) {
  std::array<std::array<int, 5>, 5> cells{};
  for (const RiskFigures& r : p.risks)
    if (r.risk->status == RiskStatus::open)
      ++cells[static_cast<size_t>(r.current.likelihood - 1)][static_cast<size_t>(r.current.impact - 1)];
  PaperTable t{{{"Likelihood", Align::left, 20},
                {"Impact 1", Align::right, 16},
                {"Impact 2", Align::right, 16},
                {"Impact 3", Align::right, 16},
                {"Impact 4", Align::right, 16},
                {"Impact 5", Align::right, 16}},
               {}};
  for (size_t likelihood = 5; likelihood >= 1; --likelihood) {
    std::vector<Cell> row{cell(std::to_string(likelihood))};
    for (int count : cells[likelihood - 1]) row.push_back(cell(std::to_string(count)));
    t.rows.push_back(std::move(row));
  }
  out.emplace_back(std::move(t));
}

}  // namespace

void write_risk_register(Blocks& out, const PlanFigures& p) {
  const RiskBands& bands = p.plan->risk_bands;
  out.emplace_back(Heading{0, "Risk register"});
  out.emplace_back(Paragraph{plain(
      fmt::format("Score = likelihood x impact (1 to 5 each): high from {}, medium from {}, else low. Current is the "
                  "latest review on or before {}, else the inherent rating.",
                  bands.high, bands.medium, to_long(p.as_of)))});
  write_register(out, p);
  out.emplace_back(Heading{1, "Heat map of open risks"});
  write_heat_map(out, p);
}

}  // namespace bvplan
