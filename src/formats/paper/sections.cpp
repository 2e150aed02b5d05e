#include <fmt/format.h>

#include "bvplan/formats/diff.hpp"
#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

const std::vector<PaperSection>& paper_sections() {
  static const std::vector<PaperSection> sections{
      {"Summary", write_summary},
      {"1. Summary of action taken", write_action_taken},
      {"2. Target and actual % complete by date of report", write_target_and_actual},
      {"3. % of project implementation budget used", write_budget_used},
      {"4. Proposed action to remedy any work overdue", write_remedies},
      {"5. Benefits delivered to date", write_benefits},
      {"6. Action planned in the next period", write_next_period},
      {"7. Any fundamental changes to plan", write_fundamental_changes}};
  return sections;
}

std::string action_label(const Action& a) {
  return fmt::format("{} {}", escape_markdown(a.id), escape_markdown(a.title));
}

bool in_window(const PlanFigures& p, const Update& u) {
  return u.date >= p.window.start && u.date <= p.window.end && u.date <= p.as_of;
}

void write_summary(Output& out, const PlanFigures& p) {
  const std::string& cur = p.plan->currency;
  write_markdown_header(out, {{"Measure"}, {"Figure"}});
  out.format("| Target % complete | {} |\n", percent_text(p.target));
  out.format("| Actual % complete | {} |\n", percent_text(p.actual));
  out.format("| Overall status (RAG) | {} |\n", rag_word(p.rag));
  out.format("| Actions | {} |\n", counts_text(p.counts));
  if (p.budget)
    out.format("| Implementation budget used | {} of {}{} |\n", markdown_money(p.spent, cur),
               markdown_money(*p.budget, cur), p.budget_used ? fmt::format(" ({})", percent_text(*p.budget_used)) : "");
  if (p.savings_target)
    out.format(
        "| Savings delivered | {} against a target of {}{} |\n", markdown_money(p.savings_delivered, cur),
        markdown_money(*p.savings_target, cur),
        *p.savings_target > 0 ? fmt::format(" ({})", percent_text(100 * p.savings_delivered / *p.savings_target)) : "");
  else if (p.savings_delivered > 0)
    out.format("| Savings delivered | {} |\n", markdown_money(p.savings_delivered, cur));
}

// 1: the summaries of updates inside the window.
void write_action_taken(Output& out, const PlanFigures& p) {
  size_t written = 0;
  for (const ActionFigures& a : p.actions)
    for (const Update& u : a.action->updates)
      if (in_window(p, u) && !u.summary.empty()) {
        out.format("- **{}** ({}, {}): {}\n", action_label(*a.action), escape_markdown(a.action->lead.id),
                   to_long(u.date), escape_markdown(u.summary));
        ++written;
      }
  if (!written) out.write("No action was recorded in this period.\n");
}

namespace {

std::vector<Column> action_columns(bool baseline, bool travel) {
  std::vector<Column> columns{{"Action"},
                              {"Lead"},
                              {"Due"},
                              {"Target", Align::right},
                              {"Actual", Align::right},
                              {"Variance", Align::right},
                              {"RAG"},
                              {"Days late", Align::right}};
  if (baseline) columns.insert(columns.end(), {{"Baseline due"}, {"Slip (days)", Align::right}});
  if (travel) columns.push_back({"Direction of travel"});
  return columns;
}

void write_action_row(Output& out, const ActionFigures& a, bool baseline, bool travel) {
  std::string rag =
      a.state == State::deferred || a.state == State::cancelled ? title_case(to_string(a.state)) : rag_word(a.rag);
  out.format("| {} | {} | {} | {} | {} | {} | {} | {} |", action_label(*a.action), escape_markdown(a.action->lead.id),
             to_iso(a.action->due), percent_text(a.target), percent_text(a.actual), format_percent(a.variance, 0), rag,
             a.days_late);
  if (baseline)
    out.format(" {} | {} |", a.baseline_due ? to_iso(*a.baseline_due) : "new",
               !a.baseline_slip   ? ""
               : *a.baseline_slip ? fmt::format("{:+}", *a.baseline_slip)
                                  : "0");
  if (travel) out.format(" {} |", a.direction ? direction_text(*a.direction) : "");
  out.put('\n');
}

}  // namespace

namespace {

// "A", "A and B", "A, B and C".
std::string and_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t n = 0; n < items.size(); ++n) {
    if (n) out += n + 1 == items.size() ? " and " : ", ";
    out += escape_markdown(items[n]);
  }
  return out;
}

std::string support_text(const ExternalSupport& s) {
  std::string out = "external support";
  if (!s.provider.empty()) out += " from " + escape_markdown(s.provider);
  if (s.from && s.to)
    out += fmt::format(", {} to {}", to_long(*s.from), to_long(*s.to));
  else if (s.from)
    out += fmt::format(", from {}", to_long(*s.from));
  else if (s.to)
    out += fmt::format(", until {}", to_long(*s.to));
  if (!s.note.empty()) out += fmt::format(" ({})", escape_markdown(s.note));
  return out;
}

// Under the key issue table: who monitors each key issue, and the external support
// commissioned for it.
void write_issue_support(Output& out, const PlanFigures& p) {
  bool header = false;
  for (const IssueFigures& i : p.issues) {
    const KeyIssue& issue = *i.issue;
    if (issue.monitored_by.empty() && !issue.external_support) continue;
    if (!header) out.write("\nMonitoring and external support by key issue:\n\n");
    header = true;
    std::vector<std::string> parts;
    if (!issue.monitored_by.empty()) parts.push_back("monitored by " + and_list(issue.monitored_by));
    if (issue.external_support) parts.push_back(support_text(*issue.external_support));
    out.format("- **{} {}**: {}.\n", escape_markdown(issue.id), escape_markdown(issue.title), fmt::join(parts, "; "));
  }
}

}  // namespace

// 2: key issues, then actions, with the baseline and the direction of travel when asked for.
void write_target_and_actual(Output& out, const PlanFigures& p) {
  write_markdown_header(out, {{"Key issue"}, {"Target", Align::right}, {"Actual", Align::right}, {"RAG"}});
  for (const IssueFigures& i : p.issues)
    out.format("| {} {} | {} | {} | {} |\n", escape_markdown(i.issue->id), escape_markdown(i.issue->title),
               percent_text(i.target), percent_text(i.actual), rag_word(i.rag));
  write_issue_support(out, p);
  out.put('\n');
  bool baseline = p.baseline.has_value();
  bool travel = p.direction.has_value();
  write_markdown_header(out, action_columns(baseline, travel));
  for (const ActionFigures& a : p.actions) write_action_row(out, a, baseline, travel);
  if (baseline) out.format("\nBaseline: the plan at {}.\n", escape_markdown(baseline_label(p.baseline->version)));
  if (travel)
    out.format("{}Direction of travel: against the plan at {}; the plan as a whole {}.\n", baseline ? "" : "\n",
               escape_markdown(p.compared_with ? comparison_label(*p.compared_with) : ""),
               direction_text(*p.direction));
}

// 3: every action with a budget, spending or staff time, then the plan; staff days beside
// the budget when the plan logs them.
void write_budget_used(Output& out, const PlanFigures& p) {
  const std::string& cur = p.plan->currency;
  bool staff = logs_staff_time(p);
  std::vector<Column> columns{{"Action"}, {"Budget", Align::right}, {"Spent", Align::right}, {"Used", Align::right}};
  if (staff)
    columns.insert(columns.end(),
                   {{"Staff days", Align::right}, {"Effort (days)", Align::right}, {"Staff time used", Align::right}});
  write_markdown_header(out, columns);
  auto staff_cells = [&](const StaffTime& t) {
    if (staff)
      out.format(" {} | {} | {} |", format_number(t.days), t.effort ? format_number(*t.effort) : "",
                 t.used ? percent_text(*t.used) : "");
    out.put('\n');
  };
  for (const ActionFigures& a : p.actions) {
    if (!a.action->budget && !a.spent && !(staff && a.staff.any())) continue;
    out.format("| {} | {} | {} | {} |", action_label(*a.action),
               a.action->budget ? markdown_money(*a.action->budget, cur) : "",
               a.spent ? markdown_money(*a.spent, cur) : "", a.budget_used ? percent_text(*a.budget_used) : "");
    staff_cells(a.staff);
  }
  out.format("| **Plan** | {} | {} | {} |", p.budget ? markdown_money(*p.budget, cur) : "",
             markdown_money(p.spent, cur), p.budget_used ? percent_text(*p.budget_used) : "");
  staff_cells(p.staff);
  if (staff)
    out.write(
        "\nStaff days are those logged in the latest update; the plan's are the sum over its actions "
        "that are not deferred or cancelled.\n");
}

}  // namespace bvplan
