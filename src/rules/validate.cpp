#include "bvplan/rules/validate.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"

namespace bvplan {

const Update* latest_update(const Action& action, Date as_of) {
  const Update* latest = nullptr;
  for (const Update& u : action.updates)
    if (u.date <= as_of && (!latest || u.date >= latest->date)) latest = &u;
  return latest;
}

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

std::string money_text(double amount) {
  return amount == static_cast<double>(static_cast<long long>(amount))
             ? fmt::format("{}", static_cast<long long>(amount))
             : fmt::format("{:.2f}", amount);
}

class Validator {
public:
  Validator(const Plan& plan, const Owners& owners, Date as_of, Diagnostics& diagnostics)
      : plan_(plan), owners_(owners), as_of_(as_of), diagnostics_(diagnostics) {
    for (const KeyIssue& issue : plan.issues)
      for (const Action& action : issue.actions)
        if (!action.id.empty()) actions_.emplace(action.id, &action);  // first wins
  }

  void run() {
    duplicate_ids();
    owner_references();
    plan_dates();
    for (const KeyIssue& issue : plan_.issues)
      for (const Action& action : issue.actions) check_action(action);
    dependency_cycles();
    budget_allocation();
    unused_owners();
  }

private:
  const Plan& plan_;
  const Owners& owners_;
  Date as_of_;
  Diagnostics& diagnostics_;
  std::map<std::string, const Action*> actions_;

  void report(Severity severity, Position at, const char* rule, std::string message, std::string hint = {}) {
    diagnostics_.push_back({plan_.file, at, severity, rule, std::move(message), std::move(hint)});
  }
  void error(Position at, const char* rule, std::string message, std::string hint = {}) {
    report(Severity::error, at, rule, std::move(message), std::move(hint));
  }
  void warning(Position at, const char* rule, std::string message, std::string hint = {}) {
    report(Severity::warning, at, rule, std::move(message), std::move(hint));
  }

  void duplicate_ids() {
    struct Seen {
      const char* kind;
      Position position;
    };
    std::map<std::string, Seen> seen;
    auto visit = [&](const std::string& id, const char* kind, Position at) {
      if (id.empty()) return;
      auto [it, inserted] = seen.emplace(id, Seen{kind, at});
      if (!inserted)
        error(
            at, "duplicate-id",
            fmt::format("id '{}' is already used by the {} at line {}", id, it->second.kind, it->second.position.line),
            "ids must be unique across key issues, actions and milestones in a plan");
    };
    for (const KeyIssue& issue : plan_.issues) {
      visit(issue.id, "key issue", issue.position);
      for (const Action& action : issue.actions) {
        visit(action.id, "action", action.position);
        for (const Milestone& m : action.milestones) visit(m.id, "milestone", m.position);
      }
    }
  }

  std::vector<std::string> owner_ids() const {
    std::vector<std::string> ids;
    for (const auto& [id, owner] : owners_) ids.push_back(id);
    return ids;
  }

  void check_owner(const Reference& ref) {
    if (ref.id.empty() || owners_.count(ref.id)) return;
    error(ref.position, "unknown-owner", fmt::format("unknown owner '{}'{}", ref.id, did_you_mean(ref.id, owner_ids())),
          fmt::format("declare '{}' under 'owners:' in the plan or in an owners.yaml register", ref.id));
  }

  void owner_references() {
    if (plan_.owner) check_owner(*plan_.owner);
    for (const KeyIssue& issue : plan_.issues)
      for (const Action& action : issue.actions) {
        check_owner(action.lead);
        for (const Reference& s : action.support) check_owner(s);
      }
  }

  void plan_dates() {
    if (plan_.well_formed && plan_.start > plan_.end)
      error(plan_.start_position, "date-order",
            fmt::format("plan starts on {}, after it ends on {}", to_iso(plan_.start), to_iso(plan_.end)),
            "swap the dates or correct one of them");
    else if (plan_.well_formed && plan_.end > plan_.start.plus_months(12 * max_plan_years))
      error(plan_.end_position, "date-order",
            fmt::format("plan runs from {} to {}, more than {} years", to_iso(plan_.start), to_iso(plan_.end),
                        max_plan_years),
            "an improvement plan runs for a few years: correct the year");
  }

  bool inside_plan(Date d) const { return d >= plan_.start && d <= plan_.end; }

  void check_action(const Action& action) {
    if (!action.well_formed) {
      for (const Reference& d : action.depends_on) check_dependency(action, d, false);
      return;
    }
    if (action.start > action.due)
      error(action.start_position, "date-order",
            fmt::format("action '{}' starts on {}, after it is due on {}", action.id, to_iso(action.start),
                        to_iso(action.due)),
            "swap the dates or correct one of them");
    if (plan_.well_formed && plan_.start <= plan_.end) {
      if (!inside_plan(action.start))
        warning(action.start_position, "outside-plan-period",
                fmt::format("action '{}' starts on {}, outside the plan period {} to {}", action.id,
                            to_iso(action.start), to_iso(plan_.start), to_iso(plan_.end)));
      if (!inside_plan(action.due))
        warning(action.due_position, "outside-plan-period",
                fmt::format("action '{}' is due on {}, outside the plan period {} to {}", action.id, to_iso(action.due),
                            to_iso(plan_.start), to_iso(plan_.end)),
                "extend the plan's end date, or agree a new due date");
    }
    for (const Milestone& m : action.milestones) {
      if (plan_.well_formed && plan_.start <= plan_.end && !inside_plan(m.due))
        warning(m.due_position, "outside-plan-period",
                fmt::format("milestone '{}' is due on {}, outside the plan period {} to {}", m.id, to_iso(m.due),
                            to_iso(plan_.start), to_iso(plan_.end)));
      else if (action.start <= action.due && (m.due < action.start || m.due > action.due))
        warning(m.due_position, "milestone-outside-action",
                fmt::format("milestone '{}' is due on {}, outside its action's dates {} to {}", m.id, to_iso(m.due),
                            to_iso(action.start), to_iso(action.due)));
      if (m.done && *m.done > as_of_)
        warning(m.done_position, "future-date",
                fmt::format("milestone '{}' is marked done on {}, after the as-of date {}", m.id, to_iso(*m.done),
                            to_iso(as_of_)),
                "record a milestone as done only once it is");
    }
    check_updates(action);
    for (const Reference& d : action.depends_on) check_dependency(action, d, true);
    check_progress(action);
  }

  void check_updates(const Action& action) {
    const Update* previous = nullptr;
    bool over_budget_reported = false;
    for (const Update& u : action.updates) {
      if (previous && u.date <= previous->date)
        error(u.position, "update-order",
              fmt::format("update dated {} is not after the previous update ({})", to_iso(u.date),
                          to_iso(previous->date)),
              "list updates oldest first, one per date");
      else if (previous && u.complete < previous->complete)
        warning(u.complete_position, "complete-decreased",
                fmt::format("complete falls from {}% to {}% on {}", previous->complete, u.complete, to_iso(u.date)),
                "complete is cumulative; if work was lost, say so in 'changes'");
      if (u.date > as_of_)
        warning(u.position, "future-date",
                fmt::format("update dated {} is after the as-of date {}", to_iso(u.date), to_iso(as_of_)));
      if (!over_budget_reported && u.spent && action.budget && *u.spent > *action.budget) {
        warning(u.spent_position, "over-budget",
                fmt::format("spent {} is over the budget of action '{}' ({})", money_text(*u.spent), action.id,
                            money_text(*action.budget)),
                "record the overspend and its remedy, or agree a revised budget");
        over_budget_reported = true;
      }
      previous = &u;
    }
  }

  void check_dependency(const Action& action, const Reference& dep, bool dates_known) {
    auto it = actions_.find(dep.id);
    if (it == actions_.end()) {
      std::vector<std::string> ids;
      for (const auto& [id, a] : actions_)
        if (id != action.id) ids.push_back(id);
      error(dep.position, "unknown-dependency",
            fmt::format("action '{}' depends on '{}', which is not an action in this plan{}", action.id, dep.id,
                        did_you_mean(dep.id, ids)),
            "depends_on lists ids of actions in the same plan");
      return;
    }
    const Action& other = *it->second;
    if (dates_known && other.well_formed && action.due < other.due)
      warning(dep.position, "dependency-order",
              fmt::format("action '{}' is due on {}, before '{}' which it depends on is due on {}", action.id,
                          to_iso(action.due), other.id, to_iso(other.due)),
              "move the due date after its dependency's, or drop the dependency");
  }

  void check_progress(const Action& action) {
    if (action.status != ActionStatus::active) return;
    const Update* latest = latest_update(action, as_of_);
    double actual = latest ? latest->complete : 0;
    if (actual < 100 && action.start <= as_of_) {
      Cadence cadence = shortest_cadence(plan_);
      // Stale: nothing recorded in the reporting period that ends today (the report's
      // window), and the action had started before that period.
      Date since = latest ? latest->date : action.start;
      if (since < period_start(cadence, as_of_))
        warning(latest ? latest->position : action.position, "stale-update",
                latest ? fmt::format("action '{}' has no progress update in the {} to {} (latest {})", action.id,
                                     to_string(cadence), to_iso(as_of_), to_iso(latest->date))
                       : fmt::format("action '{}' started on {} and has no progress update in the {} to {}", action.id,
                                     to_iso(action.start), to_string(cadence), to_iso(as_of_)),
                "add an entry under 'updates:' with today's date and complete");
    }
    if (actual < 100 && as_of_ > action.due && (!latest || latest->remedy.empty()))
      warning(latest ? latest->position : action.due_position, "missing-remedy",
              fmt::format("action '{}' is overdue (due {}) and its latest update has no remedy", action.id,
                          to_iso(action.due)),
              "add 'remedy:' to the latest update: the proposed action to remedy the work overdue");
    if (actual >= 100)
      for (const Milestone& m : action.milestones)
        if (!m.done || *m.done > as_of_)
          warning(m.position, "open-milestones",
                  fmt::format("action '{}' is 100% complete but milestone '{}' is not done", action.id, m.id),
                  "add 'done:' with the date the milestone was met");
  }

  // Names every dependency cycle once, at the first action of the cycle in file order.
  void dependency_cycles() {
    std::vector<const Action*> order;
    std::map<std::string, size_t> index;
    for (const KeyIssue& issue : plan_.issues)
      for (const Action& action : issue.actions)
        if (!action.id.empty() && index.emplace(action.id, order.size()).second) order.push_back(&action);
    size_t n = order.size();
    std::vector<std::vector<size_t>> edges(n);
    for (size_t i = 0; i < n; ++i)
      for (const Reference& d : order[i]->depends_on)
        if (auto it = index.find(d.id); it != index.end()) edges[i].push_back(it->second);

    // Tarjan's strongly connected components, iteratively (plans may hold 20,000 actions).
    std::vector<long> low(n, -1), number(n, -1);
    std::vector<bool> on_stack(n, false);
    std::vector<size_t> stack;
    std::vector<std::vector<size_t>> components;
    long counter = 0;
    for (size_t root = 0; root < n; ++root) {
      if (number[root] >= 0) continue;
      std::vector<std::pair<size_t, size_t>> work{{root, 0}};
      while (!work.empty()) {
        auto& [v, next] = work.back();
        if (next == 0 && number[v] < 0) {
          number[v] = low[v] = counter++;
          stack.push_back(v);
          on_stack[v] = true;
        }
        if (next < edges[v].size()) {
          size_t w = edges[v][next++];
          if (number[w] < 0)
            work.push_back({w, 0});
          else if (on_stack[w])
            low[v] = std::min(low[v], number[w]);
          continue;
        }
        if (low[v] == number[v]) {
          std::vector<size_t> component;
          size_t w;
          do {
            w = stack.back();
            stack.pop_back();
            on_stack[w] = false;
            component.push_back(w);
          } while (w != v);
          bool self_loop = std::find(edges[v].begin(), edges[v].end(), v) != edges[v].end();
          if (component.size() > 1 || self_loop) components.push_back(std::move(component));
        }
        size_t finished = v;
        work.pop_back();
        if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[finished]);
      }
    }
    for (auto& component : components) {
      size_t first = *std::min_element(component.begin(), component.end());
      std::vector<bool> member(n, false);
      for (size_t c : component) member[c] = true;
      // Shortest path from `first` back to itself inside the component.
      std::vector<long> parent(n, -1);
      std::deque<size_t> queue{first};
      size_t closing = first;
      bool found = false;
      std::vector<bool> visited(n, false);
      while (!queue.empty() && !found) {
        size_t v = queue.front();
        queue.pop_front();
        for (size_t w : edges[v]) {
          if (!member[w]) continue;
          if (w == first) {
            closing = v;
            found = true;
            break;
          }
          if (!visited[w]) {
            visited[w] = true;
            parent[w] = static_cast<long>(v);
            queue.push_back(w);
          }
        }
      }
      std::vector<std::string> path;
      for (long v = static_cast<long>(closing); v >= 0 && static_cast<size_t>(v) != first;
           v = parent[static_cast<size_t>(v)])
        path.push_back(order[static_cast<size_t>(v)]->id);
      path.push_back(order[first]->id);
      std::reverse(path.begin(), path.end());
      path.push_back(order[first]->id);
      const Action& a = *order[first];
      std::string next_id = path.size() > 1 ? path[1] : a.id;
      Position at = a.position;
      for (const Reference& d : a.depends_on)
        if (d.id == next_id) {
          at = d.position;
          break;
        }
      error(at, "dependency-cycle", fmt::format("dependency cycle: {}", fmt::join(path, " -> ")),
            "remove one of the dependencies so that the actions can be done in some order");
    }
  }

  void budget_allocation() {
    if (!plan_.budget) return;
    double sum = 0;
    for (const KeyIssue& issue : plan_.issues)
      for (const Action& action : issue.actions) sum += action.budget.value_or(0);
    if (sum > *plan_.budget + 0.005)
      warning(plan_.budget_position, "budget-allocation",
              fmt::format("action budgets add up to {}, more than the plan's budget of {}", money_text(sum),
                          money_text(*plan_.budget)),
              "raise the plan's budget or reduce action budgets");
  }

  // `lead: Strategic & Performance Services` names an owner by its name: the loader
  // reported a malformed id; say which id to write, and count the owner as used.
  void owners_named_by_name(std::map<std::string, bool>& used) {
    for (const Reference& ref : plan_.malformed_owner_references) {
      std::string_view name = trimmed(ref.id);
      for (const auto& [id, owner] : owners_) {
        if (owner.name.empty() || !same_words(owner.name, name)) continue;
        used[id] = true;
        for (Diagnostic& d : diagnostics_)
          if (d.rule == "bad-value" && d.position.line == ref.position.line &&
              d.position.column == ref.position.column && d.file == plan_.file)
            d.hint = fmt::format("write the owner's id '{}', not its name '{}'", id, owner.name);
        break;
      }
    }
  }

  void unused_owners() {
    std::map<std::string, bool> used;
    owners_named_by_name(used);
    if (plan_.owner) used[plan_.owner->id] = true;
    for (const KeyIssue& issue : plan_.issues)
      for (const Action& action : issue.actions) {
        used[action.lead.id] = true;
        for (const Reference& s : action.support) used[s.id] = true;
      }
    for (const auto& [id, owner] : plan_.owners)
      if (!used.count(id))
        warning(owner.position, "unused-owner", fmt::format("owner '{}' is declared but leads or supports nothing", id),
                "remove it, or move shared owners to an owners.yaml register");
  }
};

}  // namespace

void check_rebaselines(const Plan& now, const Plan& then, const std::string& revision, Diagnostics& diagnostics) {
  std::map<std::string, Date> due_then;
  for (const KeyIssue& issue : then.issues)
    for (const Action& action : issue.actions) due_then.emplace(action.id, action.due);
  for (const KeyIssue& issue : now.issues)
    for (const Action& action : issue.actions) {
      auto it = due_then.find(action.id);
      if (it == due_then.end() || !action.well_formed || action.due <= it->second) continue;
      // Follow the approved moves from the old date; each record is used once.
      Date reached = it->second;
      std::vector<bool> used(action.rebaselined.size(), false);
      for (bool moved = true; moved && reached != action.due;) {
        moved = false;
        for (size_t i = 0; i < action.rebaselined.size(); ++i)
          if (!used[i] && action.rebaselined[i].from == reached && !is_blank(action.rebaselined[i].approved_by)) {
            used[i] = moved = true;
            reached = action.rebaselined[i].to;
            break;
          }
      }
      if (reached == action.due) continue;
      long days = action.due.days_since(it->second);
      diagnostics.push_back(
          {now.file, action.due_position, Severity::error, "unapproved-rebaseline",
           fmt::format("action '{}' is now due {}, {:+} days later than at {} ({}), with no approved "
                       "'rebaselined' record for the move",
                       action.id, to_iso(action.due), days, revision, to_iso(it->second)),
           fmt::format("record the approval under the action: rebaselined: [{{date: ..., from: {}, to: {}, "
                       "reason: ..., approved_by: ...}}]",
                       to_iso(it->second), to_iso(action.due))});
    }
}

void validate_plan(const Plan& plan, const Owners& owners, Date as_of, Diagnostics& diagnostics) {
  Validator(plan, owners, as_of, diagnostics).run();
}

}  // namespace bvplan
