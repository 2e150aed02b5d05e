#include "bvplan/reports/diff.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

std::string number_text(const std::optional<double>& v) { return v ? format_number(*v) : ""; }

class Differ {
public:
  std::vector<PlanChange> changes;

  void field(const char* subject, const std::string& id, const char* name, const std::string& from,
             const std::string& to, const char* kind) {
    if (from != to) changes.push_back({kind, subject, id, name, from, to, std::nullopt, ""});
  }

  void moved(const char* subject, const std::string& id, const char* name, Date from, Date to, const char* later,
             const char* earlier) {
    if (from == to) return;
    long days = to.days_since(from);
    changes.push_back({days > 0 ? later : earlier, subject, id, name, to_iso(from), to_iso(to), days, ""});
  }

  void plan(const Plan& a, const Plan& b) {
    field("plan", b.id, "title", a.title, b.title, "plan-changed");
    moved("plan", b.id, "start", a.start, b.start, "start-moved", "start-moved");
    moved("plan", b.id, "end", a.end, b.end, "rebaselined", "brought-forward");
    field("plan", b.id, "owner", a.owner ? a.owner->id : "", b.owner ? b.owner->id : "", "plan-changed");
    field("plan", b.id, "budget", number_text(a.budget), number_text(b.budget), "plan-changed");
    field("plan", b.id, "savings_target", number_text(a.savings_target), number_text(b.savings_target), "plan-changed");
  }

  void action(const Action& a, const Action& b) {
    field("action", b.id, "title", a.title, b.title, "action-changed");
    field("action", b.id, "lead", a.lead.id, b.lead.id, "action-changed");
    field("action", b.id, "status", to_string(a.status), to_string(b.status), "action-changed");
    field("action", b.id, "budget", number_text(a.budget), number_text(b.budget), "action-changed");
    field("action", b.id, "savings_target", number_text(a.savings_target), number_text(b.savings_target),
          "action-changed");
    field("action", b.id, "weight", number_text(a.weight), number_text(b.weight), "action-changed");
    moved("action", b.id, "start", a.start, b.start, "start-moved", "start-moved");
    moved("action", b.id, "due", a.due, b.due, "rebaselined", "brought-forward");
    auto curve = [](const Action& x) {
      std::string out;
      for (const TargetPoint& t : x.targets)
        out += fmt::format("{}{}: {}", out.empty() ? "" : ", ", to_iso(t.date), format_number(t.percent));
      return out;
    };
    if (curve(a) != curve(b))
      changes.push_back({"targets-changed", "action", b.id, "targets", curve(a), curve(b), std::nullopt, ""});
    std::map<std::string, const Milestone*> old;
    for (const Milestone& m : a.milestones) old.emplace(m.id, &m);
    for (const Milestone& m : b.milestones) {
      auto it = old.find(m.id);
      if (it == old.end()) {
        changes.push_back({"milestone-added", "milestone", m.id, "", "", to_iso(m.due), std::nullopt, m.title});
        continue;
      }
      moved("milestone", m.id, "due", it->second->due, m.due, "milestone-moved", "milestone-moved");
      old.erase(it);
    }
    for (const Milestone& m : a.milestones)
      if (old.count(m.id))
        changes.push_back({"milestone-removed", "milestone", m.id, "", to_iso(m.due), "", std::nullopt, m.title});
  }

  void run(const Plan& a, const Plan& b) {
    plan(a, b);
    std::map<std::string, const KeyIssue*> old_issues;
    std::map<std::string, const Action*> old_actions;
    for (const KeyIssue& i : a.issues) {
      old_issues.emplace(i.id, &i);
      for (const Action& x : i.actions) old_actions.emplace(x.id, &x);
    }
    std::map<std::string, bool> seen_issue, seen_action;
    for (const KeyIssue& i : b.issues) {
      seen_issue[i.id] = true;
      auto it = old_issues.find(i.id);
      if (it == old_issues.end())
        changes.push_back({"issue-added", "key issue", i.id, "", "", "", std::nullopt, i.title});
      else
        field("key issue", i.id, "title", it->second->title, i.title, "issue-changed");
      for (const Action& x : i.actions) {
        seen_action[x.id] = true;
        auto old = old_actions.find(x.id);
        if (old == old_actions.end())
          changes.push_back({"action-added", "action", x.id, "", "", to_iso(x.due), std::nullopt, x.title});
        else
          action(*old->second, x);
      }
    }
    for (const KeyIssue& i : a.issues) {
      for (const Action& x : i.actions)
        if (!seen_action.count(x.id))
          changes.push_back({"action-removed", "action", x.id, "", to_iso(x.due), "", std::nullopt, x.title});
      if (!seen_issue.count(i.id))
        changes.push_back({"issue-removed", "key issue", i.id, "", "", "", std::nullopt, i.title});
    }
  }
};

}  // namespace

std::vector<PlanChange> diff_plans(const Plan& before, const Plan& after) {
  Differ differ;
  differ.run(before, after);
  return differ.changes;
}

std::vector<ProgressReport> diff_progress(const Plan& before, const Plan& after) {
  std::map<std::string, const Action*> old_actions;
  for (const KeyIssue& i : before.issues)
    for (const Action& x : i.actions) old_actions.emplace(x.id, &x);
  std::vector<ProgressReport> out;
  for (const KeyIssue& i : after.issues)
    for (const Action& x : i.actions) {
      auto old = old_actions.find(x.id);
      const Action* was = old == old_actions.end() ? nullptr : old->second;
      for (const Update& u : x.updates) {
        bool known = was && std::any_of(was->updates.begin(), was->updates.end(),
                                        [&](const Update& w) { return w.date == u.date; });
        if (!known) out.push_back({ProgressReport::Kind::update_added, x.id, "", "", u.date, u.complete});
      }
      for (const Milestone& m : x.milestones) {
        if (!m.done) continue;
        bool known = was && std::any_of(was->milestones.begin(), was->milestones.end(),
                                        [&](const Milestone& w) { return w.id == m.id && w.done; });
        if (!known) out.push_back({ProgressReport::Kind::milestone_met, x.id, m.id, m.title, *m.done, 0});
      }
    }
  return out;
}

std::string describe(const ProgressReport& r) {
  if (r.kind == ProgressReport::Kind::milestone_met)
    return fmt::format("milestone {} of action {} met on {}: {}", r.milestone, r.action, to_iso(r.date), r.title);
  return fmt::format("action {} reported {}% complete on {}", r.action, format_number(r.complete), to_iso(r.date));
}

std::string describe(const PlanChange& c, const std::string& currency) {
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
  if (c.kind == "issue-added" || c.kind == "action-added")
    return fmt::format("{} added: {}{}", who, c.title, c.to.empty() ? "" : fmt::format(" (due {})", c.to));
  if (c.kind == "milestone-added") return fmt::format("{} added: {} (due {})", who, c.title, c.to);
  if (c.kind == "issue-removed" || c.kind == "action-removed" || c.kind == "milestone-removed")
    return fmt::format("{} removed: {}", who, c.title);
  if (c.kind == "rebaselined")
    return fmt::format("{} {} date re-baselined {:+} days ({} to {})", who, c.field == "end" ? "end" : "due", *c.days,
                       c.from, c.to);
  if (c.kind == "brought-forward")
    return fmt::format("{} {} date brought forward {} days ({} to {})", who, c.field == "end" ? "end" : "due", -*c.days,
                       c.from, c.to);
  if (c.kind == "start-moved" || c.kind == "milestone-moved")
    return fmt::format("{} {} date moved {:+} days ({} to {})", who, c.field, *c.days, c.from, c.to);
  if (c.field == "file") return fmt::format("{} moved from file '{}' to '{}'", who, c.from, c.to);
  if (c.kind == "targets-changed") return fmt::format("{} target curve changed from [{}] to [{}]", who, c.from, c.to);
  return fmt::format("{} {} changed from {} to {}", who, c.field, value(c.from), value(c.to));
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

std::string json_end(const DiffEnd& end) {
  return fmt::format("{{\"revision\":{},\"commit\":\"{}\",\"date\":\"{}\"}}", json_quote(end.revision), end.commit,
                     to_iso(end.date));
}

std::string json_or_null(const std::string& text) { return text.empty() ? "null" : json_quote(text); }

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
  std::string out = fmt::format("{{\"version\":1,\"from\":{},\"to\":{},\"plans\":[", json_end(from),
                                to ? json_end(*to) : std::string("\"working tree\""));
  for (size_t n = 0; n < plans.size(); ++n) {
    const PlanDiff& plan = plans[n];
    std::vector<std::string> lines = sentences(plan);
    out += fmt::format("{}\n  {{\"id\":{},\"file\":{},\"changes\":[", n ? "," : "", json_quote(plan.id),
                       json_quote(plan.file));
    if (plan.presence != PlanDiff::Presence::both)
      out += fmt::format(
          "\n    {{\"kind\":\"{}\",\"subject\":\"plan\",\"id\":{},\"field\":null,\"from\":null,"
          "\"to\":null,\"days\":null,\"title\":null,\"description\":{}}}",
          plan.presence == PlanDiff::Presence::added ? "plan-added" : "plan-removed", json_quote(plan.id),
          json_quote(lines[0]));
    for (size_t i = 0; i < plan.changes.size(); ++i) {
      const PlanChange& c = plan.changes[i];
      out += fmt::format(
          "{}\n    {{\"kind\":\"{}\",\"subject\":\"{}\",\"id\":{},\"field\":{},\"from\":{},"
          "\"to\":{},\"days\":{},\"title\":{},\"description\":{}}}",
          i ? "," : "", c.kind, c.subject, json_quote(c.id), json_or_null(c.field), json_or_null(c.from),
          json_or_null(c.to), c.days ? std::to_string(*c.days) : "null", json_or_null(c.title), json_quote(lines[i]));
    }
    out += "],\"progress\":[";
    for (size_t i = 0; i < plan.progress.size(); ++i) {
      const ProgressReport& r = plan.progress[i];
      bool met = r.kind == ProgressReport::Kind::milestone_met;
      out += fmt::format(
          "{}\n    {{\"kind\":\"{}\",\"action\":{},\"milestone\":{},\"date\":\"{}\",\"complete\":{},"
          "\"title\":{},\"description\":{}}}",
          i ? "," : "", met ? "milestone-met" : "update-added", json_quote(r.action),
          met ? json_quote(r.milestone) : "null", to_iso(r.date), met ? "null" : format_number(r.complete),
          met ? json_quote(r.title) : "null", json_quote(describe(r)));
    }
    out += "]}";
  }
  return out + (plans.empty() ? "]}\n" : "\n]}\n");
}

}  // namespace bvplan
