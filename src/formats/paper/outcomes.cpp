#include <fmt/format.h>

#include "bvplan/figures/remedies.hpp"
#include "bvplan/formats/diff.hpp"
#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

std::string remedy_text(const Update* latest) {
  return latest && !latest->remedy.empty() ? escape_markdown(latest->remedy) : std::string("No remedy recorded.");
}

std::string behind_text(const ActionFigures& a) {
  return a.state == State::overdue
             ? fmt::format("overdue by {} days ({}% of {}% target)", a.days_late, format_percent(a.actual, 0),
                           format_percent(a.target, 0))
             : fmt::format("behind target ({}% of {}%)", format_percent(a.actual, 0), format_percent(a.target, 0));
}

}  // namespace

// 4: actions overdue or behind target, then overdue milestones, each with its remedy.
void write_remedies(Output& out, const PlanFigures& p) {
  size_t written = 0;
  for (const ActionFigures& a : p.actions) {
    if (!needs_remedy(a)) continue;
    out.format("- **{}** ({}, {}, {}): {}\n", action_label(*a.action), escape_markdown(a.action->lead.id),
               rag_word(a.rag), behind_text(a), remedy_text(a.latest));
    ++written;
  }
  // Milestones and actions are both in file order: one walk finds each milestone's action.
  size_t at = 0;
  for (const MilestoneFigures& m : p.milestones) {
    if (m.state != MilestoneState::overdue) continue;
    while (at < p.actions.size() && p.actions[at].action != m.action) ++at;
    if (at == p.actions.size())  // never, while both are in file order
      for (at = 0; at < p.actions.size() && p.actions[at].action != m.action;) ++at;
    const Update* latest = at < p.actions.size() ? p.actions[at].latest : nullptr;
    out.format("- Milestone **{} {}** of {} (due {}, overdue by {} days): {}\n", escape_markdown(m.milestone->id),
               escape_markdown(m.milestone->title), escape_markdown(m.action->id), to_iso(m.milestone->due),
               m.days_late, remedy_text(latest));
    ++written;
  }
  if (!written) out.write("No work is overdue or behind target.\n");
}

// 5: savings and the benefits in words of each action's latest update.
void write_benefits(Output& out, const PlanFigures& p) {
  const std::string& cur = p.plan->currency;
  size_t written = 0;
  for (const ActionFigures& a : p.actions) {
    bool money = a.savings_delivered || a.action->savings_target;
    bool words = a.latest && !a.latest->benefits.empty();
    if (!money && !words) continue;
    std::string savings;
    if (a.action->savings_target)
      savings = fmt::format(" (savings {} of {})", markdown_money(a.savings_delivered.value_or(0), cur),
                            markdown_money(*a.action->savings_target, cur));
    else if (a.savings_delivered)
      savings = fmt::format(" (savings {})", markdown_money(*a.savings_delivered, cur));
    out.format("- **{}**{}{}\n", action_label(*a.action), savings,
               words ? ": " + escape_markdown(a.latest->benefits) : std::string());
    ++written;
  }
  if (!written) out.write("No benefits recorded to date.\n");
  write_measures(out, p);
}

// 6: each open action's latest `next`.
void write_next_period(Output& out, const PlanFigures& p) {
  size_t written = 0;
  for (const ActionFigures& a : p.actions)
    if (a.latest && !a.latest->next.empty() && a.state != State::complete && a.state != State::deferred &&
        a.state != State::cancelled) {
      out.format("- **{}** ({}): {}\n", action_label(*a.action), escape_markdown(a.action->lead.id),
                 escape_markdown(a.latest->next));
      ++written;
    }
  if (!written) out.write("No action planned has been recorded.\n");
}

namespace {

// "due date moved from 30 September 2004 to 17 December 2004, approved by CMT on 14 June
// 2004: the adviser's report came late".
std::string rebaseline_text(const Rebaseline& r) {
  std::string out = fmt::format("due date moved from {} to {}", to_long(r.from), to_long(r.to));
  out += r.approved_by.empty() ? fmt::format(", approved on {}", to_long(r.date))
                               : fmt::format(", approved by {} on {}", escape_markdown(r.approved_by), to_long(r.date));
  if (!r.reason.empty()) out += ": " + escape_markdown(r.reason);
  return out;
}

}  // namespace

// 7: `changes` of updates and re-baselines approved inside the window, then every change
// since the baseline.
void write_fundamental_changes(Output& out, const PlanFigures& p) {
  size_t written = 0;
  for (const ActionFigures& a : p.actions) {
    for (const Update& u : a.action->updates)
      if (in_window(p, u) && !u.changes.empty()) {
        out.format("- **{}** ({}): {}\n", action_label(*a.action), to_long(u.date), escape_markdown(u.changes));
        ++written;
      }
    for (const Rebaseline& r : a.action->rebaselined)
      if (r.date >= p.window.start && r.date <= p.window.end && r.date <= p.as_of) {
        out.format("- **{}**: {}\n", action_label(*a.action), rebaseline_text(r));
        ++written;
      }
  }
  if (!written) out.write("No fundamental changes to the plan were recorded in this period.\n");
  if (!p.baseline) return;
  out.format("\nChanges since the baseline ({}):\n\n", escape_markdown(baseline_label(p.baseline->version)));
  std::vector<std::string> changes = describe_changes(*p.baseline, p.plan->currency);
  for (const std::string& change : changes) out.format("- {}\n", escape_markdown(change));
  if (changes.empty()) out.write("- None.\n");
}

}  // namespace bvplan
