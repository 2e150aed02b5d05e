#include "bvplan/model/plan.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace bvplan {

std::string to_string(Cadence cadence) {
  switch (cadence.months) {
    case 1: return "month";
    case 3: return "quarter";
    case 12: return "year";
    default: return fmt::format("{} months", cadence.months);
  }
}

const char* to_string(ActionStatus status) {
  switch (status) {
    case ActionStatus::active: return "active";
    case ActionStatus::deferred: return "deferred";
    case ActionStatus::cancelled: return "cancelled";
  }
  return "active";
}

Cadence shortest_cadence(const Plan& plan) {
  if (plan.monitoring.empty()) return Cadence{3};
  Cadence shortest = plan.monitoring.front().every;
  for (const Monitoring& m : plan.monitoring)
    if (m.every.months < shortest.months) shortest = m.every;
  return shortest;
}

Date period_start(Cadence cadence, Date as_of) {
  // Never before the calendar bvplan writes: no update can be dated earlier anyway.
  return std::max(Date::earliest(), as_of.plus_days(1).plus_months(-cadence.months));
}

}  // namespace bvplan
