#include <map>

#include <fmt/format.h>

#include "bvplan/core/number.hpp"
#include "bvplan/reports/diff.hpp"

namespace bvplan {

namespace {

std::string point_text(const std::optional<MeasurePoint>& p) {
  return p ? fmt::format("{}: {}", to_iso(p->date), format_number(p->value)) : "";
}

std::string targets_text(const Measure& m) {
  std::string out;
  for (const MeasurePoint& t : m.targets)
    out += fmt::format("{}{}: {}", out.empty() ? "" : ", ", to_iso(t.date), format_number(t.value));
  return out;
}

void diff_measure(const Measure& a, const Measure& b, std::vector<PlanChange>& changes) {
  auto field = [&](const char* name, const std::string& from, const std::string& to) {
    if (from != to) changes.push_back({"measure-changed", "measure", b.id, name, from, to, std::nullopt, ""});
  };
  field("title", a.title, b.title);
  field("issue", a.issue, b.issue);
  field("owner", a.owner, b.owner);
  field("unit", to_string(a.unit), to_string(b.unit));
  field("better", to_string(a.better), to_string(b.better));
  field("baseline", point_text(a.baseline), point_text(b.baseline));
  field("tolerance", format_number(a.tolerance), format_number(b.tolerance));
  std::string before = targets_text(a), after = targets_text(b);
  if (before != after)
    changes.push_back({"targets-changed", "measure", b.id, "targets", before, after, std::nullopt, ""});
}

}  // namespace

void diff_measures(const Plan& before, const Plan& after, std::vector<PlanChange>& changes) {
  std::map<std::string, const Measure*> old;
  for (const Measure& m : before.measures) old.emplace(m.id, &m);
  for (const Measure& m : after.measures) {
    auto it = old.find(m.id);
    if (it == old.end()) {
      changes.push_back({"measure-added", "measure", m.id, "", "", "", std::nullopt, m.title});
      continue;
    }
    diff_measure(*it->second, m, changes);
    old.erase(it);
  }
  for (const Measure& m : before.measures)
    if (old.count(m.id)) changes.push_back({"measure-removed", "measure", m.id, "", "", "", std::nullopt, m.title});
}

}  // namespace bvplan
