#include "bvplan/model/risk.hpp"

namespace bvplan {

const char* to_string(RiskStatus status) { return status == RiskStatus::closed ? "closed" : "open"; }

const char* to_string(RiskBand band) {
  switch (band) {
    case RiskBand::low: return "low";
    case RiskBand::medium: return "medium";
    case RiskBand::high: return "high";
  }
  return "low";
}

RiskBand risk_band(int score, const RiskBands& bands) {
  if (score >= bands.high) return RiskBand::high;
  if (score >= bands.medium) return RiskBand::medium;
  return RiskBand::low;
}

const RiskReview* latest_review(const Risk& risk, Date as_of) {
  const RiskReview* latest = nullptr;
  for (const RiskReview& r : risk.reviews)
    if (r.date <= as_of && (!latest || r.date >= latest->date)) latest = &r;
  return latest;
}

RiskRating current_rating(const Risk& risk, Date as_of) {
  const RiskReview* review = latest_review(risk, as_of);
  return review ? review->rating : risk.inherent;
}

}  // namespace bvplan
