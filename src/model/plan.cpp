#include "bvplan/model/plan.hpp"

#include <algorithm>
#include <charconv>

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

std::optional<Cadence> parse_cadence(std::string_view text) {
  if (text == "month") return Cadence{1};
  if (text == "quarter") return Cadence{3};
  if (text == "year") return Cadence{12};
  auto space = text.find(' ');
  if (space != std::string_view::npos && text.substr(space) == " months") {
    int n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + space, n);
    if (ec == std::errc() && end == text.data() + space && n >= 1 && n <= 120 && text[0] != '0') return Cadence{n};
  }
  return std::nullopt;
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

std::vector<std::string> declared_ids(const Plan& plan, IdKinds kinds) {
  std::vector<std::string> ids;
  auto add = [&](bool wanted, const std::string& id) {
    if (wanted && !id.empty()) ids.push_back(id);
  };
  add(kinds.plan, plan.id);
  for (const Measure& measure : plan.measures) add(kinds.measures, measure.id);
  for (const Risk& risk : plan.risks) add(kinds.risks, risk.id);
  for (const KeyIssue& issue : plan.issues) {
    add(kinds.issues, issue.id);
    for (const Action& action : issue.actions) {
      add(kinds.actions, action.id);
      for (const Milestone& milestone : action.milestones) add(kinds.milestones, milestone.id);
    }
  }
  return ids;
}

}  // namespace bvplan
