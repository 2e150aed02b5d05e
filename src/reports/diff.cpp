#include "bvplan/reports/diff.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/figures/compute.hpp"

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
  diff_measures(before, after, differ.changes);
  diff_risks(before, after, differ.changes);
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

}  // namespace bvplan
