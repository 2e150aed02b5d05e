#include <map>

#include <fmt/format.h>

#include "bvplan/reports/diff.hpp"

namespace bvplan {

namespace {

std::string rating_words(const std::optional<RiskRating>& rating) {
  return rating ? fmt::format("{} x {}", rating->likelihood, rating->impact) : "";
}

void field(std::vector<PlanChange>& changes, const std::string& id, const char* name, const std::string& from,
           const std::string& to) {
  if (from != to) changes.push_back({"risk-changed", "risk", id, name, from, to, std::nullopt, ""});
}

}  // namespace

void diff_risks(const Plan& before, const Plan& after, std::vector<PlanChange>& changes) {
  std::map<std::string, const Risk*> old;
  for (const Risk& r : before.risks) old.emplace(r.id, &r);
  for (const Risk& r : after.risks) {
    auto it = old.find(r.id);
    if (it == old.end()) {
      changes.push_back({"risk-added", "risk", r.id, "", "", "", std::nullopt, r.title});
      continue;
    }
    const Risk& was = *it->second;
    field(changes, r.id, "title", was.title, r.title);
    field(changes, r.id, "owner", was.owner.id, r.owner.id);
    field(changes, r.id, "rating", rating_words(was.inherent), rating_words(r.inherent));
    field(changes, r.id, "status", to_string(was.status), to_string(r.status));
    field(changes, r.id, "target", rating_words(was.target), rating_words(r.target));
    old.erase(it);
  }
  for (const Risk& r : before.risks)
    if (old.count(r.id)) changes.push_back({"risk-removed", "risk", r.id, "", "", "", std::nullopt, r.title});
}

}  // namespace bvplan
