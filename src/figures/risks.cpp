#include "bvplan/figures/risks.hpp"

namespace bvplan {

const char* to_string(RiskTrend trend) {
  switch (trend) {
    case RiskTrend::better: return "better";
    case RiskTrend::worse: return "worse";
    case RiskTrend::same: return "no change";
    case RiskTrend::none: return "none";
  }
  return "none";
}

namespace {

// The review dated last before `current`'s date, or nullptr.
const RiskReview* review_before(const Risk& risk, const RiskReview& current) {
  const RiskReview* before = nullptr;
  for (const RiskReview& r : risk.reviews)
    if (r.date < current.date && (!before || r.date >= before->date)) before = &r;
  return before;
}

}  // namespace

RiskFigures compute_risk(const Risk& risk, const RiskBands& bands, Date as_of) {
  RiskFigures f;
  f.risk = &risk;
  f.inherent = risk.inherent;
  f.inherent_score = risk.inherent.score();
  f.review = latest_review(risk, as_of);
  f.current = f.review ? f.review->rating : risk.inherent;
  f.score = f.current.score();
  f.band = risk_band(f.score, bands);
  if (risk.target) f.target_score = risk.target->score();
  if (!f.review) return f;
  f.review_date = f.review->date;
  f.previous_review = review_before(risk, *f.review);
  f.previous_score = f.previous_review ? f.previous_review->rating.score() : f.inherent_score;
  f.trend = f.score < *f.previous_score   ? RiskTrend::better
            : f.score > *f.previous_score ? RiskTrend::worse
                                          : RiskTrend::same;
  return f;
}

std::vector<RiskFigures> compute_risks(const Plan& plan, Date as_of) {
  std::vector<RiskFigures> out;
  out.reserve(plan.risks.size());
  for (const Risk& risk : plan.risks)
    if (risk.well_formed) out.push_back(compute_risk(risk, plan.risk_bands, as_of));
  return out;
}

}  // namespace bvplan
