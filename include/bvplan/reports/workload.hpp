// Who is loaded when across plans (the "log-jam of change"): actions led and supported and
// days of effort per owner and period, against each owner's capacity. Pure compute;
// formats/portfolio.hpp renders it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/period.hpp"
#include "bvplan/model/plan.hpp"
#include "bvplan/reports/history.hpp"

namespace bvplan {

// Whole months or quarters covering from..to.
std::vector<Period> periods_between(Date from, Date to, HistoryStep step, unsigned year_start = calendar_year_start);

// When an action occupies its people: from its start to its completed date, or to its
// due date, or to the as-of date while it is overdue. Deferred and cancelled: never.
std::optional<DateRange> active_span(const Action& action, Date as_of);

// One action of one plan, as workload lists it.
struct PlanAction {
  const Plan* plan = nullptr;
  const Action* action = nullptr;
  std::string name() const { return plan->id + "/" + action->id; }  // "roads-2004/KI1.2"
};

struct WorkloadCell {
  std::vector<PlanAction> led;  // active in the period
  std::vector<PlanAction> supported;
  size_t peak_led = 0;     // most actions led on any one day of the period
  double effort_days = 0;  // share of effort_days falling in the period
  bool over_actions = false;
  bool over_days = false;
};

struct OwnerLoad {
  Owner owner;                      // capacity figures and where it was declared
  std::vector<WorkloadCell> cells;  // one per period
  bool judged() const { return owner.max_actions || owner.days_per_month; }
};

struct PeriodLoad {
  size_t starting = 0;  // actions starting in the period
  size_t active = 0;    // actions active in it
};

struct Workload {
  std::vector<Period> periods;
  std::vector<OwnerLoad> owners;   // sorted by id
  std::vector<PeriodLoad> totals;  // one per period
};

// `owners` is every owner named (registers and plans); owners named by no action are left out.
Workload compute_workload(const std::vector<const Plan*>& plans, const Owners& owners, Date as_of,
                          const std::vector<Period>& periods);

// Days of effort as every output shows them: one decimal, half away from zero (the one
// rounding rule), so a finding and the table agree to the digit: "24.2".
std::string format_days(double days);

// over-capacity warnings, one per owner and period over a limit, at the owner's declaration.
Diagnostics workload_findings(const Workload& workload);

}  // namespace bvplan
