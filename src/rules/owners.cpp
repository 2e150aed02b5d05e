#include <cctype>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/rules/families.hpp"

namespace bvplan {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Equal ignoring ASCII case: "strategic & performance services" names the same owner.
bool same_words(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// `lead: Strategic & Performance Services` names an owner by its name: the loader
// reported a malformed id; say which id to write, and count the owner as used.
void owners_named_by_name(RuleContext& context, std::map<std::string, bool>& used) {
  for (const Reference& ref : context.plan.malformed_owner_references) {
    std::string_view name = trimmed(ref.id);
    for (const auto& [id, owner] : context.owners) {
      if (owner.name.empty() || !same_words(owner.name, name)) continue;
      used[id] = true;
      for (Diagnostic& d : context.diagnostics)
        if (d.rule == "bad-value" && d.position.line == ref.position.line && d.position.column == ref.position.column &&
            d.file == context.plan.file)
          d.hint = fmt::format("write the owner's id '{}', not its name '{}'", id, owner.name);
      break;
    }
  }
}

}  // namespace

void check_owner(RuleContext& context, const Reference& ref) {
  if (ref.id.empty() || context.owners.count(ref.id)) return;
  std::vector<std::string> ids;
  for (const auto& [id, owner] : context.owners) ids.push_back(id);
  context.error(ref.position, "unknown-owner", fmt::format("unknown owner '{}'{}", ref.id, did_you_mean(ref.id, ids)),
                fmt::format("declare '{}' under 'owners:' in the plan or in an owners.yaml register", ref.id));
}

void check_owner_references(RuleContext& context) {
  if (context.plan.owner) check_owner(context, *context.plan.owner);
  for (const KeyIssue& issue : context.plan.issues)
    for (const Action& action : issue.actions) {
      check_owner(context, action.lead);
      for (const Reference& s : action.support) check_owner(context, s);
    }
  for (const Risk& risk : context.plan.risks) check_owner(context, risk.owner);
}

void check_unused_owners(RuleContext& context) {
  std::map<std::string, bool> used;
  owners_named_by_name(context, used);
  if (context.plan.owner) used[context.plan.owner->id] = true;
  for (const KeyIssue& issue : context.plan.issues)
    for (const Action& action : issue.actions) {
      used[action.lead.id] = true;
      for (const Reference& s : action.support) used[s.id] = true;
    }
  for (const Measure& m : context.plan.measures) used[m.owner] = true;
  for (const Risk& risk : context.plan.risks) used[risk.owner.id] = true;
  for (const auto& [id, owner] : context.plan.owners)
    if (!used.count(id))
      context.warning(owner.position, "unused-owner",
                      fmt::format("owner '{}' is declared but leads or supports nothing", id),
                      "remove it, or move shared owners to an owners.yaml register");
}

}  // namespace bvplan
