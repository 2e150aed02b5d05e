#include <fmt/format.h>

#include "bvplan/rules/families.hpp"

namespace bvplan {

void check_duplicate_ids(RuleContext& context) {
  struct Seen {
    const char* kind;
    Position position;
  };
  std::map<std::string, Seen> seen;
  auto visit = [&](const std::string& id, const char* kind, Position at) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, Seen{kind, at});
    if (!inserted)
      context.error(
          at, "duplicate-id",
          fmt::format("id '{}' is already used by the {} at line {}", id, it->second.kind, it->second.position.line),
          "ids must be unique across key issues, actions, milestones, measures and risks in a plan");
  };
  for (const KeyIssue& issue : context.plan.issues) {
    visit(issue.id, "key issue", issue.position);
    for (const Action& action : issue.actions) {
      visit(action.id, "action", action.position);
      for (const Milestone& m : action.milestones) visit(m.id, "milestone", m.position);
    }
  }
  for (const Measure& m : context.plan.measures) visit(m.id, "measure", m.position);
  for (const Risk& risk : context.plan.risks) visit(risk.id, "risk", risk.position);
}

}  // namespace bvplan
