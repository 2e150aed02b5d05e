#include "bvplan/formats/calendar.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/json.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/formats/table.hpp"

namespace bvplan {

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

std::string describe(const CalendarNote& note) {
  const Plan& plan = *note.plan;
  const Monitoring& m = *note.monitoring;
  if (note.kind == CalendarNote::Kind::beyond_9999)
    return fmt::format("{}: the report to {} due as the plan ends falls due after 9999-12-31 and is not listed",
                       plan.id, m.body);
  return fmt::format("{}: reports to {} every {} do not divide the plan period {} to {}; {}", plan.id, m.body,
                     to_string(m.every), to_iso(plan.start), to_iso(plan.end),
                     note.last ? fmt::format("the last falls due on {}, {} days before the plan ends",
                                             to_iso(*note.last), plan.end.days_since(*note.last))
                               : std::string("no report falls due within it"));
}

namespace {

// Whether any report names the period it covers (the plans' years do not start in January).
bool any_covers(const Calendar& c) {
  return std::any_of(c.reports.begin(), c.reports.end(), [](const ReportDue& r) { return !r.covers.empty(); });
}

}  // namespace

std::string render_calendar_markdown(const Calendar& c) {
  const bool covers = any_covers(c);
  Table table{{{"Date"}, {"Monitoring body"}, {"Every"}, {"Plans due"}}, {}};
  if (covers) table.columns.insert(table.columns.begin() + 3, {"Period covered"});
  const std::string blank(blank_cell);
  for (const ReportDue& r : c.reports) {
    table.rows.push_back({to_iso(r.date), escape_markdown(r.body), to_string(r.every), escape_markdown(plan_list(r))});
    if (covers) table.rows.back().insert(table.rows.back().begin() + 3, r.covers.empty() ? blank : r.covers);
  }
  if (c.reports.empty()) table.rows.push_back({blank, "No reports fall due in these dates.", blank, blank});
  std::string out = "# Monitoring calendar\n\n" + render_markdown(table);
  for (const CalendarNote& note : c.notes) out += fmt::format("\nNote: {}.\n", escape_markdown(describe(note)));
  return out;
}

std::string render_calendar_csv(const Calendar& c) {
  const bool covers = any_covers(c);
  Table table{covers ? titled_columns({"date", "body", "every", "covers", "plan", "title"})
                     : titled_columns({"date", "body", "every", "plan", "title"}),
              {}};
  for (const ReportDue& r : c.reports)
    for (const Plan* p : r.plans) {
      table.rows.push_back({to_iso(r.date), csv_text(r.body), to_string(r.every), csv_text(p->id), csv_text(p->title)});
      if (covers) table.rows.back().insert(table.rows.back().begin() + 3, r.covers);
    }
  return render_csv(table);
}

std::string render_calendar_json(const Calendar& c) {
  return render_to_string([&](Output& out) {
    JsonWriter json(out);
    json.begin_object().key("version").number(1).key("reports").begin_array({true, 2, true});
    for (const ReportDue& r : c.reports) {
      json.begin_object().key("date").string(to_iso(r.date)).key("body").string(r.body);
      json.key("every").string(to_string(r.every));
      if (!r.covers.empty()) json.key("covers").string(r.covers);
      json.key("plans").begin_array();
      for (const Plan* p : r.plans) json.string(p->id);
      json.end_array().end_object();
    }
    std::vector<std::string> notes;
    for (const CalendarNote& note : c.notes) notes.push_back(describe(note));
    json.end_array().key("notes").strings(notes).end_object();
    out.put('\n');
  });
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
    out += ics_line("SUMMARY:" + ics_text(r.covers.empty()
                                              ? fmt::format("Progress report due to {}", r.body)
                                              : fmt::format("Progress report for {} due to {}", r.covers, r.body)));
    out +=
        ics_line("DESCRIPTION:" + ics_text(fmt::format("Plans due (every {}): {}", to_string(r.every), plan_list(r))));
    out += ics_line("TRANSP:TRANSPARENT");
    out += ics_line("END:VEVENT");
  }
  out += ics_line("END:VCALENDAR");
  return out;
}

}  // namespace bvplan
