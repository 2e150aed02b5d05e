// Whether the promised savings arrive: expected against delivered per plan, and totals per
// currency. Pure compute; formats/portfolio.hpp renders it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/figures/compute.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

struct PlanSavings {
  const Plan* plan = nullptr;
  std::optional<double> target;  // the plan's savings_target, or the sum of its actions'
  double expected = 0;           // the share of the target expected by the as-of date
  double delivered = 0;
  Rag rag = Rag::none;             // delivered against expected, by the plan's thresholds
  std::optional<double> complete;  // the plan's actual % complete; empty when no action counts
  bool lags = false;               // delivered share more than 10 points below % complete
};

// Money in one currency: amounts in different currencies are never added together.
struct SavingsTotal {
  std::string currency;
  double target = 0, expected = 0, delivered = 0;
  Rag rag = Rag::none;
};

struct Savings {
  Date as_of;
  std::vector<PlanSavings> plans;
  std::vector<SavingsTotal> totals;  // one per currency, by currency code
};

Savings compute_savings(const std::vector<PlanFigures>& plans);

}  // namespace bvplan
