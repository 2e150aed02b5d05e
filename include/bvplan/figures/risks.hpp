// A plan's risks as of a date: the inherent and current ratings, their scores and band,
// the target, and the trend since the review before. Pure, as compute is.
#pragma once

#include <optional>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

// The current score against the one before it: lower is better. `none` when there is
// nothing before it (no review on or before the as-of date).
enum class RiskTrend { better, worse, same, none };
const char* to_string(RiskTrend trend);  // "better", "worse", "no change", "none"

struct RiskFigures {
  const Risk* risk = nullptr;
  RiskRating inherent;
  int inherent_score = 0;
  RiskRating current;  // the latest review's on or before the as-of date, else inherent
  int score = 0;
  const RiskReview* review = nullptr;  // that review, or nullptr
  std::optional<Date> review_date;
  RiskBand band = RiskBand::low;
  std::optional<int> target_score;
  RiskTrend trend = RiskTrend::none;
  // What the trend compares with: the review before the current one (previous_review),
  // or the inherent rating when the current review is the first (previous_review null).
  std::optional<int> previous_score;
  const RiskReview* previous_review = nullptr;
};

RiskFigures compute_risk(const Risk& risk, const RiskBands& bands, Date as_of);
// Every well-formed risk of the plan, in file order.
std::vector<RiskFigures> compute_risks(const Plan& plan, Date as_of);

}  // namespace bvplan
