#include <algorithm>

#include <fmt/format.h>

#include "bvplan/core/number.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/model/keys.hpp"
#include "bvplan/model/shape.hpp"

namespace bvplan {

namespace {

std::optional<Milestone> read_milestone(ShapeReader& reader, const Node& node) {
  if (!reader.expect_map(node, "a milestone")) return std::nullopt;
  Milestone out;
  bool complete = reader.check_keys(node, "a milestone", keys::milestone, keys::milestone_required);
  bool has_id = reader.read_id(node, "id", out.id, out.position);
  bool has_title = reader.read_text(node, "title", out.title);
  bool has_due = reader.read_date(node, "due", out.due, out.due_position);
  if (const Node* done = node.find("done")) {
    out.done = reader.date(done, "done");
    out.done_position = done->position;
  }
  if (!complete || !has_id || !has_title || !has_due) return std::nullopt;
  return out;
}

// `completed`: the day the work was finished, reported by an update of 100% on or after it.
void read_completed(ShapeReader& reader, const Node* node, Update& out) {
  if (!node) return;
  auto when = reader.date(node, "completed");
  if (!when) return;
  if (out.complete < 100)
    reader.error(
        node->position, "bad-value",
        fmt::format("completed {} is on an update of {}% complete", to_iso(*when), format_number(out.complete)),
        "write completed only on the update that reports complete: 100");
  else if (*when > out.date)
    reader.error(node->position, "bad-value",
                 fmt::format("completed {} is after the update's own date {}", to_iso(*when), to_iso(out.date)),
                 "an update reports work finished on or before its date; date the update on or after it");
  else {
    out.completed = when;
    out.completed_position = node->position;
  }
}

std::optional<Update> read_update(ShapeReader& reader, const Node& node) {
  if (!reader.expect_map(node, "an update")) return std::nullopt;
  bool complete = reader.check_keys(node, "an update", keys::update, keys::update_required);
  Update out;
  bool has_date = reader.read_date(node, "date", out.date, out.position);
  auto done = reader.percent(node.find("complete"), "complete");
  out.spent = reader.money(node.find("spent"), "spent");
  if (out.spent) out.spent_position = node.find("spent")->position;
  out.staff_days = reader.at_least(node.find("staff_days"), "staff_days", 0, "a number of days");
  if (out.staff_days) out.staff_days_position = node.find("staff_days")->position;
  out.savings = reader.money(node.find("savings"), "savings");
  reader.read_text(node, "summary", out.summary);
  reader.read_text(node, "remedy", out.remedy);
  reader.read_text(node, "benefits", out.benefits);
  reader.read_text(node, "next", out.next);
  reader.read_text(node, "changes", out.changes);
  if (!complete || !has_date || !done) return std::nullopt;
  out.complete = *done;
  out.complete_position = node.find("complete")->position;
  read_completed(reader, node.find("completed"), out);
  return out;
}

std::optional<Rebaseline> read_rebaseline(ShapeReader& reader, const Node& node) {
  if (!reader.expect_map(node, "a rebaselined entry")) return std::nullopt;
  bool complete = reader.check_keys(node, "a rebaselined entry", keys::rebaseline, keys::rebaseline_required);
  Rebaseline out;
  auto when = reader.date(node.find("date"), "date");
  auto from = reader.date(node.find("from"), "from");
  auto to = reader.date(node.find("to"), "to");
  reader.read_text(node, "reason", out.reason);
  reader.read_text(node, "approved_by", out.approved_by);
  if (!complete || !when || !from || !to) return std::nullopt;
  out.date = *when;
  out.from = *from;
  out.to = *to;
  out.position = node.position;
  return out;
}

void read_weight(ShapeReader& reader, const Node* weight, Action& out) {
  if (!weight) return;
  auto value = reader.number(weight, "weight");
  if (!value) return;
  if (*value <= 0)
    reader.error(weight->position, "bad-value", fmt::format("'weight' is {}, but must be above 0", weight->value()),
                 "use status: cancelled or deferred to take an action out of the roll-up");
  else
    out.weight = *value;
}

void read_status(ShapeReader& reader, const Node* node, Action& out) {
  auto status = reader.text(node, "status");
  if (!status) return;
  // In the order of keys::action_statuses.
  constexpr ActionStatus meanings[] = {ActionStatus::active, ActionStatus::deferred, ActionStatus::cancelled};
  static_assert(std::size(meanings) == std::size(keys::action_statuses));
  for (size_t i = 0; i < std::size(meanings); ++i)
    if (*status == keys::action_statuses[i]) {
      out.status = meanings[i];
      return;
    }
  reader.error(
      node->position, "bad-value",
      fmt::format("unknown status '{}'{}", *status, did_you_mean(*status, {"active", "deferred", "cancelled"})),
      "use active, deferred or cancelled");
}

void read_targets(ShapeReader& reader, const Node* targets, Action& out) {
  if (!targets || !reader.expect_map(*targets, "'targets'")) return;
  for (size_t i = 0; i < targets->map_size(); ++i) {
    auto when = reader.date(&targets->key(i), "targets");
    auto value = reader.percent(&targets->value_at(i), "target");
    if (when && value) out.targets.push_back({*when, *value, targets->key(i).position});
  }
  std::stable_sort(out.targets.begin(), out.targets.end(),
                   [](const TargetPoint& a, const TargetPoint& b) { return a.date < b.date; });
}

// An action's milestones, updates and re-baselines: lists of parts, each read on its own.
void read_parts(ShapeReader& reader, const Node& node, Action& out) {
  std::span<const Node> milestones = reader.optional_list(node.find("milestones"), "'milestones'");
  out.milestones.reserve(milestones.size());
  for (const Node& item : milestones)
    if (auto m = read_milestone(reader, item)) out.milestones.push_back(std::move(*m));
  std::span<const Node> updates = reader.optional_list(node.find("updates"), "'updates'");
  out.updates.reserve(updates.size());
  for (const Node& item : updates)
    if (auto u = read_update(reader, item)) out.updates.push_back(std::move(*u));
  for (const Node& item : reader.optional_list(node.find("rebaselined"), "'rebaselined'"))
    if (auto r = read_rebaseline(reader, item)) out.rebaselined.push_back(std::move(*r));
}

}  // namespace

Action read_action(ShapeReader& reader, const Node& node) {
  Action out;
  if (!reader.expect_map(node, "an action")) return out;
  bool complete = reader.check_keys(node, "an action", keys::action, keys::action_required);
  out.position = node.position;
  bool has_id = reader.read_id(node, "id", out.id, out.position);
  bool has_title = reader.read_text(node, "title", out.title);
  auto lead = reader.reference(node.find("lead"), "lead");
  bool has_start = reader.read_date(node, "start", out.start, out.start_position);
  bool has_due = reader.read_date(node, "due", out.due, out.due_position);
  if (lead) out.lead = *lead;
  out.support = reader.references(node.find("support"), "support");
  read_weight(reader, node.find("weight"), out);
  out.budget = reader.money(node.find("budget"), "budget");
  if (out.budget) out.budget_position = node.find("budget")->position;
  out.savings_target = reader.money(node.find("savings_target"), "savings_target");
  out.effort_days = reader.at_least(node.find("effort_days"), "effort_days", 0, "a number of days");
  if (const Node* external = node.find("external")) out.external = reader.boolean(external, "external").value_or(false);
  out.depends_on = reader.references(node.find("depends_on"), "depends_on");
  read_status(reader, node.find("status"), out);
  read_targets(reader, node.find("targets"), out);
  read_parts(reader, node, out);
  reader.read_text(node, "notes", out.notes);
  out.well_formed = complete && has_id && has_title && lead && has_start && has_due;
  return out;
}

}  // namespace bvplan
