#include "bvplan/formats/risks.hpp"

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/formats/table.hpp"

namespace bvplan {

namespace {

std::optional<std::string> int_text(const std::optional<int>& v) {
  return v ? std::optional(std::to_string(*v)) : std::nullopt;
}
std::string opt_int(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

std::string join_ids(const std::vector<Reference>& refs) {
  std::string out;
  for (const Reference& r : refs) {
    if (!out.empty()) out += ';';
    out += r.id;
  }
  return out;
}

}  // namespace

std::string rating_text(const RiskRating& rating) {
  return fmt::format("{} x {} = {}", rating.likelihood, rating.impact, rating.score());
}

std::string band_or_status(const RiskFigures& r) {
  return r.risk->status == RiskStatus::closed ? "closed" : to_string(r.band);
}

const ActionFigures* find_action(const PlanFigures& p, std::string_view id) {
  for (const ActionFigures& a : p.actions)
    if (a.action->id == id) return &a;
  return nullptr;
}

std::string render_risks_status(const PlanFigures& p) {
  if (p.risks.empty()) return "";
  Table table{{{"RISK"}, {"OWNER"}, {"SCORE", Align::right}, {"BAND"}, {"TARGET", Align::right}, {"TREND"}}, {}};
  for (const RiskFigures& r : p.risks)
    table.rows.push_back({escape_control(r.risk->id), escape_control(r.risk->owner.id), std::to_string(r.score),
                          band_or_status(r), r.target_score ? std::to_string(*r.target_score) : "-",
                          to_string(r.trend)});
  return render_terminal(table);
}

void write_risk_rows(Output& out, const std::vector<PlanFigures>& plans) {
  write_csv_row(out, {"plan", "risk", "title", "owner", "status", "likelihood", "impact", "inherent_score",
                      "current_likelihood", "current_impact", "score", "band", "review_date", "target_likelihood",
                      "target_impact", "target_score", "trend", "mitigated_by", "as_of"});
  for (const PlanFigures& p : plans)
    for (const RiskFigures& r : p.risks) {
      const Risk& risk = *r.risk;
      std::optional<RiskRating> target = risk.target;
      write_csv_row(
          out,
          {csv_text(p.plan->id), csv_text(risk.id), csv_text(risk.title), csv_text(risk.owner.id),
           to_string(risk.status), std::to_string(r.inherent.likelihood), std::to_string(r.inherent.impact),
           std::to_string(r.inherent_score), std::to_string(r.current.likelihood), std::to_string(r.current.impact),
           std::to_string(r.score), to_string(r.band), r.review_date ? to_iso(*r.review_date) : "",
           target ? std::to_string(target->likelihood) : "", target ? std::to_string(target->impact) : "",
           opt_int(r.target_score), to_string(r.trend), csv_text(join_ids(risk.mitigated_by)), to_iso(p.as_of)});
    }
}

void write_risks_json(JsonWriter& json, const PlanFigures& p) {
  json.begin_array({true, 2, false});
  for (const RiskFigures& r : p.risks) {
    const Risk& risk = *r.risk;
    json.begin_object();
    json.key("id").string(risk.id).key("title").string(risk.title).key("owner").string(risk.owner.id);
    json.key("status").string(to_string(risk.status));
    json.key("likelihood").number(r.inherent.likelihood).key("impact").number(r.inherent.impact);
    json.key("inherent_score").number(r.inherent_score);
    json.key("current_likelihood").number(r.current.likelihood).key("current_impact").number(r.current.impact);
    json.key("score").number(r.score).key("band").string(to_string(r.band));
    json.key("review_date").string_or_null(r.review_date ? std::optional(to_iso(*r.review_date)) : std::nullopt);
    json.key("target_likelihood").number_or_null(risk.target ? int_text(risk.target->likelihood) : std::nullopt);
    json.key("target_impact").number_or_null(risk.target ? int_text(risk.target->impact) : std::nullopt);
    json.key("target_score").number_or_null(int_text(r.target_score)).key("trend").string(to_string(r.trend));
    json.key("mitigated_by").begin_array();
    for (const Reference& ref : risk.mitigated_by) json.string(ref.id);
    json.end_array().end_object();
  }
  json.end_array();
}

namespace {

std::string explain_trend(const RiskFigures& r) {
  if (r.trend == RiskTrend::none) return "none (no review on or before T to compare)";
  return fmt::format("{} (score {} against {}, {})", to_string(r.trend), r.score, *r.previous_score,
                     r.previous_review ? fmt::format("the review of {}", to_iso(r.previous_review->date))
                                       : std::string("the inherent score, as this is the first review"));
}

std::string explain_mitigation(const PlanFigures& p, const Risk& risk) {
  if (risk.mitigated_by.empty()) return "  mitigating actions: none\n";
  std::string out = "  mitigating actions:\n";
  for (const Reference& ref : risk.mitigated_by) {
    const ActionFigures* a = find_action(p, ref.id);
    out += a ? fmt::format("    {:<12} {}, actual {}%, {}\n", escape_control(ref.id), to_string(a->action->status),
                           format_percent(a->actual, 0), to_string(a->rag))
             : fmt::format("    {:<12} not an action in this plan\n", escape_control(ref.id));
  }
  return out;
}

}  // namespace

std::optional<std::string> explain_risk(const PlanFigures& p, std::string_view id) {
  const RiskFigures* found = nullptr;
  for (const RiskFigures& r : p.risks)
    if (r.risk->id == id) found = &r;
  if (!found) return std::nullopt;
  const RiskFigures& r = *found;
  const Risk& risk = *r.risk;
  const RiskBands& bands = p.plan->risk_bands;
  std::string out = fmt::format("risk {} \"{}\" (plan {}) as of {}\n", escape_control(risk.id),
                                escape_control(risk.title), escape_control(p.plan->id), to_iso(p.as_of));
  out += fmt::format("  owner {}; status {}\n", escape_control(risk.owner.id), to_string(risk.status));
  out += fmt::format("  inherent:      likelihood x impact = {} (before controls)\n", rating_text(r.inherent));
  out += r.review ? fmt::format("  latest review: {} (the latest on or before T): {}{}\n", to_iso(r.review->date),
                                rating_text(r.current),
                                r.review->note.empty() ? "" : fmt::format("; {}", escape_control(r.review->note)))
                  : std::string("  latest review: none on or before T, so the inherent rating stands\n");
  out +=
      fmt::format("  score:         {} (likelihood {} x impact {})\n", r.score, r.current.likelihood, r.current.impact);
  out += fmt::format("  band:          {} (high from {}, medium from {}, else low)\n", to_string(r.band), bands.high,
                     bands.medium);
  out += fmt::format("  trend:         {}\n", explain_trend(r));
  out += risk.target ? fmt::format("  target:        {}\n", rating_text(*risk.target)) : "  target:        none\n";
  return out + explain_mitigation(p, risk);
}

}  // namespace bvplan
