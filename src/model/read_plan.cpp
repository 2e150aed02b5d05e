#include <algorithm>

#include <fmt/format.h>

#include "bvplan/model/keys.hpp"
#include "bvplan/model/shape.hpp"

namespace bvplan {

namespace {

void read_currency(ShapeReader& reader, const Node* node, Plan& plan) {
  auto value = reader.text(node, "currency");
  if (!value) return;
  // An ISO 4217 code: it is written next to every amount in every format.
  bool code =
      value->size() == 3 && std::all_of(value->begin(), value->end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (code)
    plan.currency = *value;
  else
    reader.error(node->position, "bad-value", fmt::format("currency '{}' is not a three-letter currency code", *value),
                 "write an ISO 4217 code in capitals, such as GBP, EUR or USD");
}

void read_monitoring(ShapeReader& reader, const Node* node, Plan& plan) {
  for (const Node& item : reader.optional_list(node, "'monitoring'")) {
    if (!reader.expect_map(item, "a monitoring entry")) continue;
    if (!reader.check_keys(item, "a monitoring entry", keys::monitoring, keys::monitoring)) continue;
    auto body = reader.text(item.find("body"), "body");
    auto every = reader.cadence(item.find("every"));
    if (body && every) plan.monitoring.push_back({*body, *every, item.position});
  }
}

void read_rag(ShapeReader& reader, const Node* rag, Plan& plan) {
  if (!rag || !reader.expect_map(*rag, "'rag'")) return;
  reader.check_keys(*rag, "'rag'", keys::rag, {});
  if (auto g = reader.percent(rag->find("green"), "green")) {
    plan.rag.green = *g;
    // Lowering green alone brings the default amber down with it.
    if (!rag->find("amber")) plan.rag.amber = std::min(plan.rag.amber, *g);
  }
  if (auto a = reader.percent(rag->find("amber"), "amber")) plan.rag.amber = *a;
  if (plan.rag.amber > plan.rag.green)
    reader.error(rag->position, "bad-value",
                 fmt::format("rag amber threshold {} is above the green threshold {}", plan.rag.amber, plan.rag.green),
                 "amber must be at most green, e.g. green: 90, amber: 70");
}

void read_plan_section(ShapeReader& reader, const Node& node, Plan& plan) {
  if (!reader.expect_map(node, "'plan'")) return;
  reader.check_keys(node, "'plan'", keys::plan, keys::plan_required);
  bool has_id = reader.read_id(node, "id", plan.id, plan.position);
  bool has_title = reader.read_text(node, "title", plan.title);
  bool has_start = reader.read_date(node, "start", plan.start, plan.start_position);
  bool has_end = reader.read_date(node, "end", plan.end, plan.end_position);
  plan.well_formed = has_id && has_title && has_start && has_end;
  reader.read_text(node, "review", plan.review);
  plan.owner = reader.reference(node.find("owner"), "owner");
  plan.budget = reader.money(node.find("budget"), "budget");
  if (plan.budget) plan.budget_position = node.find("budget")->position;
  read_currency(reader, node.find("currency"), plan);
  plan.savings_target = reader.money(node.find("savings_target"), "savings_target");
  read_monitoring(reader, node.find("monitoring"), plan);
  read_rag(reader, node.find("rag"), plan);
  read_risk_bands(reader, node.find("risk_bands"), plan.risk_bands);
  if (std::optional<unsigned> month = read_year_start(reader, node.find("year_start"))) {
    plan.year_start = *month;
    plan.own_year_start = true;
  }
}

std::optional<ExternalSupport> read_external_support(ShapeReader& reader, const Node* node) {
  if (!node || !reader.expect_map(*node, "'external_support'")) return std::nullopt;
  reader.check_keys(*node, "'external_support'", keys::external_support, {});
  ExternalSupport out;
  if (const Node* from = node->find("from")) out.from = reader.date(from, "from");
  if (const Node* to = node->find("to")) out.to = reader.date(to, "to");
  reader.read_text(*node, "provider", out.provider);
  reader.read_text(*node, "note", out.note);
  if (out.from && out.to && *out.from > *out.to)
    reader.error(node->find("from")->position, "date-order",
                 fmt::format("external support starts on {} after it ends on {}", to_iso(*out.from), to_iso(*out.to)));
  return out;
}

KeyIssue read_issue(ShapeReader& reader, const Node& node) {
  KeyIssue out;
  if (!reader.expect_map(node, "a key issue")) return out;
  reader.check_keys(node, "a key issue", keys::issue, keys::issue_required);
  out.position = node.position;
  reader.read_id(node, "id", out.id, out.position);
  reader.read_text(node, "title", out.title);
  reader.read_text(node, "description", out.description);
  out.external_support = read_external_support(reader, node.find("external_support"));
  if (const Node* by = node.find("monitored_by")) {
    if (by->is_sequence()) {
      for (const Node& item : by->items())
        if (auto v = reader.text(&item, "monitored_by")) out.monitored_by.push_back(*v);
    } else if (auto v = reader.text(by, "monitored_by")) {
      out.monitored_by.push_back(*v);
    }
  }
  std::span<const Node> actions = reader.required_list(node.find("actions"), "'actions'", "key issue has no actions",
                                                       "add at least one action under 'actions:'");
  out.actions.reserve(actions.size());
  for (const Node& item : actions) out.actions.push_back(read_action(reader, item));
  return out;
}

}  // namespace

Plan read_plan(ShapeReader& reader, const Node& root, DocumentStorage* storage) {
  Plan out;
  out.file = reader.file();
  if (!reader.expect_map(root, "a plan file")) return out;
  reader.check_keys(root, "the plan file", keys::file, keys::file_required);
  if (const Node* version = root.find("bvplan")) {
    if (auto v = reader.number(version, "bvplan"); v && (*v != 1 || version->value() != "1"))
      reader.error(version->position, "bad-value",
                   fmt::format("format version {} is not supported; this bvplan reads version 1", version->value()),
                   "write 'bvplan: 1'");
  }
  if (const Node* p = root.find("plan")) read_plan_section(reader, *p, out);
  if (const Node* o = root.find("owners")) out.owners = read_owners(reader, *o, true);
  // Before the issues: written first, their nodes are freed with the first issue's.
  out.measures = read_measures(reader, root.find("measures"));
  out.risks = read_risks(reader, root.find("risks"));
  std::span<const Node> issues = reader.required_list(root.find("issues"), "'issues'", "plan has no key issues",
                                                      "add at least one key issue under 'issues:'");
  out.issues.reserve(issues.size());
  for (const Node& item : issues) {
    out.issues.push_back(read_issue(reader, item));
    // Everything allocated before this issue's items (its descendants, earlier issues,
    // and 'plan' and 'owners' when written first) has been read.
    if (storage && !item.items().empty()) storage->release_nodes_before(item.items().data());
  }
  out.malformed_owner_references = reader.take_malformed_references();
  return out;
}

}  // namespace bvplan
