#include <fmt/format.h>

#include "bvplan/figures/remedies.hpp"
#include "bvplan/formats/diff.hpp"
#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

std::string remedy_text(const Update* latest) {
  return latest && !latest->remedy.empty() ? latest->remedy : std::string("No remedy recorded.");
}

std::string behind_text(const ActionFigures& a) {
  return a.state == State::overdue
             ? fmt::format("overdue by {} days, {}% of {}% target", a.days_late, format_percent(a.actual, 0),
                           format_percent(a.target, 0))
             : fmt::format("behind target, {}% of {}%", format_percent(a.actual, 0), format_percent(a.target, 0));
}

// "**KI2.1 Title** (detail): rest".
Text item(std::string bold, const std::string& detail, const std::string& rest) {
  Text text = strong(std::move(bold));
  std::string tail = detail.empty() ? std::string() : " (" + detail + ")";
  if (!rest.empty()) tail += ": " + rest;
  if (!tail.empty()) text.push_back(Span{std::move(tail)});
  return text;
}

}  // namespace

// 4: actions overdue or behind target, then overdue milestones of active actions, each
// with its remedy.
void write_remedies(Blocks& out, const PlanFigures& p) {
  List list;
  for (const ActionFigures& a : p.actions) {
    if (!needs_remedy(a)) continue;
    list.items.push_back(item(action_label(*a.action),
                              fmt::format("{}, {}, {}", a.action->lead.id, rag_word(a.rag), behind_text(a)),
                              remedy_text(a.latest)));
  }
  // Milestones and actions are both in file order: one walk finds each milestone's action.
  size_t at = 0;
  for (const MilestoneFigures& m : p.milestones) {
    if (!needs_remedy(m)) continue;
    while (at < p.actions.size() && p.actions[at].action != m.action) ++at;
    if (at == p.actions.size())  // never, while both are in file order
      for (at = 0; at < p.actions.size() && p.actions[at].action != m.action;) ++at;
    const Update* latest = at < p.actions.size() ? p.actions[at].latest : nullptr;
    Text text = plain("Milestone ");
    text.push_back(Span{fmt::format("{} {}", m.milestone->id, m.milestone->title), Span::Style::strong});
    text.push_back(Span{fmt::format(" of {} (due {}, overdue by {} days): {}", m.action->id, to_short(m.milestone->due),
                                    m.days_late, remedy_text(latest))});
    list.items.push_back(std::move(text));
  }
  if (list.items.empty())
    out.emplace_back(Paragraph{plain("No work is overdue or behind target.")});
  else
    out.emplace_back(std::move(list));
}

// 5: savings and the benefits in words of each action's latest update.
void write_benefits(Blocks& out, const PlanFigures& p) {
  const std::string& cur = p.plan->currency;
  List list;
  for (const ActionFigures& a : p.actions) {
    bool money = a.savings_delivered || a.action->savings_target;
    bool words = a.latest && !a.latest->benefits.empty();
    if (!money && !words) continue;
    std::string savings;
    if (a.action->savings_target)
      savings = fmt::format("savings {} of {}", format_money(a.savings_delivered.value_or(0), cur),
                            format_money(*a.action->savings_target, cur));
    else if (a.savings_delivered)
      savings = fmt::format("savings {}", format_money(*a.savings_delivered, cur));
    list.items.push_back(item(action_label(*a.action), savings, words ? a.latest->benefits : std::string()));
  }
  if (list.items.empty())
    out.emplace_back(Paragraph{plain("No benefits recorded to date.")});
  else
    out.emplace_back(std::move(list));
  write_measures(out, p);
}

// 6: each open action's latest `next`.
void write_next_period(Blocks& out, const PlanFigures& p) {
  List list;
  for (const ActionFigures& a : p.actions)
    if (a.latest && !a.latest->next.empty() && a.state != State::complete && a.state != State::deferred &&
        a.state != State::cancelled)
      list.items.push_back(item(action_label(*a.action), a.action->lead.id, a.latest->next));
  if (list.items.empty())
    out.emplace_back(Paragraph{plain("No action planned has been recorded.")});
  else
    out.emplace_back(std::move(list));
}

namespace {

// "due date moved from 30 September 2004 to 17 December 2004, approved by CMT on 14 June
// 2004: the adviser's report came late".
std::string rebaseline_text(const Rebaseline& r) {
  std::string out = fmt::format("due date moved from {} to {}", to_long(r.from), to_long(r.to));
  out += r.approved_by.empty() ? fmt::format(", approved on {}", to_long(r.date))
                               : fmt::format(", approved by {} on {}", r.approved_by, to_long(r.date));
  if (!r.reason.empty()) out += ": " + r.reason;
  return out;
}

}  // namespace

// 7: `changes` of updates and re-baselines approved inside the window, then every change
// since the baseline.
void write_fundamental_changes(Blocks& out, const PlanFigures& p) {
  List list;
  for (const ActionFigures& a : p.actions) {
    for (const Update& u : a.action->updates)
      if (in_window(p, u) && !u.changes.empty())
        list.items.push_back(item(action_label(*a.action), to_long(u.date), u.changes));
    for (const Rebaseline& r : a.action->rebaselined)
      if (r.date >= p.window.start && r.date <= p.window.end && r.date <= p.as_of)
        list.items.push_back(item(action_label(*a.action), "", rebaseline_text(r)));
  }
  if (list.items.empty())
    out.emplace_back(Paragraph{plain("No fundamental changes to the plan were recorded in this period.")});
  else
    out.emplace_back(std::move(list));
  if (!p.baseline) return;
  out.emplace_back(Paragraph{
      plain(fmt::format("Changes since the baseline ({}):", version_words(p.baseline->version, p.as_of))), true});
  List changes;
  for (std::string& change : describe_changes(*p.baseline, p.plan->currency, DateWords::long_form))
    changes.items.push_back(plain(change));
  if (changes.items.empty()) changes.items.push_back(plain("None."));
  out.emplace_back(std::move(changes));
}

}  // namespace bvplan
