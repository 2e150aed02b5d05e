#include "bvplan/formats/render.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"

namespace bvplan {

namespace {

std::string group_thousands(long long whole) {
  std::string digits = std::to_string(whole < 0 ? -whole : whole);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (whole < 0 ? "-" : "") + out;
}

std::string pct(double value) { return format_percent(value, 0) + "%"; }
// A roll-up with no counted action has no figure: "-", never "0%".
std::string pct(const std::optional<double>& value) { return value ? pct(*value) : "-"; }

std::string title_case(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// RAG for people: a word, never a colour alone.
std::string rag_word(Rag rag) { return rag == Rag::none ? "Not rated" : title_case(to_string(rag)); }

std::string counts_text(const RagCounts& c) {
  std::vector<std::string> parts;
  auto add = [&](size_t n, const char* word) {
    if (n) parts.push_back(fmt::format("{} {}", n, word));
  };
  add(c.green, "green");
  add(c.amber, "amber");
  add(c.red, "red");
  add(c.complete, "complete");
  add(c.none, "not rated");
  return parts.empty() ? "no actions" : fmt::format("{}", fmt::join(parts, ", "));
}

std::string monitoring_text(const Plan& plan) {
  std::vector<std::string> bodies;
  for (const Monitoring& m : plan.monitoring)
    bodies.push_back(fmt::format("{} (every {})", m.body, to_string(m.every)));
  return bodies.empty() ? "" : fmt::format("{}", fmt::join(bodies, "; "));
}

std::string owner_name(const PlanFigures& p, const std::string& id) {
  const Owners& owners = p.owners ? *p.owners : p.plan->owners;
  auto it = owners.find(id);
  return it == owners.end() || it->second.name.empty() ? id : it->second.name;
}

}  // namespace

std::string format_money(double amount, std::string_view currency) {
  double rounded = round_percent(amount, 2);  // half away from zero, as every figure
  auto whole = static_cast<long long>(std::trunc(rounded));
  long long pence = std::llround(std::fabs(rounded - static_cast<double>(whole)) * 100);
  std::string number = group_thousands(whole);
  if (whole == 0 && rounded < 0) number = "-0";
  if (pence) number += fmt::format(".{:02}", pence);
  if (currency == "GBP") return number[0] == '-' ? "-£" + number.substr(1) : "£" + number;
  if (currency == "EUR") return number[0] == '-' ? "-€" + number.substr(1) : "€" + number;
  return fmt::format("{} {}", number, currency);
}

std::string format_number(double amount) {
  double rounded = round_percent(amount, 2);
  if (rounded == std::trunc(rounded)) return fmt::format("{}", static_cast<long long>(rounded));
  std::string out = fmt::format("{:.2f}", rounded);
  if (out.back() == '0') out.pop_back();
  return out;
}

namespace {

// "&name;" or "&#123;": what Markdown would read as a character reference.
bool starts_entity(std::string_view text) {
  size_t i = 1;
  while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || (i == 1 && text[i] == '#'))) ++i;
  return i > 1 && i < text.size() && text[i] == ';';
}

}  // namespace

std::string escape_markdown(std::string_view raw) {
  // Control characters (a file name may hold any) shown as escapes, which the Markdown
  // escaping below then keeps literal; CR goes, as line breaks fold to spaces.
  std::string without_cr;
  without_cr.reserve(raw.size());
  for (char c : raw)
    if (c != '\r') without_cr += c;
  std::string visible = escape_control(without_cr, Keep::tab_and_newline);
  std::string_view text = visible;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\r': break;
      case '\n':
        if (!out.empty() && out.back() != ' ') out += ' ';
        break;
      case '\\':
      case '|':
      case '*':
      case '_':
      case '`':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
      case '~':
      case '$':
      case '@':
        out += '\\';
        out += c;
        break;
      case '&':
        // Only where it would start an entity (&amp;, &#38;): "O&S" stays readable.
        if (starts_entity(text.substr(i))) out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string csv_text(std::string_view text) {
  std::string value(text);
  bool formula = !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                                    value[0] == '\t' || value[0] == '\r');
  if (formula) value.insert(value.begin(), '\'');
  // A cell of several lines: none of them may read as a GitHub Actions workflow command
  // when the CSV is printed in a CI log.
  value = guard_line_starts(value);
  bool quote = formula || value.find_first_of(",\"\r\n") != std::string::npos;
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// --- status ---------------------------------------------------------------------------

namespace {

std::string colour(Rag rag, const std::string& word, bool on) {
  if (!on) return word;
  const char* code = rag == Rag::green      ? "32"
                     : rag == Rag::amber    ? "33"
                     : rag == Rag::red      ? "31"
                     : rag == Rag::complete ? "36"
                                            : "2";
  return fmt::format("\x1b[{}m{}\x1b[0m", code, word);
}

}  // namespace

namespace {

// A terminal table: columns two spaces apart, widths in characters (a travel arrow is one
// character but three bytes), some columns right-aligned, and one RAG column coloured.
struct TerminalTable {
  std::vector<std::vector<std::string>> rows;  // the first is the header
  std::vector<Rag> rags;                       // one per row after the header
  std::vector<bool> right;                     // per column
  size_t rag_column = 0;
};

size_t display_width(const std::string& s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string layout(const TerminalTable& t, bool color) {
  std::vector<size_t> width(t.rows[0].size(), 0);
  for (const auto& row : t.rows)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
  std::string out;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    std::string line;
    for (size_t c = 0; c < t.rows[r].size(); ++c) {
      const std::string& cell = t.rows[r][c];
      std::string pad(width[c] - display_width(cell), ' ');
      std::string shown = r > 0 && c == t.rag_column ? colour(t.rags[r - 1], cell, color) : cell;
      line += (c ? "  " : "") + (c < t.right.size() && t.right[c] ? pad + shown : shown + pad);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  }
  return out;
}

}  // namespace

std::string render_status(const std::vector<PlanFigures>& plans, const StatusOptions& options) {
  std::string out;
  for (size_t n = 0; n < plans.size(); ++n) {
    const PlanFigures& p = plans[n];
    if (n) out += '\n';
    out +=
        fmt::format("{}: {} (as at {})\n", escape_control(p.plan->id), escape_control(p.plan->title), to_long(p.as_of));
    bool travel = p.direction.has_value();
    TerminalTable table;
    table.rows = {{"ACTION", "LEAD", "DUE", "TARGET", "ACTUAL", "RAG", "DAYS LATE"}};
    if (travel) table.rows[0].push_back("TRAVEL");
    table.right = {false, false, false, true, true, false, true};
    table.rag_column = 5;
    for (const ActionFigures& a : p.actions) {
      table.rows.push_back({escape_control(a.action->id), escape_control(a.action->lead.id), to_iso(a.action->due),
                            pct(a.target), pct(a.actual),
                            a.state == State::deferred || a.state == State::cancelled ? std::string(to_string(a.state))
                                                                                      : std::string(to_string(a.rag)),
                            std::to_string(a.days_late)});
      if (travel) table.rows.back().push_back(a.direction ? direction_text(*a.direction) : "");
      table.rags.push_back(a.rag);
    }
    out += layout(table, options.color);
    out += fmt::format(
        "total: target {}, actual {}, {}; {}{}\n", pct(p.target), pct(p.actual),
        colour(p.rag, to_string(p.rag), options.color), counts_text(p.counts),
        travel ? fmt::format("; {} since {}", direction_text(*p.direction), escape_control(p.compared_with)) : "");
    if (p.next_report)
      out += fmt::format("next report due {} to {}\n", to_iso(*p.next_report), escape_control(p.next_report_body));
  }
  if (plans.size() > 1) {
    // The portfolio: one line per plan, then totals.
    TerminalTable table;
    table.rows = {{"PLAN", "TARGET", "ACTUAL", "RAG", "RED", "AMBER", "GREEN", "NEXT REPORT"}};
    table.right = {false, true, true, false, true, true, true, false};
    table.rag_column = 3;
    for (const PlanFigures& p : plans) {
      table.rows.push_back({escape_control(p.plan->id), pct(p.target), pct(p.actual), to_string(p.rag),
                            std::to_string(p.counts.red), std::to_string(p.counts.amber),
                            std::to_string(p.counts.green), p.next_report ? to_iso(*p.next_report) : "-"});
      table.rags.push_back(p.rag);
    }
    PortfolioFigures total = compute_portfolio(plans);
    out += "\nportfolio\n" + layout(table, options.color);
    out += fmt::format("total: {} plans ({}); target {}, actual {} over all actions; actions: {}\n", plans.size(),
                       counts_text(total.plans), pct(total.target), pct(total.actual), counts_text(total.actions));
  }
  return out;
}

// --- markdown ---------------------------------------------------------------------------

namespace {

// Money in the paper: the currency is plan text, so escaped like any other.
std::string md_money(double amount, std::string_view currency) {
  return escape_markdown(format_money(amount, currency));
}

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out + '"';
}

std::string action_label(const Action& a) {
  return fmt::format("{} {}", escape_markdown(a.id), escape_markdown(a.title));
}

std::string gantt_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ':')
      out += "#58;";
    else if (c == '#')
      out += "#35;";
    else if (c == ';')
      out += "#59;";
    else if (c == '<')
      out += "#lt;";
    else if (c == '>')
      out += "#gt;";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

// A task's name in a gantt: its id and title. A line that starts with one of Mermaid's
// gantt keywords (an action with the id `excludes`, say) would be read as that statement,
// so such a first word starts with an entity code instead (`#101;xcludes`).
std::string gantt_task(std::string_view id, std::string_view title) {
  static constexpr std::array<std::string_view, 15> keywords{
      "accDescr", "accTitle",    "axisFormat",        "click",   "dateFormat",
      "excludes", "includes",    "inclusiveEndDates", "section", "tickInterval",
      "title",    "todayMarker", "topAxis",           "weekday", "weekend"};
  std::string name = gantt_text(id);
  auto same = [&](std::string_view keyword) {
    return name.size() >= keyword.size() &&
           std::equal(keyword.begin(), keyword.end(), name.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  if (std::any_of(keywords.begin(), keywords.end(), same))
    name.replace(0, 1, fmt::format("#{};", static_cast<int>(static_cast<unsigned char>(name[0]))));
  return name + " " + gantt_text(title);
}

std::string gantt_id(std::string_view id) {
  std::string out = "t_";
  for (char c : id) out += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return out;
}

void plan_sections(std::string& out, const PlanFigures& p, const MarkdownOptions& options, const std::string& h) {
  const Plan& plan = *p.plan;
  const std::string& cur = plan.currency;

  out += fmt::format("{} Summary\n\n", h);
  out += "| Measure | Figure |\n|---|---|\n";
  out += fmt::format("| Target % complete | {} |\n", pct(p.target));
  out += fmt::format("| Actual % complete | {} |\n", pct(p.actual));
  out += fmt::format("| Overall status (RAG) | {} |\n", rag_word(p.rag));
  out += fmt::format("| Actions | {} |\n", counts_text(p.counts));
  if (p.budget)
    out += fmt::format("| Implementation budget used | {} of {}{} |\n", md_money(p.spent, cur),
                       md_money(*p.budget, cur), p.budget_used ? fmt::format(" ({})", pct(*p.budget_used)) : "");
  if (p.savings_target)
    out += fmt::format(
        "| Savings delivered | {} against a target of {}{} |\n", md_money(p.savings_delivered, cur),
        md_money(*p.savings_target, cur),
        *p.savings_target > 0 ? fmt::format(" ({})", pct(100 * p.savings_delivered / *p.savings_target)) : "");
  else if (p.savings_delivered > 0)
    out += fmt::format("| Savings delivered | {} |\n", md_money(p.savings_delivered, cur));
  out += '\n';

  // 1. Summary of action taken: updates inside the window.
  out += fmt::format("{} 1. Summary of action taken\n\n", h);
  size_t written = 0;
  for (const ActionFigures& a : p.actions)
    for (const Update& u : a.action->updates)
      if (u.date >= p.window.start && u.date <= p.window.end && u.date <= p.as_of && !u.summary.empty()) {
        out += fmt::format("- **{}** ({}, {}): {}\n", action_label(*a.action), escape_markdown(a.action->lead.id),
                           to_long(u.date), escape_markdown(u.summary));
        ++written;
      }
  if (!written) out += "No action was recorded in this period.\n";
  out += '\n';

  // 2. Target and actual % complete by date of report.
  out += fmt::format("{} 2. Target and actual % complete by date of report\n\n", h);
  out += "| Key issue | Target | Actual | RAG |\n|---|--:|--:|---|\n";
  for (const IssueFigures& i : p.issues)
    out += fmt::format("| {} {} | {} | {} | {} |\n", escape_markdown(i.issue->id), escape_markdown(i.issue->title),
                       pct(i.target), pct(i.actual), rag_word(i.rag));
  out += '\n';
  bool baseline = !p.baseline.empty();
  bool travel = p.direction.has_value();
  out += "| Action | Lead | Due | Target | Actual | Variance | RAG | Days late |";
  if (baseline) out += " Baseline due | Slip (days) |";
  if (travel) out += " Direction of travel |";
  out += "\n|---|---|---|--:|--:|--:|---|--:|";
  if (baseline) out += "---|--:|";
  if (travel) out += "---|";
  out += '\n';
  for (const ActionFigures& a : p.actions) {
    std::string rag =
        a.state == State::deferred || a.state == State::cancelled ? title_case(to_string(a.state)) : rag_word(a.rag);
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |", action_label(*a.action),
                       escape_markdown(a.action->lead.id), to_iso(a.action->due), pct(a.target), pct(a.actual),
                       format_percent(a.variance, 0), rag, a.days_late);
    if (baseline)
      out += fmt::format(" {} | {} |", a.baseline_due ? to_iso(*a.baseline_due) : "new",
                         !a.baseline_slip   ? ""
                         : *a.baseline_slip ? fmt::format("{:+}", *a.baseline_slip)
                                            : "0");
    if (travel) out += fmt::format(" {} |", a.direction ? direction_text(*a.direction) : "");
    out += '\n';
  }
  if (baseline) out += fmt::format("\nBaseline: the plan at {}.\n", escape_markdown(p.baseline));
  if (travel)
    out += fmt::format("{}Direction of travel: against the plan at {}; the plan as a whole {}.\n", baseline ? "" : "\n",
                       escape_markdown(p.compared_with), direction_text(*p.direction));
  out += '\n';

  // 3. % of project implementation budget used.
  out += fmt::format("{} 3. % of project implementation budget used\n\n", h);
  out += "| Action | Budget | Spent | Used |\n|---|--:|--:|--:|\n";
  for (const ActionFigures& a : p.actions) {
    if (!a.action->budget && !a.spent) continue;
    out += fmt::format("| {} | {} | {} | {} |\n", action_label(*a.action),
                       a.action->budget ? md_money(*a.action->budget, cur) : "", a.spent ? md_money(*a.spent, cur) : "",
                       a.budget_used ? pct(*a.budget_used) : "");
  }
  out += fmt::format("| **Plan** | {} | {} | {} |\n\n", p.budget ? md_money(*p.budget, cur) : "",
                     md_money(p.spent, cur), p.budget_used ? pct(*p.budget_used) : "");

  // 4. Proposed action to remedy any work overdue.
  out += fmt::format("{} 4. Proposed action to remedy any work overdue\n\n", h);
  written = 0;
  for (const ActionFigures& a : p.actions) {
    if (a.state != State::overdue && a.rag != Rag::red && a.rag != Rag::amber) continue;
    std::string why = a.state == State::overdue ? fmt::format("overdue by {} days ({}% of {}% target)", a.days_late,
                                                              format_percent(a.actual, 0), format_percent(a.target, 0))
                                                : fmt::format("behind target ({}% of {}%)", format_percent(a.actual, 0),
                                                              format_percent(a.target, 0));
    std::string remedy =
        a.latest && !a.latest->remedy.empty() ? escape_markdown(a.latest->remedy) : std::string("No remedy recorded.");
    out += fmt::format("- **{}** ({}, {}, {}): {}\n", action_label(*a.action), escape_markdown(a.action->lead.id),
                       rag_word(a.rag), why, remedy);
    ++written;
  }
  for (const MilestoneFigures& m : p.milestones) {
    if (m.state != MilestoneState::overdue) continue;
    const Update* latest = nullptr;
    for (const ActionFigures& a : p.actions)
      if (a.action == m.action) latest = a.latest;
    out += fmt::format(
        "- Milestone **{} {}** of {} (due {}, overdue by {} days): {}\n", escape_markdown(m.milestone->id),
        escape_markdown(m.milestone->title), escape_markdown(m.action->id), to_iso(m.milestone->due), m.days_late,
        latest && !latest->remedy.empty() ? escape_markdown(latest->remedy) : std::string("No remedy recorded."));
    ++written;
  }
  if (!written) out += "No work is overdue or behind target.\n";
  out += '\n';

  // 5. Benefits delivered to date.
  out += fmt::format("{} 5. Benefits delivered to date\n\n", h);
  written = 0;
  for (const ActionFigures& a : p.actions) {
    bool money = a.savings_delivered || a.action->savings_target;
    bool words = a.latest && !a.latest->benefits.empty();
    if (!money && !words) continue;
    std::string savings;
    if (a.action->savings_target)
      savings = fmt::format("savings {} of {}", md_money(a.savings_delivered.value_or(0), cur),
                            md_money(*a.action->savings_target, cur));
    else if (a.savings_delivered)
      savings = fmt::format("savings {}", md_money(*a.savings_delivered, cur));
    out += fmt::format("- **{}**{}{}{}\n", action_label(*a.action), savings.empty() ? "" : " (", savings,
                       savings.empty() ? "" : ")");
    if (words) out.insert(out.size() - 1, ": " + escape_markdown(a.latest->benefits));
    ++written;
  }
  if (!written) out += "No benefits recorded to date.\n";
  out += '\n';

  // 6. Action planned in the next period: each action's latest `next`.
  out += fmt::format("{} 6. Action planned in the next period\n\n", h);
  written = 0;
  for (const ActionFigures& a : p.actions)
    if (a.latest && !a.latest->next.empty() && a.state != State::complete && a.state != State::deferred &&
        a.state != State::cancelled) {
      out += fmt::format("- **{}** ({}): {}\n", action_label(*a.action), escape_markdown(a.action->lead.id),
                         escape_markdown(a.latest->next));
      ++written;
    }
  if (!written) out += "No action planned has been recorded.\n";
  out += '\n';

  // 7. Any fundamental changes to plan: `changes` of updates inside the window.
  out += fmt::format("{} 7. Any fundamental changes to plan\n\n", h);
  written = 0;
  for (const ActionFigures& a : p.actions)
    for (const Update& u : a.action->updates)
      if (u.date >= p.window.start && u.date <= p.window.end && u.date <= p.as_of && !u.changes.empty()) {
        out += fmt::format("- **{}** ({}): {}\n", action_label(*a.action), to_long(u.date), escape_markdown(u.changes));
        ++written;
      }
  if (!written) out += "No fundamental changes to the plan were recorded in this period.\n";
  if (!p.baseline.empty()) {
    out += fmt::format("\nChanges since the baseline ({}):\n\n", escape_markdown(p.baseline));
    for (const std::string& change : p.changes_since_baseline) out += fmt::format("- {}\n", escape_markdown(change));
    if (p.changes_since_baseline.empty()) out += "- None.\n";
  }
  out += '\n';

  if (options.gantt) {
    out += fmt::format("{} Timeline\n\n```mermaid\ngantt\n  dateFormat YYYY-MM-DD\n  todayMarker off\n", h);
    for (const IssueFigures& i : p.issues) {
      out += fmt::format("  section {} {}\n", gantt_text(i.issue->id), gantt_text(i.issue->title));
      for (const ActionFigures& a : p.actions) {
        if (a.issue != i.issue) continue;
        std::string tags;
        if (a.state == State::complete)
          tags = "done, ";
        else if (a.state == State::overdue || a.rag == Rag::red)
          tags = "crit, active, ";
        else if (a.state == State::in_progress)
          tags = "active, ";
        out += fmt::format("  {} :{}{}, {}, {}\n", gantt_task(a.action->id, a.action->title), tags,
                           gantt_id(a.action->id), to_iso(a.action->start), to_iso(a.action->due));
        for (const MilestoneFigures& m : p.milestones) {
          if (m.action != a.action) continue;
          std::string mtags = m.state == MilestoneState::done      ? "done, "
                              : m.state == MilestoneState::overdue ? "crit, "
                                                                   : "";
          out += fmt::format("  {} :milestone, {}{}, {}, 0d\n", gantt_task(m.milestone->id, m.milestone->title), mtags,
                             gantt_id(m.milestone->id), to_iso(m.milestone->due));
        }
      }
    }
    out += "```\n\n";
  }
}

void plan_header(std::string& out, const PlanFigures& p) {
  const Plan& plan = *p.plan;
  std::vector<std::string> facts;
  if (!plan.review.empty()) facts.push_back(fmt::format("**Review:** {}", escape_markdown(plan.review)));
  if (plan.owner) facts.push_back(fmt::format("**Lead:** {}", escape_markdown(owner_name(p, plan.owner->id))));
  facts.push_back(fmt::format("**Plan period:** {} to {}", to_long(plan.start), to_long(plan.end)));
  if (!plan.monitoring.empty())
    facts.push_back(fmt::format("**Monitoring:** {}", escape_markdown(monitoring_text(plan))));
  facts.push_back(fmt::format("**Reporting period:** {} to {}", to_long(p.window.start), to_long(p.window.end)));
  for (const std::string& f : facts) out += f + "  \n";
  out += '\n';
}

}  // namespace

std::string render_markdown(const std::vector<PlanFigures>& plans, const MarkdownOptions& options) {
  std::string out;
  if (plans.empty()) return out;
  Date as_of = plans.front().as_of;
  bool portfolio = plans.size() > 1;
  std::string title = portfolio ? "Best Value improvement plans: progress report"
                                : fmt::format("{}: progress report", plans.front().plan->title);
  // pandoc reads metadata values as Markdown: escaped for Markdown, then quoted for YAML.
  out += fmt::format("---\ntitle: {}\ndate: {}\n---\n\n", yaml_quoted(escape_markdown(title)),
                     yaml_quoted(to_long(as_of)));
  out += fmt::format("# {} as at {}\n\n", escape_markdown(title), to_long(as_of));
  if (!portfolio) {
    plan_header(out, plans.front());
    plan_sections(out, plans.front(), options, "##");
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
    return out;
  }
  out += "## Portfolio summary\n\n";
  out +=
      "| Plan | Review | Lead | Monitoring body | Target | Actual | RAG | Budget used | Savings |\n"
      "|---|---|---|---|--:|--:|---|--:|--:|\n";
  for (const PlanFigures& p : plans) {
    const Plan& plan = *p.plan;
    std::vector<std::string> bodies;
    for (const Monitoring& m : plan.monitoring) bodies.push_back(escape_markdown(m.body));
    std::string savings = p.savings_target ? fmt::format("{} of {}", md_money(p.savings_delivered, plan.currency),
                                                         md_money(*p.savings_target, plan.currency))
                                           : md_money(p.savings_delivered, plan.currency);
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", escape_markdown(plan.title),
                       escape_markdown(plan.review), plan.owner ? escape_markdown(owner_name(p, plan.owner->id)) : "",
                       fmt::join(bodies, "; "), pct(p.target), pct(p.actual), rag_word(p.rag),
                       p.budget_used ? pct(*p.budget_used) : "", savings);
  }
  out += '\n';
  if (!options.portfolio_sections.empty()) out += options.portfolio_sections + '\n';
  for (const PlanFigures& p : plans) {
    out += fmt::format("## {}\n\n", escape_markdown(p.plan->title));
    plan_header(out, p);
    plan_sections(out, p, options, "###");
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

// --- CSV --------------------------------------------------------------------------------

namespace {

std::string opt_number(const std::optional<double>& v) { return v ? format_number(*v) : ""; }
std::string opt_percent(const std::optional<double>& v) { return v ? format_percent(*v, 1) : ""; }
std::string opt_date(const std::optional<Date>& d) { return d ? to_iso(*d) : ""; }

void csv_row(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += cells[i];
  }
  out += "\r\n";
}

std::string join_ids(const std::vector<Reference>& refs) {
  std::string out;
  for (const Reference& r : refs) out += (out.empty() ? "" : ";") + r.id;
  return out;
}

}  // namespace

std::string render_csv(const std::vector<PlanFigures>& plans, const CsvOptions& options) {
  std::string out = options.bom ? "\xEF\xBB\xBF" : "";
  switch (options.level) {
    case CsvLevel::plan:
      csv_row(out, {"plan", "title", "review", "lead", "target", "actual", "rag", "budget", "spent", "budget_used",
                    "savings_target", "savings_delivered", "as_of"});
      for (const PlanFigures& p : plans)
        csv_row(out, {csv_text(p.plan->id), csv_text(p.plan->title), csv_text(p.plan->review),
                      csv_text(p.plan->owner ? p.plan->owner->id : ""), opt_percent(p.target), opt_percent(p.actual),
                      to_string(p.rag), opt_number(p.budget), format_number(p.spent), opt_percent(p.budget_used),
                      opt_number(p.savings_target), format_number(p.savings_delivered), to_iso(p.as_of)});
      break;
    case CsvLevel::issue:
      csv_row(out, {"plan", "issue", "title", "target", "actual", "rag", "as_of"});
      for (const PlanFigures& p : plans)
        for (const IssueFigures& i : p.issues)
          csv_row(out, {csv_text(p.plan->id), csv_text(i.issue->id), csv_text(i.issue->title), opt_percent(i.target),
                        opt_percent(i.actual), to_string(i.rag), to_iso(p.as_of)});
      break;
    case CsvLevel::action: {
      bool baseline = std::any_of(plans.begin(), plans.end(), [](const PlanFigures& p) { return !p.baseline.empty(); });
      bool travel =
          std::any_of(plans.begin(), plans.end(), [](const PlanFigures& p) { return p.direction.has_value(); });
      std::vector<std::string> header{"plan",           "issue",
                                      "action",         "title",
                                      "lead",           "support",
                                      "start",          "due",
                                      "status",         "state",
                                      "target",         "actual",
                                      "variance",       "rag",
                                      "days_late",      "forecast",
                                      "forecast_slip",  "budget",
                                      "spent",          "budget_used",
                                      "savings_target", "savings_delivered",
                                      "last_update",    "as_of"};
      if (baseline) header.insert(header.end(), {"baseline_due", "baseline_slip"});
      if (travel) header.push_back("direction");
      csv_row(out, header);
      for (const PlanFigures& p : plans)
        for (const ActionFigures& a : p.actions) {
          std::vector<std::string> row{csv_text(p.plan->id),
                                       csv_text(a.issue->id),
                                       csv_text(a.action->id),
                                       csv_text(a.action->title),
                                       csv_text(a.action->lead.id),
                                       csv_text(join_ids(a.action->support)),
                                       to_iso(a.action->start),
                                       to_iso(a.action->due),
                                       to_string(a.action->status),
                                       to_string(a.state),
                                       format_percent(a.target, 1),
                                       format_percent(a.actual, 1),
                                       format_percent(a.variance, 1),
                                       to_string(a.rag),
                                       std::to_string(a.days_late),
                                       opt_date(a.forecast),
                                       a.forecast_slip ? std::to_string(*a.forecast_slip) : "",
                                       opt_number(a.action->budget),
                                       opt_number(a.spent),
                                       opt_percent(a.budget_used),
                                       opt_number(a.action->savings_target),
                                       opt_number(a.savings_delivered),
                                       a.latest ? to_iso(a.latest->date) : "",
                                       to_iso(p.as_of)};
          if (baseline) {
            row.push_back(opt_date(a.baseline_due));
            row.push_back(a.baseline_slip ? std::to_string(*a.baseline_slip) : "");
          }
          if (travel) row.push_back(a.direction ? to_string(*a.direction) : "");
          csv_row(out, row);
        }
      break;
    }
    case CsvLevel::milestone:
      csv_row(out, {"plan", "action", "milestone", "title", "due", "done", "state", "days_late", "as_of"});
      for (const PlanFigures& p : plans)
        for (const MilestoneFigures& m : p.milestones)
          csv_row(out, {csv_text(p.plan->id), csv_text(m.action->id), csv_text(m.milestone->id),
                        csv_text(m.milestone->title), to_iso(m.milestone->due),
                        opt_date(m.milestone->done && *m.milestone->done <= p.as_of ? m.milestone->done : std::nullopt),
                        to_string(m.state), std::to_string(m.days_late), to_iso(p.as_of)});
      break;
  }
  return out;
}

// --- JSON -------------------------------------------------------------------------------

namespace {

std::string j_num(const std::optional<double>& v) { return v ? format_number(*v) : "null"; }
std::string j_pct(double v) { return format_percent(v, 1); }
std::string j_opt_pct(const std::optional<double>& v) { return v ? format_percent(*v, 1) : "null"; }
std::string j_date(const std::optional<Date>& d) { return d ? json_quote(to_iso(*d)) : "null"; }

}  // namespace

std::string render_json(const std::vector<PlanFigures>& plans, Date as_of, DateRange window) {
  std::string out =
      fmt::format("{{\"version\":1,\"as_of\":\"{}\",\"window\":{{\"start\":\"{}\",\"end\":\"{}\"}},\"plans\":[",
                  to_iso(as_of), to_iso(window.start), to_iso(window.end));
  for (size_t n = 0; n < plans.size(); ++n) {
    const PlanFigures& p = plans[n];
    out += n ? ",\n" : "\n";
    out += fmt::format(
        "{{\"id\":{},\"title\":{},\"file\":{},\"target\":{},\"actual\":{},\"rag\":\"{}\",\"budget\":{},"
        "\"spent\":{},\"budget_used\":{},\"savings_target\":{},\"savings_delivered\":{},\"issues\":[",
        json_quote(p.plan->id), json_quote(p.plan->title), json_quote(p.plan->file), j_opt_pct(p.target),
        j_opt_pct(p.actual), to_string(p.rag), j_num(p.budget), format_number(p.spent), j_opt_pct(p.budget_used),
        j_num(p.savings_target), format_number(p.savings_delivered));
    for (size_t i = 0; i < p.issues.size(); ++i) {
      const IssueFigures& f = p.issues[i];
      out += fmt::format("{}\n  {{\"id\":{},\"title\":{},\"target\":{},\"actual\":{},\"rag\":\"{}\"}}", i ? "," : "",
                         json_quote(f.issue->id), json_quote(f.issue->title), j_opt_pct(f.target), j_opt_pct(f.actual),
                         to_string(f.rag));
    }
    out += "],\"actions\":[";
    for (size_t i = 0; i < p.actions.size(); ++i) {
      const ActionFigures& a = p.actions[i];
      std::string support;
      for (const Reference& r : a.action->support) append_with_comma(support, json_quote(r.id));
      out += fmt::format(
          "{}\n  {{\"id\":{},\"issue\":{},\"title\":{},\"lead\":{},\"support\":[{}],\"start\":\"{}\","
          "\"due\":\"{}\",\"status\":\"{}\",\"state\":\"{}\",\"target\":{},\"actual\":{},\"variance\":{},"
          "\"rag\":\"{}\",\"days_late\":{},\"forecast\":{},\"forecast_slip\":{},\"budget\":{},\"spent\":{},"
          "\"budget_used\":{},\"savings_target\":{},\"savings_delivered\":{},\"last_update\":{}}}",
          i ? "," : "", json_quote(a.action->id), json_quote(a.issue->id), json_quote(a.action->title),
          json_quote(a.action->lead.id), support, to_iso(a.action->start), to_iso(a.action->due),
          to_string(a.action->status), to_string(a.state), j_pct(a.target), j_pct(a.actual), j_pct(a.variance),
          to_string(a.rag), a.days_late, j_date(a.forecast),
          a.forecast_slip ? std::to_string(*a.forecast_slip) : "null", j_num(a.action->budget), j_num(a.spent),
          j_opt_pct(a.budget_used), j_num(a.action->savings_target), j_num(a.savings_delivered),
          a.latest ? j_date(a.latest->date) : std::string("null"));
      if (!p.baseline.empty()) {
        out.pop_back();
        out += fmt::format(",\"baseline_due\":{},\"baseline_slip\":{}}}", j_date(a.baseline_due),
                           a.baseline_slip ? std::to_string(*a.baseline_slip) : "null");
      }
      if (p.direction) {
        out.pop_back();
        out += fmt::format(",\"direction\":{}}}", a.direction ? json_quote(to_string(*a.direction)) : "null");
      }
    }
    out += "],\"milestones\":[";
    for (size_t i = 0; i < p.milestones.size(); ++i) {
      const MilestoneFigures& m = p.milestones[i];
      out += fmt::format(
          "{}\n  {{\"id\":{},\"action\":{},\"title\":{},\"due\":\"{}\",\"done\":{},\"state\":\"{}\",\"days_late\":{}}}",
          i ? "," : "", json_quote(m.milestone->id), json_quote(m.action->id), json_quote(m.milestone->title),
          to_iso(m.milestone->due),
          j_date(m.milestone->done && *m.milestone->done <= p.as_of ? m.milestone->done : std::nullopt),
          to_string(m.state), m.days_late);
    }
    out += "]";
    if (!p.baseline.empty()) {
      out += fmt::format(",\"baseline\":{},\"changes_since_baseline\":[", json_quote(p.baseline));
      for (size_t i = 0; i < p.changes_since_baseline.size(); ++i)
        out += fmt::format("{}{}", i ? "," : "", json_quote(p.changes_since_baseline[i]));
      out += "]";
    }
    if (p.direction)
      out += fmt::format(",\"compared_with\":{},\"direction\":\"{}\"", json_quote(p.compared_with),
                         to_string(*p.direction));
    out += "}";
  }
  out += plans.empty() ? "]}\n" : "\n]}\n";
  return out;
}

// --- explain ----------------------------------------------------------------------------

namespace {

std::string num(double v) {
  std::string s = fmt::format("{:.2f}", round_percent(v, 2));
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string explain_rag(const ActionFigures& a, const RagThresholds& t) {
  switch (a.state) {
    case State::complete: return "complete (the action is 100% complete)";
    case State::deferred: return "none (the action is deferred)";
    case State::cancelled: return "none (the action is cancelled)";
    case State::not_started: return "none (not started)";
    case State::overdue: return "red (overdue: past its due date and under 100%)";
    case State::in_progress: break;
  }
  if (a.target <= 0) return "green (in progress with a target of 0%)";
  double ratio = 100 * a.actual / a.target;
  return fmt::format("{} (performance ratio 100 x {} / {} = {}%; green from {}%, amber from {}%)", to_string(a.rag),
                     num(a.actual), num(a.target), num(ratio), num(t.green), num(t.amber));
}

std::string explain_action(const PlanFigures& p, const ActionFigures& a) {
  const Action& act = *a.action;
  Date t = p.as_of;
  std::string out =
      fmt::format("action {} \"{}\" (key issue {}, plan {}) as of {}\n", escape_control(act.id),
                  escape_control(act.title), escape_control(a.issue->id), escape_control(p.plan->id), to_iso(t));
  out += fmt::format("  start S = {}, due D = {}, as-of T = {}; weight {}; status {}\n", to_iso(act.start),
                     to_iso(act.due), to_iso(t), num(act.weight), to_string(act.status));
  TargetSegment seg = target_segment(act, t);
  std::string how;
  switch (seg.where) {
    case TargetSegment::Where::before_start: how = "T is before S, so the target is 0%"; break;
    case TargetSegment::Where::from_due:
      how = fmt::format("T is on or after D, so the target is {}%", num(seg.percent));
      break;
    case TargetSegment::Where::between:
      how =
          fmt::format("linear from ({}, {}%) to ({}, {}%): {} + ({} - {}) x {} / {} days", to_iso(seg.from),
                      num(seg.from_percent), to_iso(seg.to), num(seg.to_percent), num(seg.from_percent),
                      num(seg.to_percent), num(seg.from_percent), t.days_since(seg.from), seg.to.days_since(seg.from));
      break;
  }
  out += fmt::format("  target:   {}% ({}{})\n", num(a.target), how,
                     act.targets.empty() ? "" : "; from the action's targets curve");
  out += fmt::format("  actual:   {}% ({})\n", num(a.actual),
                     a.latest
                         ? fmt::format("complete of the latest update on or before T, dated {}", to_iso(a.latest->date))
                         : std::string("no update on or before T"));
  out +=
      fmt::format("  variance: {} points (actual - target = {} - {})\n", num(a.variance), num(a.actual), num(a.target));
  out += fmt::format("  state:    {}\n", to_string(a.state));
  out += fmt::format("  RAG:      {}\n", explain_rag(a, p.plan->rag));
  if (a.state == State::overdue)
    out += fmt::format("  days late: {} (T - D)\n", a.days_late);
  else if (a.state == State::complete && a.completed)
    out += fmt::format("  days late: {} (completed {} - D, not below 0)\n", a.days_late, to_iso(*a.completed));
  else
    out += "  days late: 0\n";
  if (a.forecast && a.state == State::complete)
    out += fmt::format("  forecast: {} (the completed date); slip {:+} days against D\n", to_iso(*a.forecast),
                       *a.forecast_slip);
  else if (a.forecast)
    out += fmt::format("  forecast: {} (S + ceil({} x 100 / {}) days at the rate so far); slip {:+} days against D\n",
                       to_iso(*a.forecast), t.days_since(act.start), num(a.actual), *a.forecast_slip);
  else if (a.forecast_after_latest)
    out += fmt::format("  forecast: after 9999-12-31 (S + ceil({} x 100 / {}) days at the rate so far)\n",
                       t.days_since(act.start), num(a.actual));
  else
    out += "  forecast: none (needs progress above 0% after the start)\n";
  const std::string cur = escape_control(p.plan->currency);
  if (a.spent || act.budget)
    out += act.budget
               ? fmt::format("  budget:   spent {} of {}{}\n",
                             a.spent ? format_money(*a.spent, cur) : "nothing recorded", format_money(*act.budget, cur),
                             a.budget_used ? fmt::format(" = {}%", num(*a.budget_used)) : "")
               : fmt::format("  budget:   spent {} (the action has no budget)\n", format_money(*a.spent, cur));
  if (a.savings_delivered || act.savings_target)
    out += fmt::format(
        "  savings:  delivered {}{}\n", format_money(a.savings_delivered.value_or(0), cur),
        act.savings_target ? fmt::format(" against a target of {}", format_money(*act.savings_target, cur)) : "");
  return out;
}

std::string explain_rollup(const PlanFigures& p, const std::string& what, std::optional<double> target,
                           std::optional<double> actual, Rag rag, const std::vector<const ActionFigures*>& actions) {
  std::string out = fmt::format("{} as of {}\n", what, to_iso(p.as_of));
  out += "  actions counted (not deferred or cancelled), weighted by weight:\n";
  double w = 0;
  for (const ActionFigures* a : actions) {
    bool counted = a->state != State::deferred && a->state != State::cancelled;
    out += fmt::format("    {:<12} weight {:<4} target {:>6}%  actual {:>6}%{}\n", escape_control(a->action->id),
                       num(a->action->weight), num(a->target), num(a->actual),
                       counted ? "" : fmt::format("  (not counted: {})", to_string(a->state)));
    if (counted) w += a->action->weight;
  }
  if (!target || !actual) {
    out += "  target: none (no action is counted: every one is deferred or cancelled)\n";
    out += "  actual: none\n";
    out += fmt::format("  RAG:    {} (nothing to measure)\n", to_string(rag));
    return out;
  }
  out += fmt::format("  target: {}% (weighted mean over a total weight of {})\n", num(*target), num(w));
  out += fmt::format("  actual: {}% (weighted mean)\n", num(*actual));
  std::string why;
  if (rag == Rag::complete)
    why = "actual is 100%";
  else if (*target == 0 && *actual == 0)
    why = "target and actual are both 0%";
  else if (p.as_of > p.plan->end)
    why = fmt::format("T is past the plan's end ({}) and actual is under 100%", to_iso(p.plan->end));
  else if (*target <= 0)
    why = "target is 0%";
  else
    why = fmt::format("performance ratio 100 x {} / {} = {}%; green from {}%, amber from {}%", num(*actual),
                      num(*target), num(100 * *actual / *target), num(p.plan->rag.green), num(p.plan->rag.amber));
  out += fmt::format("  RAG:    {} ({})\n", to_string(rag), why);
  return out;
}

}  // namespace

std::optional<std::string> render_explain(const std::vector<PlanFigures>& plans, std::string_view id) {
  for (const PlanFigures& p : plans) {
    if (p.plan->id == id) {
      std::vector<const ActionFigures*> all;
      for (const ActionFigures& a : p.actions) all.push_back(&a);
      std::string out =
          explain_rollup(p, fmt::format("plan {} \"{}\"", escape_control(p.plan->id), escape_control(p.plan->title)),
                         p.target, p.actual, p.rag, all);
      const std::string cur = escape_control(p.plan->currency);
      if (p.budget)
        out += fmt::format("  budget: spent {} (sum of actions' latest spent) of {}{}{}\n", format_money(p.spent, cur),
                           format_money(*p.budget, cur), p.plan->budget ? "" : " (sum of action budgets)",
                           p.budget_used ? fmt::format(" = {}%", num(*p.budget_used)) : "");
      return out;
    }
    for (const IssueFigures& i : p.issues) {
      if (i.issue->id != id) continue;
      std::vector<const ActionFigures*> part;
      for (const ActionFigures& a : p.actions)
        if (a.issue == i.issue) part.push_back(&a);
      return explain_rollup(p,
                            fmt::format("key issue {} \"{}\" (plan {})", escape_control(i.issue->id),
                                        escape_control(i.issue->title), escape_control(p.plan->id)),
                            i.target, i.actual, i.rag, part);
    }
    for (const ActionFigures& a : p.actions)
      if (a.action->id == id) return explain_action(p, a);
  }
  return std::nullopt;
}

}  // namespace bvplan
