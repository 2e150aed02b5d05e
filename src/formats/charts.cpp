#include "bvplan/formats/charts.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "bvplan/formats/svg.hpp"
#include "bvplan/formats/text.hpp"

namespace bvplan {

namespace {

// Shared by both charts. Pattern ids are the same, with the same content, in every chart,
// so several charts inline in one HTML page may resolve each other's without harm.
// 560 wide, its smallest text 10: at the text width of an A4 page (160 mm) that text is
// 10 x 160 / 560 = 2.86 mm, 8.1 pt.
constexpr double width = 560;
constexpr double margin = 8;
constexpr const char* late_colour = "#b00020";

std::string count_text(size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// `text` at (x, y) with `anchor`, moved so that its reckoned width stays inside the chart.
std::string text_at(double x, double y, std::string_view text, double font_size, std::string_view anchor = "start",
                    std::string_view extra = "") {
  return svg_text(x, y, text, font_size, anchor, extra, width);
}

std::string svg_open(double height, std::string_view title) {
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "font-family=\"Arial, Helvetica, sans-serif\" role=\"img\">\n",
      width, height);
  out += "<title>" + xml(title) + "</title>\n";
  out += fmt::format("<rect x=\"0\" y=\"0\" width=\"{:.0f}\" height=\"{:.0f}\" fill=\"white\"/>\n", width, height);
  return out;
}

// ---- gantt ---------------------------------------------------------------------------

constexpr double plot_left = 250, plot_right = width - 10;
constexpr double row_h = 16;
constexpr double label_font = 10, status_font = 10;
constexpr double axis_y = 66, rows_top = 70;
// A row's status word ("Late 65%", "Met") ends at plot_left - 6; the label before it ends
// 8 further left.
double label_end(std::string_view status) { return plot_left - 6 - label_width(status, status_font) - 8; }

std::string gantt_defs() {
  return "<defs>\n"
         "<pattern id=\"bvplan-late\" patternUnits=\"userSpaceOnUse\" width=\"5\" height=\"5\" "
         "patternTransform=\"rotate(45)\"><rect width=\"5\" height=\"5\" fill=\"white\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"5\" stroke=\"#b00020\" stroke-width=\"2\"/></pattern>\n"
         "</defs>\n";
}

// Months counted from year 0, so that ticks can fall on round months.
long month_index(Date d) { return static_cast<long>(d.year()) * 12 + static_cast<long>(d.month()) - 1; }
Date month_start(long index) {
  return Date::from_ymd(static_cast<int>(index / 12), static_cast<unsigned>(index % 12 + 1), 1);
}

struct Scale {
  Date first, last;  // first day of the first month; first day after the last month
  double span = 1;
  double x(Date d) const {
    double at = static_cast<double>(d.days_since(first)) / span;
    return plot_left + (plot_right - plot_left) * std::clamp(at, 0.0, 1.0);
  }
};

// From the first month of the plan (or its earliest action) to the last of its end (or
// latest due date). An as-of date outside reaches at most three months further: a paper
// of 2026 on a plan of 2004 keeps 2004 readable, its as-at line at the edge.
Scale gantt_scale(const PlanFigures& p) {
  std::optional<Date> lo, hi;
  auto take = [&](Date d) {
    lo = lo ? std::min(*lo, d) : d;
    hi = hi ? std::max(*hi, d) : d;
  };
  if (p.plan) {
    take(p.plan->start);
    take(p.plan->end);
  }
  for (const ActionFigures& a : p.actions) {
    take(a.action->start);
    take(a.action->due);
  }
  for (const MilestoneFigures& m : p.milestones) take(m.milestone->due);
  if (!lo) take(p.as_of);
  Date first = *lo, last = *hi;
  if (p.as_of > last) last = std::min(p.as_of, last.plus_months(3));
  if (p.as_of < first) first = std::max(p.as_of, first.plus_months(-3));
  first = std::max(first, Date::earliest());
  last = std::min(last, Date::latest());
  Scale s;
  s.first = month_start(month_index(first));
  s.last = month_start(month_index(last) + 1);
  s.span = std::max(1.0, static_cast<double>(s.last.days_since(s.first)));
  return s;
}

// Month labels: a step of 1, 2, 3, 6 or 12 months or whole years, so that they fit; ticks
// on round months (quarters, Januaries). A label the as-at line would cross is left out.
void write_month_axis(std::string& out, const Scale& s, double as_at_x, double label_y, double top, double bottom) {
  const long first = month_index(s.first), last = month_index(s.last);
  const long months = std::max(1L, last - first);
  const long fits = static_cast<long>((plot_right - plot_left) / (label_width("Mmm 0000", status_font) + 8));
  static constexpr std::array<long, 12> steps{1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400};
  long step = steps.back() * 10;
  for (long candidate : steps)
    if (months / candidate <= fits) {
      step = candidate;
      break;
    }
  for (long m = (first + step - 1) / step * step; m <= last; m += step) {
    Date d = month_start(m);
    double x = s.x(d);
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#cccccc\" "
        "stroke-width=\"0.5\"/>\n",
        x, top, bottom);
    std::string label = to_month_year(d);
    const double from = x + 2, to = from + label_width(label, status_font);
    if (to > width - 2) continue;
    if (as_at_x >= from - 3 && as_at_x <= to + 3) continue;
    out += text_at(from, label_y, label, status_font);
  }
}

std::string status_word(const ActionFigures& a) {
  switch (a.state) {
    case State::complete: return "Done";
    case State::deferred: return "Deferred";
    case State::cancelled: return "Cancelled";
    case State::overdue: return "Late " + percent_text(a.actual);
    case State::not_started:
    case State::in_progress: break;
  }
  return percent_text(a.actual);
}

void write_action_row(std::string& out, const ActionFigures& a, const Scale& s, Date as_of, double y) {
  const Action& action = *a.action;
  const double label_x = margin + 4;
  const std::string status = status_word(a);
  out += text_at(label_x, y + 11.5, fit_width(action.id + " " + action.title, label_font, label_end(status) - label_x),
                 label_font);
  out += text_at(plot_left - 6, y + 11.5, status, status_font, "end");
  const double x0 = s.x(action.start), x1 = s.x(action.due);
  const double w = std::max(1.5, x1 - x0);
  const double top = y + 3, h = 10;
  if (a.state == State::deferred || a.state == State::cancelled) {
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"none\" stroke=\"#555555\" "
        "stroke-dasharray=\"3 2\"/>\n",
        x0, top, w, h);
    return;
  }
  if (a.state == State::overdue && as_of > action.due)
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"url(#bvplan-late)\" "
        "stroke=\"{}\" stroke-width=\"0.8\"/>\n",
        x0 + w, top, std::max(1.5, s.x(as_of) - x0 - w), h, late_colour);
  out += fmt::format(
      "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"white\" stroke=\"black\" "
      "stroke-width=\"0.8\"/>\n",
      x0, top, w, h);
  const double done = a.state == State::complete ? 1.0 : std::clamp(a.actual / 100, 0.0, 1.0);
  if (done > 0)
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>\n", x0, top + 2,
                       w * done, h - 4, a.state == State::complete ? "#222222" : "#8a8a8a");
}

std::string diamond(double x, double y, double r, std::string_view fill, std::string_view stroke, double stroke_width) {
  return fmt::format(
      "<path d=\"M {:.1f} {:.1f} l {r} {r} l -{r} {r} l -{r} -{r} z\" fill=\"{}\" stroke=\"{}\" "
      "stroke-width=\"{}\"/>\n",
      x, y - r, fill, stroke, stroke_width, fmt::arg("r", r));
}

std::string milestone_marker(MilestoneState state, double x, double y) {
  switch (state) {
    case MilestoneState::done: return diamond(x, y, 5, "black", "black", 1);
    case MilestoneState::overdue: return diamond(x, y, 5.5, "url(#bvplan-late)", late_colour, 1.5);
    case MilestoneState::pending: break;
  }
  return diamond(x, y, 5, "white", "black", 1);
}

void write_milestone_row(std::string& out, const MilestoneFigures& m, const Scale& s, double y) {
  const Milestone& milestone = *m.milestone;
  const double label_x = margin + 16;
  const char* word = m.state == MilestoneState::done ? "Met" : m.state == MilestoneState::overdue ? "Late" : "";
  out +=
      text_at(label_x, y + 11.5, fit_width(milestone.id + " " + milestone.title, label_font, label_end(word) - label_x),
              label_font, "start", "font-style=\"italic\"");
  if (*word) out += text_at(plot_left - 6, y + 11.5, word, status_font, "end");
  out += milestone_marker(m.state, s.x(milestone.due), y + 8);
}

// The legend, wrapped over as many lines as it needs, from `y`; returns the y below it.
struct LegendItem {
  std::string swatch;  // drawn with its left edge at 0 and its middle at 0: translated
  std::string words;
};

constexpr double legend_font = 10;

double write_legend(std::string& out, const std::vector<LegendItem>& items, double y) {
  constexpr double swatch_w = 24, gap = 14, line_h = 17;
  double x = margin;
  y += line_h / 2;
  for (const LegendItem& item : items) {
    const double item_w = swatch_w + 5 + label_width(item.words, legend_font);
    if (x > margin && x + item_w > width - margin) {
      x = margin;
      y += line_h;
    }
    out += fmt::format("<g transform=\"translate({:.1f} {:.1f})\">{}</g>\n", x, y, item.swatch);
    out += text_at(x + swatch_w + 5, y + 3.5, item.words, legend_font);
    x += item_w + gap;
  }
  return y + line_h / 2;
}

std::vector<LegendItem> gantt_legend() {
  std::vector<LegendItem> items;
  auto bar = [](std::string_view fill, std::string_view more = "") {
    return fmt::format(
        "<rect x=\"0\" y=\"-5\" width=\"24\" height=\"10\" fill=\"{}\" stroke=\"black\" "
        "stroke-width=\"0.8\"{}/>",
        fill, more);
  };
  items.push_back({bar("white"), "Planned, start to due"});
  items.push_back(
      {bar("white") + "<rect x=\"0\" y=\"-3\" width=\"12\" height=\"6\" fill=\"#8a8a8a\"/>", "Share done (actual %)"});
  items.push_back({bar("white") + "<rect x=\"0\" y=\"-3\" width=\"24\" height=\"6\" fill=\"#222222\"/>", "Complete"});
  items.push_back({fmt::format("<rect x=\"0\" y=\"-5\" width=\"24\" height=\"10\" fill=\"url(#bvplan-late)\" "
                               "stroke=\"{}\" stroke-width=\"0.8\"/>",
                               late_colour),
                   "Overdue: due date to as-at date"});
  items.push_back(
      {"<rect x=\"0\" y=\"-5\" width=\"24\" height=\"10\" fill=\"none\" stroke=\"#555555\" "
       "stroke-dasharray=\"3 2\"/>",
       "Deferred or cancelled"});
  items.push_back({milestone_marker(MilestoneState::pending, 12, 0), "Milestone"});
  items.push_back({milestone_marker(MilestoneState::done, 12, 0), "Milestone met"});
  items.push_back({milestone_marker(MilestoneState::overdue, 12, 0), "Milestone overdue"});
  items.push_back(
      {"<line x1=\"12\" y1=\"-7\" x2=\"12\" y2=\"7\" stroke=\"black\" stroke-dasharray=\"4 3\"/>", "As-at date"});
  return items;
}

// The legend's height, the same in every gantt.
double gantt_legend_height() {
  std::string scratch;
  return write_legend(scratch, gantt_legend(), 0);
}

// The rows to draw: key issue headings, actions and their milestones, in file order.
struct GanttRow {
  enum class Kind { issue, action, milestone } kind;
  const void* item;
  bool continued = false;  // a heading repeated at the top of a picture
};

// Each key issue's rows: its heading, then its actions, each followed by its milestones.
std::vector<std::vector<GanttRow>> gantt_issue_rows(const PlanFigures& p) {
  std::map<const KeyIssue*, std::vector<const ActionFigures*>> by_issue;
  for (const ActionFigures& a : p.actions) by_issue[a.issue].push_back(&a);
  std::map<const Action*, std::vector<const MilestoneFigures*>> by_action;
  for (const MilestoneFigures& m : p.milestones) by_action[m.action].push_back(&m);
  std::vector<std::vector<GanttRow>> out;
  for (const IssueFigures& i : p.issues) {
    std::vector<GanttRow>& rows = out.emplace_back();
    rows.push_back({GanttRow::Kind::issue, &i});
    auto actions = by_issue.find(i.issue);
    if (actions == by_issue.end()) continue;
    for (const ActionFigures* a : actions->second) {
      rows.push_back({GanttRow::Kind::action, a});
      auto milestones = by_action.find(a->action);
      if (milestones == by_action.end()) continue;
      for (const MilestoneFigures* m : milestones->second) rows.push_back({GanttRow::Kind::milestone, m});
    }
  }
  return out;
}

std::string plan_title(const PlanFigures& p) { return p.plan ? p.plan->title : std::string(); }

// The height of a gantt of `rows` rows (at least one).
double gantt_height(size_t rows) {
  return rows_top + row_h * static_cast<double>(std::max<size_t>(1, rows)) + 8 + gantt_legend_height() + 8;
}

// One gantt of `rows` without its <svg> element and patterns, from y 0; returns its height.
// `part` is "" for a whole plan, else ", part 2 of 3".
double write_gantt(std::string& out, const PlanFigures& p, const std::vector<GanttRow>& rows, std::string_view part) {
  const Scale scale = gantt_scale(p);
  const double rows_bottom = rows_top + row_h * static_cast<double>(std::max<size_t>(1, rows.size()));
  const double as_at_x = scale.x(p.as_of);

  out += text_at(margin, 20, fit_width("Timeline: " + plan_title(p), 14, width - 2 * margin), 14, "start",
                 "font-weight=\"bold\"");
  out += text_at(margin, 36,
                 fit_width("Actions and milestones by key issue, as at " + to_long(p.as_of) + std::string(part),
                           label_font, width - 2 * margin),
                 label_font);
  write_month_axis(out, scale, as_at_x, axis_y - 4, axis_y, rows_bottom);
  out += fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"black\" stroke-width=\"0.8\"/>\n",
      plot_left, axis_y, plot_right, axis_y);
  double y = rows_top;
  if (rows.empty()) out += text_at(margin + 4, y + 11.5, "No actions in this plan", label_font);
  for (const GanttRow& row : rows) {
    switch (row.kind) {
      case GanttRow::Kind::issue: {
        const KeyIssue& issue = *static_cast<const IssueFigures*>(row.item)->issue;
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{}\" fill=\"#eeeeee\"/>\n",
                           margin, y + 1, width - 2 * margin, row_h - 2);
        // Cut by its reckoned width (bold is reckoned as the rest): it stays inside the picture.
        const std::string more = row.continued ? " (continued)" : "";
        const double room = width - 2 * margin - 4 - label_width(more, label_font);
        out += text_at(margin + 2, y + 11.5, fit_width(issue.id + " " + issue.title, label_font, room) + more,
                       label_font, "start", "font-weight=\"bold\"");
        break;
      }
      case GanttRow::Kind::action:
        write_action_row(out, *static_cast<const ActionFigures*>(row.item), scale, p.as_of, y);
        break;
      case GanttRow::Kind::milestone:
        write_milestone_row(out, *static_cast<const MilestoneFigures*>(row.item), scale, y);
        break;
    }
    y += row_h;
  }
  // The as-at line over the bars, its date at its head, above the month labels.
  out += fmt::format(
      "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"black\" "
      "stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>\n",
      as_at_x, axis_y - 16, rows_bottom);
  const bool off_chart = p.as_of < scale.first || p.as_of >= scale.last;
  out += text_at(as_at_x, axis_y - 19, "As at " + to_long(p.as_of) + (off_chart ? " (off the chart)" : ""), status_font,
                 "middle", "font-weight=\"bold\"");
  return write_legend(out, gantt_legend(), rows_bottom + 8) + 8;
}

std::string gantt_open(double height, const PlanFigures& p, std::string_view part) {
  std::string out =
      svg_open(height, "Timeline: " + plan_title(p) + " (as at " + to_long(p.as_of) + std::string(part) + ")");
  return out + gantt_defs();
}

// ---- RAG summary ---------------------------------------------------------------------

constexpr double bar_left = 200, bar_right = 460, rag_row_h = 22;
constexpr double count_font = 10;

struct Part {
  Rag rag;
  const char* letter;
  const char* words;
  const char* fill;
};

constexpr std::array<Part, 5> parts{{
    {Rag::green, "G", "Green: on target", "#9fd8a8"},
    {Rag::amber, "A", "Amber: behind target", "url(#bvplan-amber)"},
    {Rag::red, "R", "Red: well behind or overdue", "url(#bvplan-red)"},
    {Rag::complete, "C", "Complete", "url(#bvplan-complete)"},
    {Rag::none, "N", "Not rated: not started, deferred or cancelled", "white"},
}};

std::string rag_defs() {
  return "<defs>\n"
         "<pattern id=\"bvplan-amber\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
         "<rect width=\"6\" height=\"6\" fill=\"#ffd27f\"/><circle cx=\"3\" cy=\"3\" r=\"1.1\" "
         "fill=\"#7a5200\"/></pattern>\n"
         "<pattern id=\"bvplan-red\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f4a3a3\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#8b0000\" stroke-width=\"1.5\"/></pattern>\n"
         "<pattern id=\"bvplan-complete\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
         "<rect width=\"6\" height=\"6\" fill=\"#d0d0d0\"/><line x1=\"0\" y1=\"3\" x2=\"6\" y2=\"3\" "
         "stroke=\"#555555\" stroke-width=\"1\"/></pattern>\n"
         "</defs>\n";
}

size_t count_of(const RagCounts& c, Rag rag) {
  switch (rag) {
    case Rag::green: return c.green;
    case Rag::amber: return c.amber;
    case Rag::red: return c.red;
    case Rag::complete: return c.complete;
    case Rag::none: break;
  }
  return c.none;
}

// One bar: each part at least wide enough for its letter and count, the rest shared out
// by count.
void write_rag_bar(std::string& out, const RagCounts& counts, double y) {
  size_t total = 0;
  double need = 0;
  std::array<double, parts.size()> min_w{};
  std::array<std::string, parts.size()> texts;
  for (size_t k = 0; k < parts.size(); ++k) {
    size_t n = count_of(counts, parts[k].rag);
    total += n;
    if (n == 0) continue;
    texts[k] = std::string(parts[k].letter) + " " + count_text(n);
    min_w[k] = label_width(texts[k], count_font) + 8;
    need += min_w[k];
  }
  const double bar_w = bar_right - bar_left;
  if (total == 0) {
    out += text_at(bar_left, y + 15, "no actions", count_font, "start", "font-style=\"italic\"");
    return;
  }
  const double spare = std::max(0.0, bar_w - need);
  double x = bar_left;
  for (size_t k = 0; k < parts.size(); ++k) {
    size_t n = count_of(counts, parts[k].rag);
    if (n == 0) continue;
    double w = min_w[k] + spare * static_cast<double>(n) / static_cast<double>(total);
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"16\" fill=\"{}\" stroke=\"black\" "
        "stroke-width=\"0.8\"/>\n",
        x, y + 3, w, parts[k].fill);
    out += text_at(x + w / 2, y + 15, texts[k], count_font, "middle",
                   "font-weight=\"bold\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\"");
    x += w;
  }
  out += text_at(bar_right + 6, y + 15, count_text(total) + (total == 1 ? " action" : " actions"), count_font);
}

}  // namespace

std::vector<std::vector<size_t>> gantt_layout(const std::vector<std::vector<size_t>>& issues, size_t rows_per_page) {
  rows_per_page = std::max<size_t>(rows_per_page, 2);  // a heading and a row, at least
  std::vector<std::vector<size_t>> pages;
  size_t used = rows_per_page;  // no page yet: as if full
  for (const std::vector<size_t>& given : issues) {
    std::vector<size_t> groups;  // what is left of each group, in order
    for (size_t g : given)
      if (g > 0) groups.push_back(g);
    if (groups.empty()) groups.push_back(1);
    size_t rows = 0;
    for (size_t g : groups) rows += g;
    // A new picture when the issue does not fit on this one, unless it would not fit on a
    // picture of its own either and this one has room for its heading and two rows.
    if (used + rows > rows_per_page && (rows <= rows_per_page || used + 3 > rows_per_page)) {
      pages.emplace_back();
      used = 0;
    }
    size_t done = 0, next = 0;  // rows placed; the first group not placed whole
    while (done < rows) {
      const size_t room = rows_per_page - used;
      size_t take = rows - done;
      if (take > room) {
        // Cut between groups: the whole groups that fit. A group longer than a picture
        // is cut where the picture ends; one that would fit a picture goes to the next.
        size_t whole = 0;
        for (size_t g = next; g < groups.size() && whole + groups[g] <= room; ++g) whole += groups[g];
        // Only the heading would fit: on a picture with other issues it goes to the next
        // with its first action; on a fresh one that action is longer than any picture.
        const bool heading_alone = done == 0 && whole <= groups.front();
        if (whole > 0 && !heading_alone) {
          take = whole;
        } else if (used > 1 || (done == 0 && used > 0)) {
          pages.emplace_back();
          used = done > 0 ? 1 : 0;  // the heading again, "(continued)", once the issue has begun
          continue;
        } else {
          take = room;
        }
      }
      for (size_t t = take; t > 0;) {
        const size_t from = std::min(t, groups[next]);
        groups[next] -= from;
        t -= from;
        if (groups[next] == 0) ++next;
      }
      pages.back().push_back(take);
      used += take;
      done += take;
      if (done < rows) {
        pages.emplace_back();
        used = 1;  // the heading again, "(continued)"
      }
    }
  }
  if (pages.empty()) pages.emplace_back();
  return pages;
}

std::vector<std::vector<size_t>> gantt_layout(const std::vector<size_t>& issue_rows, size_t rows_per_page) {
  std::vector<std::vector<size_t>> issues;
  for (size_t rows : issue_rows) issues.emplace_back(std::max<size_t>(1, rows), 1);
  return gantt_layout(issues, rows_per_page);
}

std::vector<std::string> gantt_svgs(const PlanFigures& p) {
  const std::vector<std::vector<GanttRow>> issues = gantt_issue_rows(p);
  const double fixed = gantt_height(0) - row_h;
  const auto per_page = static_cast<size_t>(std::max(2.0, std::floor((gantt_page_height - fixed) / row_h)));
  // Each issue's groups: its heading, then each action with its milestones, kept together.
  std::vector<std::vector<size_t>> groups;
  for (const std::vector<GanttRow>& rows : issues) {
    std::vector<size_t>& sizes = groups.emplace_back();
    for (const GanttRow& row : rows) {
      if (row.kind == GanttRow::Kind::milestone && !sizes.empty())
        ++sizes.back();
      else
        sizes.push_back(1);
    }
  }
  const std::vector<std::vector<size_t>> layout = gantt_layout(groups, per_page);
  // Each page's rows: each issue's next `take` rows, its heading repeated when it goes on.
  std::vector<std::vector<GanttRow>> pages;
  size_t issue = 0, at = 0;
  for (const std::vector<size_t>& page : layout) {
    std::vector<GanttRow>& rows = pages.emplace_back();
    for (size_t take : page) {
      if (at == issues[issue].size()) {
        ++issue;
        at = 0;
      }
      if (at > 0) {
        GanttRow heading = issues[issue].front();
        heading.continued = true;
        rows.push_back(heading);
      }
      for (size_t n = 0; n < take && at < issues[issue].size(); ++n) rows.push_back(issues[issue][at++]);
    }
  }
  std::vector<std::string> out;
  for (size_t n = 0; n < pages.size(); ++n) {
    const std::string part = pages.size() > 1 ? fmt::format(", part {} of {}", n + 1, pages.size()) : "";
    std::string body;
    const double height = write_gantt(body, p, pages[n], part);
    std::string svg = gantt_open(height, p, part);
    svg += body;
    svg += "</svg>\n";
    out.push_back(std::move(svg));
  }
  return out;
}

namespace {

std::vector<GanttRow> all_rows(const PlanFigures& p) {
  std::vector<GanttRow> rows;
  for (std::vector<GanttRow>& issue : gantt_issue_rows(p)) rows.insert(rows.end(), issue.begin(), issue.end());
  return rows;
}

}  // namespace

std::string gantt_svg(const PlanFigures& p) {
  std::string body;
  const double height = write_gantt(body, p, all_rows(p), "");
  std::string out = gantt_open(height, p, "");
  out += body;
  out += "</svg>\n";
  return out;
}

std::string gantt_svg(const std::vector<PlanFigures>& plans) {
  if (plans.size() == 1) return gantt_svg(plans.front());
  std::string body;
  double height = 0;
  for (const PlanFigures& p : plans) {
    if (height > 0) {
      body += fmt::format("<line x1=\"0\" y1=\"{0:.1f}\" x2=\"{1:.0f}\" y2=\"{0:.1f}\" stroke=\"black\"/>\n",
                          height + 6, width);
      height += 12;
    }
    body += fmt::format("<g transform=\"translate(0 {:.1f})\">\n", height);
    height += write_gantt(body, p, all_rows(p), "");
    body += "</g>\n";
  }
  const std::string as_of = plans.empty() ? std::string() : " (as at " + to_long(plans.front().as_of) + ")";
  std::string out = svg_open(std::max(height, 1.0), "Timelines: " + plural(plans.size(), "plan") + as_of);
  out += gantt_defs();
  out += body;
  out += "</svg>\n";
  return out;
}

std::string rag_summary_svg(const PlanFigures& p) {
  std::map<const KeyIssue*, RagCounts> by_issue;
  for (const ActionFigures& a : p.actions) by_issue[a.issue].add(a.rag);
  const size_t shown = std::min(p.issues.size(), rag_summary_max_issues);
  const size_t left = p.issues.size() - shown;
  const double summary_top = 48;
  const double rows_bottom = summary_top + rag_row_h * static_cast<double>(shown + (left > 0 ? 1 : 0));
  const double total_top = rows_bottom + 6;
  std::vector<LegendItem> items;
  for (const Part& part : parts)
    items.push_back(
        {fmt::format("<rect x=\"0\" y=\"-6\" width=\"24\" height=\"12\" fill=\"{}\" stroke=\"black\" "
                     "stroke-width=\"0.8\"/><text x=\"12\" y=\"3.5\" font-size=\"10\" text-anchor=\"middle\" "
                     "font-weight=\"bold\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                     part.fill, part.letter),
         part.words});
  std::string legend;
  const double legend_bottom = write_legend(legend, items, total_top + rag_row_h + 8);
  const double height = legend_bottom + 8;

  const std::string title = "RAG summary: " + plan_title(p);
  std::string out = svg_open(height, title + " (as at " + to_long(p.as_of) + ")");
  out += rag_defs();
  out += text_at(margin, 20, fit_width(title, 14, width - 2 * margin), 14, "start", "font-weight=\"bold\"");
  out += text_at(margin, 36, "Actions by RAG rating in each key issue, as at " + to_long(p.as_of), label_font);
  double y = summary_top;
  for (size_t n = 0; n < shown; ++n, y += rag_row_h) {
    const KeyIssue& issue = *p.issues[n].issue;
    out += text_at(margin + 4, y + 15, fit_width(issue.id + " " + issue.title, label_font, bar_left - 8 - (margin + 4)),
                   label_font);
    auto counts = by_issue.find(&issue);
    write_rag_bar(out, counts == by_issue.end() ? RagCounts{} : counts->second, y);
  }
  if (left > 0)
    out += text_at(margin + 4, y + 15,
                   "and " + count_text(left) + (left == 1 ? " more key issue" : " more key issues") +
                       " not shown (in the whole plan below)",
                   label_font, "start", "font-style=\"italic\"");
  out += fmt::format(
      "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"black\" stroke-width=\"0.8\"/>\n", margin,
      total_top, width - margin, total_top);
  out += text_at(margin + 4, total_top + 15, "Whole plan", label_font, "start", "font-weight=\"bold\"");
  write_rag_bar(out, p.counts, total_top);
  out += legend;
  out += "</svg>\n";
  return out;
}

}  // namespace bvplan
