#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/reports/portfolio.hpp"

namespace bvplan {

namespace {

std::string plural(size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

std::string capacity_text(const Owner& o) {
  std::vector<std::string> parts;
  if (o.max_actions) parts.push_back(fmt::format("max {} led at once", *o.max_actions));
  if (o.days_per_month) parts.push_back(format_number(*o.days_per_month) + " days a month");
  return parts.empty() ? "no capacity figures" : fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

std::string render_workload_markdown(const Workload& w) {
  std::string out = "# Workload by owner\n\n";
  out +=
      "Each cell: actions led at once at the peak (and all led) in the period, actions supported, and days of "
      "planned effort. **OVER** marks a figure above the owner's capacity.\n\n";
  out += "| Owner | Capacity |";
  for (const Period& p : w.periods) out += fmt::format(" {} |", p.label);
  out += "\n|---|---|";
  for (size_t i = 0; i < w.periods.size(); ++i) out += "---|";
  out += '\n';
  std::vector<std::string> unjudged;
  for (const OwnerLoad& o : w.owners) {
    if (!o.judged()) unjudged.push_back(escape_markdown(o.owner.id));
    out += fmt::format(
        "| {} | {} |",
        escape_markdown(o.owner.id +
                        (o.owner.name.empty() || o.owner.name == o.owner.id ? "" : " (" + o.owner.name + ")")),
        capacity_text(o.owner));
    for (const WorkloadCell& c : o.cells) {
      if (c.led.empty() && c.supported.empty() && c.effort_days == 0) {
        out += " - |";
        continue;
      }
      std::string led = fmt::format("{} led", c.peak_led);
      if (c.led.size() != c.peak_led) led += fmt::format(" ({} in all)", c.led.size());
      if (c.over_actions) led = "**OVER** " + led;
      std::string effort = format_days(c.effort_days) + " d";
      if (c.over_days) effort = "**OVER** " + effort;
      out += fmt::format(" {}, {} sup, {} |", led, c.supported.size(), effort);
    }
    out += '\n';
  }
  out += "\n## Peaks of change\n\n";
  std::vector<size_t> order(w.periods.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(w.totals[b].active, w.totals[b].starting) < std::tie(w.totals[a].active, w.totals[a].starting);
  });
  size_t shown = 0;
  for (size_t i : order) {
    if (w.totals[i].active == 0 || shown == 3) break;
    out += fmt::format("- {}: {} running, {} starting\n", w.periods[i].label, plural(w.totals[i].active, "action"),
                       w.totals[i].starting);
    ++shown;
  }
  std::vector<std::string> quiet;
  for (size_t i = 0; i < w.periods.size(); ++i)
    if (w.totals[i].active == 0) quiet.push_back(w.periods[i].label);
  if (!shown) out += "- No actions are active in these periods.\n";
  if (shown && !quiet.empty()) out += fmt::format("- No actions are active in {}.\n", fmt::join(quiet, ", "));
  std::vector<std::string> over;
  for (const OwnerLoad& o : w.owners)
    for (size_t p = 0; p < w.periods.size(); ++p)
      if (o.cells[p].over_actions || o.cells[p].over_days)
        over.push_back(fmt::format("{} in {}", escape_markdown(o.owner.id), w.periods[p].label));
  out += over.empty() ? "\nNo owner is over capacity.\n" : fmt::format("\nOver capacity: {}.\n", fmt::join(over, "; "));
  if (!unjudged.empty())
    out += fmt::format("\nNot judged (no max_actions or days_per_month): {}.\n", fmt::join(unjudged, ", "));
  return out;
}

std::string render_workload_csv(const Workload& w) {
  std::string out =
      "owner,period,start,end,led_at_once,led,supported,effort_days,max_actions,capacity_days,"
      "over_actions,over_days\r\n";
  for (const OwnerLoad& o : w.owners)
    for (size_t p = 0; p < w.periods.size(); ++p) {
      const WorkloadCell& c = o.cells[p];
      const Period& period = w.periods[p];
      out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_text(o.owner.id), period.label,
                         to_iso(period.start), to_iso(period.end), c.peak_led, c.led.size(), c.supported.size(),
                         format_days(c.effort_days), o.owner.max_actions ? std::to_string(*o.owner.max_actions) : "",
                         o.owner.days_per_month ? format_number(*o.owner.days_per_month * period.months) : "",
                         c.over_actions ? "yes" : "no", c.over_days ? "yes" : "no");
    }
  return out;
}

std::string render_workload_json(const Workload& w) {
  std::string out = "{\"version\":1,\"periods\":[";
  for (size_t p = 0; p < w.periods.size(); ++p)
    out += fmt::format("{}{{\"label\":\"{}\",\"start\":\"{}\",\"end\":\"{}\",\"starting\":{},\"active\":{}}}",
                       p ? "," : "", w.periods[p].label, to_iso(w.periods[p].start), to_iso(w.periods[p].end),
                       w.totals[p].starting, w.totals[p].active);
  out += "],\"owners\":[";
  for (size_t n = 0; n < w.owners.size(); ++n) {
    const OwnerLoad& o = w.owners[n];
    auto list = [](const std::vector<std::string>& xs) {
      std::string s;
      for (const std::string& x : xs) append_with_comma(s, json_quote(x));
      return "[" + s + "]";
    };
    out += fmt::format("{}\n  {{\"id\":{},\"name\":{},\"max_actions\":{},\"days_per_month\":{},\"periods\":[",
                       n ? "," : "", json_quote(o.owner.id), json_quote(o.owner.name),
                       o.owner.max_actions ? std::to_string(*o.owner.max_actions) : "null",
                       o.owner.days_per_month ? format_number(*o.owner.days_per_month) : "null");
    for (size_t p = 0; p < w.periods.size(); ++p) {
      const WorkloadCell& c = o.cells[p];
      out += fmt::format(
          "{}{{\"period\":\"{}\",\"led_at_once\":{},\"led\":{},\"supported\":{},\"effort_days\":{},"
          "\"over_actions\":{},\"over_days\":{}}}",
          p ? "," : "", w.periods[p].label, c.peak_led, list(c.led), list(c.supported), format_days(c.effort_days),
          c.over_actions, c.over_days);
    }
    out += "]}";
  }
  return out + (w.owners.empty() ? "]}\n" : "\n]}\n");
}

// --- savings ---------------------------------------------------------------------------

namespace {

std::string rag_name(Rag rag) {
  std::string s = rag == Rag::none ? "not rated" : to_string(rag);
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string share(double part, double whole) { return whole > 0 ? format_percent(100 * part / whole, 0) + "%" : ""; }

// Money in Markdown: the currency is plan text, so escaped like any other.
std::string md_money(double amount, std::string_view currency) {
  return escape_markdown(format_money(amount, currency));
}

// "55%", or "-" for a plan with no counted action.
std::string complete_text(const std::optional<double>& complete) {
  return complete ? format_percent(*complete, 0) + "%" : "-";
}

}  // namespace

std::string render_savings_markdown(const Savings& s, const std::string& h) {
  std::string out = fmt::format("{} Financial benefits as at {}\n\n", h, to_long(s.as_of));
  out +=
      "| Plan | Savings target | Expected by now | Delivered | Delivered of expected | RAG | % complete |\n"
      "|---|--:|--:|--:|--:|---|--:|\n";
  for (const PlanSavings& p : s.plans)
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", escape_markdown(p.plan->title),
                       p.target ? md_money(*p.target, p.plan->currency) : "none",
                       md_money(p.expected, p.plan->currency), md_money(p.delivered, p.plan->currency),
                       share(p.delivered, p.expected), rag_name(p.rag), complete_text(p.complete));
  // One total per currency: pounds and euros are never added together.
  for (const SavingsTotal& t : s.totals)
    out += fmt::format("| **Total{}{}** | {} | {} | {} | {} | {} | |\n", s.totals.size() > 1 ? " " : "",
                       s.totals.size() > 1 ? escape_markdown(t.currency) : "", md_money(t.target, t.currency),
                       md_money(t.expected, t.currency), md_money(t.delivered, t.currency),
                       share(t.delivered, t.expected), rag_name(t.rag));
  out += '\n';
  std::vector<std::string> lagging;
  for (const PlanSavings& p : s.plans)
    if (p.lags)
      lagging.push_back(fmt::format("- **{}**: {} of its savings delivered, though the work is {} complete",
                                    escape_markdown(p.plan->title), share(p.delivered, *p.target),
                                    complete_text(p.complete)));
  out += lagging.empty() ? "No plan's savings lag its completion.\n"
                         : "Savings lagging completion:\n\n" + fmt::format("{}", fmt::join(lagging, "\n")) + "\n";
  return out;
}

std::string render_savings_csv(const Savings& s) {
  std::string out =
      "plan,title,currency,savings_target,expected,delivered,delivered_of_expected,rag,complete,lags,as_of\r\n";
  for (const PlanSavings& p : s.plans)
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\r\n", csv_text(p.plan->id), csv_text(p.plan->title),
                       csv_text(p.plan->currency), p.target ? format_number(*p.target) : "", format_number(p.expected),
                       format_number(p.delivered),
                       p.expected > 0 ? format_percent(100 * p.delivered / p.expected, 1) : "", to_string(p.rag),
                       p.complete ? format_percent(*p.complete, 1) : "", p.lags ? "yes" : "no", to_iso(s.as_of));
  return out;
}

std::string render_savings_json(const Savings& s) {
  // Version 2: totals per currency replace version 1's single total, which added currencies.
  std::string out = fmt::format("{{\"version\":2,\"as_of\":\"{}\",\"totals\":[", to_iso(s.as_of));
  for (size_t i = 0; i < s.totals.size(); ++i) {
    const SavingsTotal& t = s.totals[i];
    out += fmt::format("{}{{\"currency\":{},\"target\":{},\"expected\":{},\"delivered\":{},\"rag\":\"{}\"}}",
                       i ? "," : "", json_quote(t.currency), format_number(t.target), format_number(t.expected),
                       format_number(t.delivered), to_string(t.rag));
  }
  out += "],\"plans\":[";
  for (size_t i = 0; i < s.plans.size(); ++i) {
    const PlanSavings& p = s.plans[i];
    out += fmt::format(
        "{}\n  {{\"id\":{},\"title\":{},\"currency\":{},\"savings_target\":{},\"expected\":{},"
        "\"delivered\":{},\"rag\":\"{}\",\"complete\":{},\"lags\":{}}}",
        i ? "," : "", json_quote(p.plan->id), json_quote(p.plan->title), json_quote(p.plan->currency),
        p.target ? format_number(*p.target) : "null", format_number(p.expected), format_number(p.delivered),
        to_string(p.rag), p.complete ? format_percent(*p.complete, 1) : "null", p.lags);
  }
  return out + (s.plans.empty() ? "]}\n" : "\n]}\n");
}

// --- calendar --------------------------------------------------------------------------

namespace {

std::string plan_list(const ReportDue& r) {
  std::string out;
  for (const Plan* p : r.plans) out += (out.empty() ? "" : "; ") + p->id + ": " + p->title;
  return out;
}

// RFC 5545 text: backslash, semicolon, comma and newline escaped.
std::string ics_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\r') continue;
    out += c;
  }
  return out;
}

// Whether a folded line may continue at `cut`: not inside a UTF-8 sequence, and not where
// the continuation line would read as a GitHub Actions workflow command in a CI log.
bool can_fold_at(const std::string& line, size_t cut) {
  return (static_cast<unsigned char>(line[cut]) & 0xC0) != 0x80 &&
         !starts_workflow_command(std::string_view(line).substr(cut));
}

// Folds a content line at 75 octets, CRLF-terminated. Where the continuation would start
// badly, the fold moves earlier (or, in a long run of colons, later).
std::string ics_line(const std::string& line) {
  std::string out;
  size_t start = 0, limit = 75;
  while (line.size() - start > limit) {
    size_t cut = start + limit;
    while (cut > start && !can_fold_at(line, cut)) --cut;
    if (cut == start)
      for (cut = start + limit + 1; cut < line.size() && !can_fold_at(line, cut);) ++cut;
    if (cut >= line.size()) break;
    out += line.substr(start, cut - start) + "\r\n ";
    start = cut;
    limit = 74;  // the leading space counts
  }
  return out + line.substr(start) + "\r\n";
}

// A stable hash of the exact body name, so bodies with similar names never share a UID.
std::uint32_t fnv1a(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

std::string render_calendar_markdown(const Calendar& c) {
  std::string out = "# Monitoring calendar\n\n| Date | Monitoring body | Every | Plans due |\n|---|---|---|---|\n";
  for (const ReportDue& r : c.reports)
    out += fmt::format("| {} | {} | {} | {} |\n", to_iso(r.date), escape_markdown(r.body), to_string(r.every),
                       escape_markdown(plan_list(r)));
  if (c.reports.empty()) out += "| | No reports fall due in these dates. | | |\n";
  for (const std::string& note : c.notes) out += fmt::format("\nNote: {}.\n", escape_markdown(note));
  return out;
}

std::string render_calendar_csv(const Calendar& c) {
  std::string out = "date,body,every,plan,title\r\n";
  for (const ReportDue& r : c.reports)
    for (const Plan* p : r.plans)
      out += fmt::format("{},{},{},{},{}\r\n", to_iso(r.date), csv_text(r.body), to_string(r.every), csv_text(p->id),
                         csv_text(p->title));
  return out;
}

std::string render_calendar_json(const Calendar& c) {
  std::string out = "{\"version\":1,\"reports\":[";
  for (size_t i = 0; i < c.reports.size(); ++i) {
    const ReportDue& r = c.reports[i];
    std::string plans;
    for (const Plan* p : r.plans) append_with_comma(plans, json_quote(p->id));
    out += fmt::format("{}\n  {{\"date\":\"{}\",\"body\":{},\"every\":\"{}\",\"plans\":[{}]}}", i ? "," : "",
                       to_iso(r.date), json_quote(r.body), to_string(r.every), plans);
  }
  out += c.reports.empty() ? "]" : "\n]";
  out += ",\"notes\":[";
  for (size_t i = 0; i < c.notes.size(); ++i) {
    if (i) out += ',';
    out += json_quote(c.notes[i]);
  }
  return out + "]}\n";
}

std::string render_calendar_ics(const Calendar& c, Date stamp) {
  std::string out;
  out += ics_line("BEGIN:VCALENDAR");
  out += ics_line("VERSION:2.0");
  out += ics_line("PRODID:-//bvplan//Monitoring calendar//EN");
  out += ics_line("CALSCALE:GREGORIAN");
  for (const ReportDue& r : c.reports) {
    out += ics_line("BEGIN:VEVENT");
    out += ics_line(fmt::format("UID:{}-{}-{:08x}@bvplan", to_basic(r.date), slug(r.body), fnv1a(r.body)));
    out += ics_line(fmt::format("DTSTAMP:{}T000000Z", to_basic(stamp)));
    out += ics_line(fmt::format("DTSTART;VALUE=DATE:{}", to_basic(r.date)));
    // A report due 9999-12-31 has no next day to end on; an all-day event without DTEND
    // lasts one day (RFC 5545, 3.6.1).
    if (r.date < Date::latest()) out += ics_line(fmt::format("DTEND;VALUE=DATE:{}", to_basic(r.date.plus_days(1))));
    out += ics_line("SUMMARY:" + ics_text(fmt::format("Progress report due to {}", r.body)));
    out +=
        ics_line("DESCRIPTION:" + ics_text(fmt::format("Plans due (every {}): {}", to_string(r.every), plan_list(r))));
    out += ics_line("TRANSP:TRANSPARENT");
    out += ics_line("END:VEVENT");
  }
  out += ics_line("END:VCALENDAR");
  return out;
}

}  // namespace bvplan
