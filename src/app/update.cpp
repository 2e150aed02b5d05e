#include "bvplan/app/update.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "bvplan/app/check.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/io/files.hpp"
#include "bvplan/yaml/reader.hpp"

namespace bvplan {

namespace {

struct Match {
  size_t plan;
  ItemKind kind;
  const Action* action = nullptr;
  const Milestone* milestone = nullptr;
  const Measure* measure = nullptr;
  const Risk* risk = nullptr;
};

void matches_in(const Plan& plan, size_t index, const std::string& id, std::vector<Match>& found,
                std::vector<std::string>& all_ids, std::vector<std::string>* issue_actions = nullptr) {
  for (const KeyIssue& issue : plan.issues)
    for (const Action& action : issue.actions) {
      if (issue_actions && issue.id == id) issue_actions->push_back(action.id);
      all_ids.push_back(action.id);
      if (action.id == id) found.push_back({index, ItemKind::action, &action});
      for (const Milestone& m : action.milestones) {
        all_ids.push_back(m.id);
        if (m.id == id) found.push_back({index, ItemKind::milestone, &action, &m});
      }
    }
  for (const Measure& m : plan.measures) {
    all_ids.push_back(m.id);
    if (m.id == id) found.push_back({index, ItemKind::measure, nullptr, nullptr, &m});
  }
  for (const Risk& r : plan.risks) {
    all_ids.push_back(r.id);
    if (r.id == id) found.push_back({index, ItemKind::risk, nullptr, nullptr, nullptr, &r});
  }
}

const char* list_of(ItemKind kind) {
  switch (kind) {
    case ItemKind::action: return "updates";
    case ItemKind::measure: return "actuals";
    case ItemKind::risk: return "reviews";
    case ItemKind::milestone: break;
  }
  return "";
}

// Findings as (severity, rule, message): positions move when lines are added.
std::map<std::tuple<Severity, std::string, std::string>, int> finding_counts(const Diagnostics& diagnostics) {
  std::map<std::tuple<Severity, std::string, std::string>, int> counts;
  for (const Diagnostic& d : diagnostics) ++counts[{d.severity, d.rule, d.message}];
  return counts;
}

// Whether the edited plan holds the entry where it belongs: one more entry in the item's
// list, the last one dated as asked (or the milestone done on that date). A guard against
// an edit that reads back differently from what was meant: nothing is written then.
bool landed(const Plan& plan, const UpdateTarget& target, const std::vector<EntryField>& entry) {
  std::optional<Date> date = parse_date(entry.front().value);
  if (!date) return false;
  std::vector<std::string> ids;
  std::vector<Match> found;
  matches_in(plan, 0,
             target.kind == ItemKind::milestone ? target.milestone->id
             : target.kind == ItemKind::measure ? target.measure->id
             : target.kind == ItemKind::risk    ? target.risk->id
                                                : target.action->id,
             found, ids);
  std::erase_if(found, [&](const Match& m) { return m.kind != target.kind; });
  if (found.size() != 1) return false;
  const Match& m = found.front();
  switch (target.kind) {
    case ItemKind::action:
      return m.action->updates.size() == target.action->updates.size() + 1 && m.action->updates.back().date == *date;
    case ItemKind::milestone: return m.milestone->done == date;
    case ItemKind::measure:
      return m.measure->actuals.size() == target.measure->actuals.size() + 1 && m.measure->actuals.back().date == *date;
    case ItemKind::risk:
      return m.risk->reviews.size() == target.risk->reviews.size() + 1 && m.risk->reviews.back().date == *date;
  }
  return false;
}

}  // namespace

UpdateTarget find_update_target(const PlanInputs& inputs, const std::string& id, Date as_of) {
  for (const std::string& path : inputs.paths)
    if (path == "-") throw Error("update writes into plan files; standard input ('-') cannot be updated");
  UpdateTarget target;
  target.set = load_plan_set(inputs, as_of);
  PlanSet& set = *target.set;
  if (!set.problems.empty()) throw Error(set.problems.front());
  std::vector<Match> found;
  std::vector<std::string> all_ids, issue_actions;
  for (size_t i = 0; i < set.plans.size(); ++i)
    if (set.plans[i].plan) matches_in(*set.plans[i].plan, i, id, found, all_ids, &issue_actions);
  if (found.empty() && !issue_actions.empty())
    throw Error(
        fmt::format("'{}' is a key issue; update writes to one of its actions ({}), their milestones, or a "
                    "measure or risk",
                    id, fmt::join(issue_actions, ", ")));
  if (found.empty()) {
    std::string where =
        inputs.paths.empty() ? std::string("the current folder") : fmt::format("{}", fmt::join(inputs.paths, ", "));
    std::vector<std::string> unread;
    for (size_t i = 0; i < set.plans.size(); ++i)
      if (!set.plans[i].plan) unread.push_back(set.files[i]);
    std::string note =
        unread.empty() ? "" : fmt::format("; {} could not be read (run 'bvplan check')", fmt::join(unread, ", "));
    throw Error(fmt::format("no plan in {} has an action, milestone, measure or risk '{}'{}{}", where, id,
                            did_you_mean(id, all_ids), note));
  }
  if (found.size() > 1) {
    std::vector<std::string> files;
    for (const Match& each : found)
      if (std::find(files.begin(), files.end(), set.files[each.plan]) == files.end())
        files.push_back(set.files[each.plan]);
    throw Error(fmt::format("'{}' names more than one item, in {}; give the plan file to update", id,
                            fmt::join(files, " and ")));
  }
  const Match& m = found.front();
  // A plan that could not be read might hold the id too: no guessing which is meant.
  for (size_t i = 0; i < set.plans.size(); ++i)
    if (!set.plans[i].plan)
      throw Error(
          fmt::format("'{}' is in {}, but {} could not be read, so it may hold '{}' too; fix it (bvplan check "
                      "{}) or name the plan file to update",
                      id, set.files[m.plan], set.files[i], id, set.files[i]));
  target.plan = m.plan;
  target.kind = m.kind;
  target.action = m.action;
  target.milestone = m.milestone;
  target.measure = m.measure;
  target.risk = m.risk;
  return target;
}

UpdateOutcome apply_update(const UpdateTarget& target, const std::vector<EntryField>& entry, Date as_of) {
  const PlanSet& set = *target.set;
  const std::string& path = set.paths[target.plan];
  const std::string& file = set.files[target.plan];
  UpdateOutcome outcome;
  std::optional<Diagnostic> too_big;
  SourceFile raw = read_source_file(path, set.sources[target.plan].text.size() + 3, too_big);
  if (too_big) throw Error(fmt::format("'{}' changed while it was read; run update again", file));
  outcome.before = raw.text;
  std::string_view bom = std::string_view(raw.text).substr(0, 3) == "\xEF\xBB\xBF" ? "\xEF\xBB\xBF" : "";
  SourceFile source{file, raw.text.substr(bom.size())};

  Diagnostics syntax;
  Document document = read_yaml(source, syntax);
  if (count_severity(syntax, Severity::error) > 0 || !document.usable)
    throw Error(fmt::format("'{}' is not readable YAML; run 'bvplan check {}'", file, file));
  std::string id = target.kind == ItemKind::milestone ? target.milestone->id
                   : target.kind == ItemKind::measure ? target.measure->id
                   : target.kind == ItemKind::risk    ? target.risk->id
                                                      : target.action->id;
  std::vector<FoundItem> items = find_items(document, id);
  std::erase_if(items, [&](const FoundItem& f) { return f.kind != target.kind; });
  if (items.size() != 1) throw Error(fmt::format("'{}' names more than one item in {}", id, file));

  std::string text;
  try {
    text = target.kind == ItemKind::milestone
               ? set_field(source.text, *items[0].map, entry.front())
               : append_entry(source.text, document, *items[0].map, list_of(target.kind), entry);
  } catch (const Error& e) {
    throw Error(fmt::format("{}: {}", file, e.what()));
  }
  outcome.after = std::string(bom) + text;

  SourceFile edited{file, text};
  OwnersRegister inherited = target.set->registers.for_plan(path);
  CheckedPlan checked = check_plan(edited, inherited, as_of);
  auto old_counts = finding_counts(set.plans[target.plan].diagnostics);
  for (const Diagnostic& d : checked.diagnostics) {
    auto key = std::make_tuple(d.severity, d.rule, d.message);
    auto it = old_counts.find(key);
    if (it != old_counts.end() && it->second > 0) {
      --it->second;
      continue;
    }
    outcome.added.push_back(d);
    if (d.severity == Severity::error) outcome.refused = true;
  }
  sort_diagnostics(outcome.added);
  if (!outcome.refused && checked.plan && !landed(*checked.plan, target, entry))
    throw Error(
        fmt::format("{}: the new entry did not read back where it belongs; nothing written (please report "
                    "this with the file)",
                    file));
  outcome.plan = std::move(checked.plan);
  outcome.owners = std::move(checked.owners);
  if (!outcome.plan) outcome.refused = true;
  return outcome;
}

}  // namespace bvplan
