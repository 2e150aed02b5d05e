#include <charconv>

#include <fmt/format.h>

#include "bvplan/formats/diff.hpp"
#include "bvplan/formats/json.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

std::string describe(const ProgressReport& r) {
  if (r.kind == ProgressReport::Kind::milestone_met)
    return fmt::format("milestone {} of action {} met on {}: {}", r.milestone, r.action, to_iso(r.date), r.title);
  return fmt::format("action {} reported {}% complete on {}", r.action, format_number(r.complete), to_iso(r.date));
}

std::string describe(const PlanChange& c, const std::string& currency, DateWords dates) {
  auto day = [&](const std::string& iso) -> std::string {
    std::optional<Date> date = dates == DateWords::long_form ? parse_date(iso) : std::nullopt;
    return date ? to_long(*date) : iso;
  };
  auto value = [&](const std::string& v) -> std::string {
    if (v.empty()) return "none";
    if (c.field == "budget" || c.field == "savings_target") {
      // Strictly, as the loader reads numbers: std::stod follows the C locale (under
      // de_DE "1500.5" reads as 1500) and throws on what it cannot read.
      double amount = 0;
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), amount);
      if (ec == std::errc() && end == v.data() + v.size()) return format_money(amount, currency);
    }
    return "'" + v + "'";
  };
  const std::string who = fmt::format("{} {}", c.subject, c.id);
  if (c.kind == "issue-added" || c.kind == "action-added" || c.kind == "measure-added" || c.kind == "risk-added")
    return fmt::format("{} added: {}{}", who, c.title, c.to.empty() ? "" : fmt::format(" (due {})", day(c.to)));
  if (c.kind == "milestone-added") return fmt::format("{} added: {} (due {})", who, c.title, day(c.to));
  if (c.kind == "issue-removed" || c.kind == "action-removed" || c.kind == "milestone-removed" ||
      c.kind == "measure-removed" || c.kind == "risk-removed")
    return fmt::format("{} removed: {}", who, c.title);
  if (c.kind == "rebaselined")
    return fmt::format("{} {} date re-baselined {:+} days ({} to {})", who, c.field == "end" ? "end" : "due", *c.days,
                       day(c.from), day(c.to));
  if (c.kind == "brought-forward")
    return fmt::format("{} {} date brought forward {} days ({} to {})", who, c.field == "end" ? "end" : "due", -*c.days,
                       day(c.from), day(c.to));
  if (c.kind == "start-moved" || c.kind == "milestone-moved")
    return fmt::format("{} {} date moved {:+} days ({} to {})", who, c.field, *c.days, day(c.from), day(c.to));
  if (c.field == "file") return fmt::format("{} moved from file '{}' to '{}'", who, c.from, c.to);
  if (c.kind == "targets-changed") return fmt::format("{} target curve changed from [{}] to [{}]", who, c.from, c.to);
  return fmt::format("{} {} changed from {} to {}", who, c.field, value(c.from), value(c.to));
}

std::string baseline_label(const PlanVersion& v) {
  return fmt::format("{} ({}, {})", v.revision, v.short_id, to_long(v.date));
}

std::string comparison_label(const PlanVersion& v) {
  return fmt::format("{} ({}, as of {})", v.revision, v.short_id, to_iso(v.date));
}

std::string describe(const MissingVersion& m, const PlanVersion& v) {
  if (m.why == MissingVersion::Why::had_errors)
    return fmt::format("the plan had errors at {}, so nothing is compared with it", v.revision);
  return fmt::format("plan '{}' has no version at {} ({}): no plan file there has its id{}", m.plan, v.revision,
                     v.short_id,
                     m.other_path.empty() ? "" : fmt::format(" ({} there is plan '{}')", m.other_path, m.other_plan));
}

std::vector<std::string> describe_changes(const Baseline& baseline, const std::string& currency, DateWords dates) {
  if (baseline.missing) return {describe(*baseline.missing, baseline.version)};
  std::vector<std::string> out;
  out.reserve(baseline.changes.size());
  for (const PlanChange& change : baseline.changes) out.push_back(describe(change, currency, dates));
  return out;
}

namespace {

std::vector<std::string> sentences(const PlanDiff& plan) {
  if (plan.presence == PlanDiff::Presence::added) return {fmt::format("plan {} added", plan.id)};
  if (plan.presence == PlanDiff::Presence::removed) return {fmt::format("plan {} removed", plan.id)};
  std::vector<std::string> out;
  for (const PlanChange& c : plan.changes) out.push_back(describe(c, plan.currency));
  return out;
}

std::string label(const DiffEnd& end) {
  return fmt::format("{} ({}, {})", end.revision, end.commit.substr(0, 7), to_iso(end.date));
}

void write_end(JsonWriter& json, const DiffEnd& end) {
  json.begin_object().key("revision").string(end.revision).key("commit").string(end.commit);
  json.key("date").string(to_iso(end.date)).end_object();
}

std::optional<std::string> or_null(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional(text);
}

void write_change(JsonWriter& json, const PlanChange& c, const std::string& description) {
  json.begin_object().key("kind").string(c.kind).key("subject").string(c.subject).key("id").string(c.id);
  json.key("field").string_or_null(or_null(c.field)).key("from").string_or_null(or_null(c.from));
  json.key("to").string_or_null(or_null(c.to));
  json.key("days").number_or_null(c.days ? std::optional(std::to_string(*c.days)) : std::nullopt);
  json.key("title").string_or_null(or_null(c.title)).key("description").string(description).end_object();
}

void write_progress(JsonWriter& json, const ProgressReport& r) {
  bool met = r.kind == ProgressReport::Kind::milestone_met;
  json.begin_object().key("kind").string(met ? "milestone-met" : "update-added").key("action").string(r.action);
  json.key("milestone").string_or_null(met ? std::optional(r.milestone) : std::nullopt);
  json.key("date").string(to_iso(r.date));
  json.key("complete").number_or_null(met ? std::nullopt : std::optional(format_number(r.complete)));
  json.key("title").string_or_null(met ? std::optional(r.title) : std::nullopt);
  json.key("description").string(describe(r)).end_object();
}

void write_plan_diff(JsonWriter& json, const PlanDiff& plan) {
  std::vector<std::string> lines = sentences(plan);
  json.begin_object().key("id").string(plan.id).key("file").string(plan.file);
  json.key("changes").begin_array({true, 4, false});
  if (plan.presence != PlanDiff::Presence::both) {
    PlanChange whole{plan.presence == PlanDiff::Presence::added ? "plan-added" : "plan-removed",
                     "plan",
                     plan.id,
                     "",
                     "",
                     "",
                     std::nullopt,
                     ""};
    write_change(json, whole, lines[0]);
  }
  for (size_t i = 0; i < plan.changes.size(); ++i) write_change(json, plan.changes[i], lines[i]);
  json.end_array().key("progress").begin_array({true, 4, false});
  for (const ProgressReport& r : plan.progress) write_progress(json, r);
  json.end_array().end_object();
}

}  // namespace

std::string render_diff_markdown(const std::vector<PlanDiff>& plans, const DiffEnd& from,
                                 const std::optional<DiffEnd>& to) {
  std::string out = fmt::format("# Changes to the plans from {} to {}\n", escape_markdown(label(from)),
                                to ? escape_markdown(label(*to)) : std::string("the working tree"));
  if (plans.empty()) return out + "\nNo plan files to compare.\n";
  for (const PlanDiff& plan : plans) {
    out += fmt::format("\n## {}: {} ({})\n\n", escape_markdown(plan.id), escape_markdown(plan.title),
                       escape_markdown(plan.file));
    std::vector<std::string> lines = sentences(plan);
    for (const std::string& line : lines) out += fmt::format("- {}\n", escape_markdown(line));
    if (lines.empty()) out += plan.progress.empty() ? "No changes.\n" : "No changes to the plan.\n";
    if (!plan.progress.empty()) out += "\nProgress reported:\n\n";
    for (const ProgressReport& r : plan.progress) out += fmt::format("- {}\n", escape_markdown(describe(r)));
  }
  return out;
}

std::string render_diff_json(const std::vector<PlanDiff>& plans, const DiffEnd& from,
                             const std::optional<DiffEnd>& to) {
  return render_to_string([&](Output& out) {
    JsonWriter json(out);
    json.begin_object().key("version").number(1).key("from");
    write_end(json, from);
    json.key("to");
    to ? write_end(json, *to) : void(json.string("working tree"));
    json.key("plans").begin_array({true, 2, true});
    for (const PlanDiff& plan : plans) write_plan_diff(json, plan);
    json.end_array().end_object();
    out.put('\n');
  });
}

}  // namespace bvplan
