#include <fmt/format.h>

#include "bvplan/formats/diff.hpp"
#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

void write_summary(Blocks& out, const PlanFigures& p) {
  const std::string& cur = p.plan->currency;
  PaperTable t{{{"Measure", Align::left, 40}, {"Figure", Align::left, 60}}, {}};
  t.rows.push_back({cell("Target % complete"), cell(percent_text(p.target))});
  t.rows.push_back({cell("Actual % complete"), cell(percent_text(p.actual))});
  t.rows.push_back({cell("Overall status (RAG)"), rag_cell(p.rag)});
  t.rows.push_back({cell("Actions"), cell(counts_text(p.counts))});
  if (p.budget)
    t.rows.push_back({cell("Implementation budget used"),
                      cell(fmt::format("{} of {}{}", format_money(p.spent, cur), format_money(*p.budget, cur),
                                       p.budget_used ? fmt::format(" ({})", percent_text(*p.budget_used)) : ""))});
  if (p.savings_target)
    t.rows.push_back(
        {cell("Savings delivered"),
         cell(fmt::format("{} against a target of {}{}", format_money(p.savings_delivered, cur),
                          format_money(*p.savings_target, cur),
                          *p.savings_target > 0
                              ? fmt::format(" ({})", percent_text(100 * p.savings_delivered / *p.savings_target))
                              : ""))});
  else if (p.savings_delivered > 0)
    t.rows.push_back({cell("Savings delivered"), cell(format_money(p.savings_delivered, cur))});
  out.emplace_back(std::move(t));
}

namespace {

// "**KI2.1 Title** (SPS, 31 Mar 2004): " then `rest`.
Text action_item(const Action& a, const std::string& detail, const std::string& rest) {
  Text item = strong(action_label(a));
  std::string tail = detail.empty() ? std::string() : " (" + detail + ")";
  if (!rest.empty()) tail += ": " + rest;
  if (!tail.empty()) item.push_back(Span{std::move(tail)});
  return item;
}

}  // namespace

// 1: the summaries of updates inside the window, under their key issue.
void write_action_taken(Blocks& out, const PlanFigures& p) {
  const KeyIssue* issue = nullptr;
  List list;
  auto flush = [&] {
    if (list.items.empty()) return;
    out.emplace_back(Paragraph{strong(fmt::format("{} {}", issue->id, issue->title)), true});
    out.emplace_back(std::move(list));
    list = List{};
  };
  for (const ActionFigures& a : p.actions) {
    if (a.issue != issue) {
      flush();
      issue = a.issue;
    }
    for (const Update& u : a.action->updates)
      if (in_window(p, u) && !u.summary.empty())
        list.items.push_back(
            action_item(*a.action, fmt::format("{}, {}", a.action->lead.id, to_short(u.date)), u.summary));
  }
  flush();
  if (out.size() == 1) out.emplace_back(Paragraph{plain("No action was recorded in this period.")});
}

namespace {

// "Deferred", "Cancelled", or the RAG.
Cell state_cell(const ActionFigures& a) {
  if (a.state == State::deferred || a.state == State::cancelled) return cell(title_case(to_string(a.state)));
  return rag_cell(a.rag);
}

// "A", "A and B", "A, B and C".
std::string and_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t n = 0; n < items.size(); ++n) {
    if (n) out += n + 1 == items.size() ? " and " : ", ";
    out += items[n];
  }
  return out;
}

std::string support_text(const ExternalSupport& s) {
  std::string out = "external support";
  if (!s.provider.empty()) out += " from " + s.provider;
  if (s.from && s.to)
    out += fmt::format(", {} to {}", to_long(*s.from), to_long(*s.to));
  else if (s.from)
    out += fmt::format(", from {}", to_long(*s.from));
  else if (s.to)
    out += fmt::format(", until {}", to_long(*s.to));
  if (!s.note.empty()) out += fmt::format(" ({})", s.note);
  return out;
}

// Under the key issue table: who monitors each key issue, and the external support
// commissioned for it.
void write_issue_support(Blocks& out, const PlanFigures& p) {
  List list;
  for (const IssueFigures& i : p.issues) {
    const KeyIssue& issue = *i.issue;
    if (issue.monitored_by.empty() && !issue.external_support) continue;
    std::vector<std::string> parts;
    if (!issue.monitored_by.empty()) parts.push_back("monitored by " + and_list(issue.monitored_by));
    if (issue.external_support) parts.push_back(support_text(*issue.external_support));
    Text item = strong(fmt::format("{} {}", issue.id, issue.title));
    item.push_back(Span{fmt::format(": {}.", fmt::join(parts, "; "))});
    list.items.push_back(std::move(item));
  }
  if (list.items.empty()) return;
  out.emplace_back(Paragraph{plain("Monitoring and external support by key issue:"), true});
  out.emplace_back(std::move(list));
}

std::string slip_text(const std::optional<long>& slip) {
  if (!slip) return "";
  return *slip ? fmt::format("{:+}", *slip) : "0";
}

}  // namespace

// 2: key issues, then actions' progress; then, when asked for, each action's slip since
// the baseline and its direction of travel, in a table of their own.
void write_target_and_actual(Blocks& out, const PlanFigures& p) {
  PaperTable issues{{{"Key issue", Align::left, 58},
                     {"Target", Align::right, 13},
                     {"Actual", Align::right, 13},
                     {"RAG", Align::left, 16}},
                    {}};
  for (const IssueFigures& i : p.issues)
    issues.rows.push_back({cell(fmt::format("{} {}", i.issue->id, i.issue->title)), cell(percent_text(i.target)),
                           cell(percent_text(i.actual)), rag_cell(i.rag)});
  out.emplace_back(std::move(issues));
  write_issue_support(out, p);

  PaperTable progress{{{"Action", Align::left, 44},
                       {"Lead", Align::left, 9},
                       {"Due", Align::left, 14},
                       {"Target", Align::right, 10},
                       {"Actual", Align::right, 9},
                       {"RAG", Align::left, 14}},
                      {}};
  progress.rows.reserve(p.actions.size());
  for (const ActionFigures& a : p.actions)
    progress.rows.push_back({cell(action_label(*a.action)), cell(a.action->lead.id), cell(to_short(a.action->due)),
                             cell(percent_text(a.target)), cell(percent_text(a.actual)), state_cell(a)});
  out.emplace_back(std::move(progress));

  bool baseline = p.baseline.has_value();
  bool travel = p.direction.has_value();
  if (!baseline && !travel) return;
  PaperTable slips{{{"Action", Align::left, baseline && travel ? 40 : 52}}, {}};
  if (baseline) slips.columns.push_back({"Baseline due", Align::left, 15});
  slips.columns.push_back({"Due", Align::left, 15});
  if (baseline) slips.columns.push_back({"Slip (days)", Align::right, 12});
  if (travel) slips.columns.push_back({"Direction", Align::left, baseline ? 18 : 33});
  slips.rows.reserve(p.actions.size());
  for (const ActionFigures& a : p.actions) {
    std::vector<Cell> row{cell(action_label(*a.action))};
    if (baseline) row.push_back(cell(a.baseline_due ? to_short(*a.baseline_due) : "new"));
    row.push_back(cell(to_short(a.action->due)));
    if (baseline) row.push_back(cell(slip_text(a.baseline_slip)));
    if (travel) row.push_back(cell(a.direction ? direction_text(*a.direction) : ""));
    slips.rows.push_back(std::move(row));
  }
  if (baseline) {
    Text text = noted("Baseline: " + version_words(p.baseline->version, p.as_of), version_note(p.baseline->version));
    text.push_back(Span{". Slip is the number of days each due date has moved since then."});
    out.emplace_back(Paragraph{std::move(text), true});
  }
  if (travel) {
    Text text = plain("Direction of travel: against ");
    if (p.compared_with) {
      text.push_back(Span{version_words(*p.compared_with, p.as_of)});
      text.push_back(Span{version_note(*p.compared_with), Span::Style::note});
    } else {
      text.push_back(Span{"the plan compared with"});
    }
    text.push_back(Span{fmt::format("; the plan as a whole {}.", direction_text(*p.direction))});
    out.emplace_back(Paragraph{std::move(text), true});
  }
  out.emplace_back(std::move(slips));
}

// 3: every action with a budget, spending or staff time, then the plan; staff days beside
// the budget when the plan logs them.
void write_budget_used(Blocks& out, const PlanFigures& p) {
  const std::string& cur = p.plan->currency;
  bool staff = logs_staff_time(p);
  PaperTable t{staff ? std::vector<PaperColumn>{{"Action", Align::left, 37},
                                                {"Budget", Align::right, 11},
                                                {"Spent", Align::right, 11},
                                                {"Used", Align::right, 8},
                                                {"Staff days", Align::right, 11},
                                                {"Effort (days)", Align::right, 11},
                                                {"Staff time used", Align::right, 11}}
                     : std::vector<PaperColumn>{{"Action", Align::left, 55},
                                                {"Budget", Align::right, 15},
                                                {"Spent", Align::right, 15},
                                                {"Used", Align::right, 15}},
               {}};
  auto staff_cells = [&](std::vector<Cell>& row, const StaffTime& s) {
    if (!staff) return;
    row.push_back(cell(format_number(s.days)));
    row.push_back(cell(s.effort ? format_number(*s.effort) : ""));
    row.push_back(cell(s.used ? percent_text(*s.used) : ""));
  };
  for (const ActionFigures& a : p.actions) {
    if (!a.action->budget && !a.spent && !(staff && a.staff.any())) continue;
    std::vector<Cell> row{
        cell(action_label(*a.action)), cell(a.action->budget ? format_money(*a.action->budget, cur) : ""),
        cell(a.spent ? format_money(*a.spent, cur) : ""), cell(a.budget_used ? percent_text(*a.budget_used) : "")};
    staff_cells(row, a.staff);
    t.rows.push_back(std::move(row));
  }
  std::vector<Cell> total{cell("Plan"), cell(p.budget ? format_money(*p.budget, cur) : ""),
                          cell(format_money(p.spent, cur)), cell(p.budget_used ? percent_text(*p.budget_used) : "")};
  total.front().strong = true;
  staff_cells(total, p.staff);
  t.rows.push_back(std::move(total));
  out.emplace_back(std::move(t));
  if (staff)
    out.emplace_back(
        Paragraph{plain("Staff days are those logged in the latest update; the plan's are the sum over its actions "
                        "that are not deferred or cancelled.")});
}

}  // namespace bvplan
