// Whether the promised savings arrive: expected against delivered per plan, and totals per
// currency. Pure compute; formats/portfolio.hpp renders it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/core/period.hpp"
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

// The savings of one currency in one year of the plans (calendar, or starting in another
// month: financial years). A plan's years run from the year holding its start to the year
// holding its end; what falls outside them (an action outside the plan period, savings
// reported after its last year) counts in its first or last year, so its years add up to
// its figures.
struct YearSavings {
  std::string currency;
  Period year;          // its days and label: "2001/02", "2004"
  double expected = 0;  // expected by the year's last day less expected by the day before it starts
  // Once the year has begun (its first day on or before the as-of date): the part of
  // `expected` due by the as-of date (all of it once the year is over), and the savings
  // delivered in the year so far. Empty for years still to come.
  std::optional<double> expected_to_date;
  std::optional<double> delivered;
};

struct YearSavingsTotal {
  std::string currency;
  double expected = 0, expected_to_date = 0, delivered = 0;
};

struct SavingsByYear {
  Date as_of;
  unsigned year_start = calendar_year_start;
  std::vector<YearSavings> years;        // by currency code, then year; only years some plan covers
  std::vector<YearSavingsTotal> totals;  // one per currency, by currency code
};

// Each plan's expected and delivered savings (as compute_savings has them) at the ends of
// the years of its life, in years starting in `year_start`: about two compute_plan calls
// per year a plan covers, never one per year between plans far apart.
SavingsByYear compute_savings_by_year(const std::vector<PlanFigures>& plans, Date as_of, unsigned year_start);

}  // namespace bvplan
