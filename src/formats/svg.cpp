#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "bvplan/core/utf8.hpp"
#include "bvplan/formats/history.hpp"
#include "bvplan/formats/svg.hpp"
#include "bvplan/formats/text.hpp"

namespace bvplan {

std::string xml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "&#10;"; break;  // no raw line break: a line of the file never starts with plan text
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

size_t label_length(std::string_view text) {
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++n) i += std::max<size_t>(1, utf8_length(text, i));
  return n;
}

double label_width(std::string_view text, double font_size) {
  return 0.6 * font_size * static_cast<double>(label_length(text));
}

std::string fit_label(std::string_view text, size_t max_chars) {
  std::string out;
  const bool cut = label_length(text) > max_chars;
  const size_t keep = cut ? (max_chars > 0 ? max_chars - 1 : 0) : max_chars;
  size_t n = 0;
  for (size_t i = 0; i < text.size() && n < keep; ++n) {
    size_t len = utf8_length(text, i);
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (len == 0)
      out += "\xEF\xBF\xBD";  // not UTF-8: U+FFFD
    else if (c < 0x20 || c == 0x7F)
      out += ' ';
    else
      out.append(text.substr(i, len));
    i += std::max<size_t>(1, len);
  }
  if (cut && max_chars > 0) out += "\xE2\x80\xA6";  // …
  return out;
}

std::string fit_width(std::string_view text, double font_size, double max_width) {
  const double per_char = 0.6 * font_size;
  const double chars = per_char > 0 ? std::floor(std::max(0.0, max_width) / per_char) : 0;
  return fit_label(text, static_cast<size_t>(std::min(chars, 1e9)));
}

void BrokenLine::point(double x, double y) {
  path_ += fmt::format("{}{:.1f} {:.1f}", path_.empty() ? "M " : broken_ ? " M " : " L ", x, y);
  broken_ = false;
}

std::string svg_text(double x, double y, std::string_view text, double font_size, std::string_view anchor,
                     std::string_view attributes, double view_width) {
  const double w = label_width(text, font_size);
  const double from = anchor == "middle" ? x - w / 2 : anchor == "end" ? x - w : x;
  double shift = 0;
  if (from + w > view_width - 2) shift = view_width - 2 - (from + w);
  if (from + shift < 2) shift = 2 - from;
  std::string out = fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{}\"", x + shift, y, font_size);
  if (anchor != "start") out += fmt::format(" text-anchor=\"{}\"", anchor);
  if (!attributes.empty()) out += fmt::format(" {}", attributes);
  return out + ">" + xml(text) + "</text>\n";
}

SeriesStyle series_style(size_t n) {
  static constexpr std::array<std::string_view, 7> shapes{"circle",        "square", "triangle", "diamond",
                                                          "triangle-down", "cross",  "plus"};
  static constexpr std::array<std::string_view, 7> dashes{"", "9 3", "3 3", "9 3 2 3", "16 4", "1 4", "12 3 2 3 2 3"};
  const size_t marker = n % 12;
  return {shapes[marker < 7 ? marker : marker - 7], marker >= 7, dashes[n % dashes.size()]};
}

std::string series_marker(size_t n, double x, double y) {
  const SeriesStyle style = series_style(n);
  const char* fill = style.filled ? "black" : "white";
  if (style.marker == "circle")
    return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\" stroke=\"black\"/>\n", x, y, fill);
  if (style.marker == "square")
    return fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"7\" height=\"7\" fill=\"{}\" stroke=\"black\"/>\n",
                       x - 3.5, y - 3.5, fill);
  if (style.marker == "triangle")
    return fmt::format("<path d=\"M {:.1f} {:.1f} l 4 7 l -8 0 z\" fill=\"{}\" stroke=\"black\"/>\n", x, y - 4.5, fill);
  if (style.marker == "diamond")
    return fmt::format(
        "<path d=\"M {:.1f} {:.1f} l 4.5 4.5 l -4.5 4.5 l -4.5 -4.5 z\" fill=\"{}\" stroke=\"black\"/>\n", x, y - 4.5,
        fill);
  if (style.marker == "triangle-down")
    return fmt::format("<path d=\"M {:.1f} {:.1f} l 4 -7 l -8 0 z\" fill=\"{}\" stroke=\"black\"/>\n", x, y + 4.5,
                       fill);
  if (style.marker == "cross")
    return fmt::format(
        "<path d=\"M {:.1f} {:.1f} l 7 7 m 0 -7 l -7 7\" fill=\"none\" stroke=\"black\" stroke-width=\"1.6\"/>\n",
        x - 3.5, y - 3.5);
  return fmt::format(
      "<path d=\"M {:.1f} {:.1f} h 9 m -4.5 -4.5 v 9\" fill=\"none\" stroke=\"black\" stroke-width=\"1.6\"/>\n",
      x - 4.5, y);
}

namespace {

// The chart's geometry: the plot area, and the mapping from dates and percents into it.
// 640 wide with text of 12: at 160 mm (an A4 page's text width) that prints at 8.5 pt.
struct Chart {
  double width = 640, left = 60, right = 30, top = 60, plot_h = 260;
  double plot_w = 0;
  Date first;
  double span = 1;

  explicit Chart(const std::vector<HistoryPoint>& points) {
    plot_w = width - left - right;
    first = points.empty() ? Date{} : points.front().date;
    Date last = first;
    for (const HistoryPoint& p : points) {
      first = std::min(first, p.date);
      last = std::max(last, p.date);
    }
    span = std::max(1.0, static_cast<double>(last.days_since(first)));
  }
  double x(Date d) const { return left + plot_w * static_cast<double>(d.days_since(first)) / span; }
  double y(double percent) const { return top + plot_h * (1 - percent / 100); }
  double axis_y() const { return top + plot_h; }
};

// Plans in order of first appearance, with their titles and latest updates.
struct PlanList {
  std::vector<std::string> ids;
  std::map<std::string, std::string> titles;
  std::map<std::string, std::optional<Date>> last_update;
};

PlanList plans_in_order(const std::vector<HistoryPoint>& points) {
  PlanList plans;
  for (const HistoryPoint& p : points) {
    if (plans.titles.emplace(p.plan, p.title).second) plans.ids.push_back(p.plan);
    std::optional<Date>& last = plans.last_update[p.plan];
    if (p.last_update && (!last || *p.last_update > *last)) last = p.last_update;
  }
  return plans;
}

std::string chart_title(const PlanList& plans) {
  if (plans.ids.size() == 1) return "Progress over time: " + plans.titles.at(plans.ids.front());
  return "Progress over time: " + plural(plans.ids.size(), "plan");
}

void write_header(std::string& out, const Chart& chart, double height, const PlanList& plans) {
  out += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\" role=\"img\">\n",
      chart.width, height);
  const std::string title = chart_title(plans);
  out += "<title>" + xml(title) + "</title>\n";
  out +=
      fmt::format("<rect x=\"0\" y=\"0\" width=\"{:.0f}\" height=\"{:.0f}\" fill=\"white\"/>\n", chart.width, height);
  out += svg_text(8, 24, fit_width(title, 14, chart.width - 16), 14, "start", "font-weight=\"bold\"", chart.width);
  out += svg_text(8, 42, "Target and actual % complete at each date", 12, "start", "", chart.width);
}

// The grid, both axes and the percent labels.
void write_axes(std::string& out, const Chart& chart) {
  const double left = chart.left, top = chart.top, plot_w = chart.plot_w, plot_h = chart.plot_h;
  for (int percent = 0; percent <= 100; percent += 25) {
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#bbbbbb\" stroke-width=\"0.5\"/>\n",
        left, chart.y(percent), left + plot_w, chart.y(percent));
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}%</text>\n", left - 6,
                       chart.y(percent) + 4, percent);
  }
  out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"black\"/>\n", left,
                     top, top + plot_h);
  out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"black\"/>\n", left,
                     top + plot_h, left + plot_w);
  out += fmt::format(
      "<text x=\"16\" y=\"{:.1f}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {:.1f})\">% complete</text>\n",
      top + plot_h / 2, top + plot_h / 2);
}

// Date labels as months ("Jun 2004"): one per distinct month when few, else about seven
// evenly spaced; each kept inside the chart.
void write_date_labels(std::string& out, const Chart& chart, const std::vector<HistoryPoint>& points) {
  std::vector<Date> dates;
  for (const HistoryPoint& p : points) dates.push_back(p.date);
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  const size_t step = std::max<size_t>(1, (dates.size() + 6) / 7);
  std::string previous;
  for (size_t i = 0; i < dates.size(); i += step) {
    // The last date always gets its label: the chart's end.
    if (i + step >= dates.size() && i + 1 < dates.size()) i = dates.size() - 1;
    std::string label = to_month_year(dates[i]);
    if (label == previous) continue;
    previous = label;
    double px = chart.x(dates[i]);
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"black\"/>\n", px,
                       chart.axis_y(), chart.axis_y() + 5);
    out += svg_text(px, chart.axis_y() + 19, label, 12, "middle", "", chart.width);
  }
}

// Strokes. One plan: target dashed, actual solid with markers, and the actual after the
// plan's last update (figures carried forward, not measured) dotted, without markers.
// Several: each plan's lines in its own dash pattern, with its own marker: the target grey,
// the actual black, the carried actual black and thin, without markers.
struct Strokes {
  std::string target, actual, carried;
};

Strokes strokes(size_t plans, size_t n) {
  if (plans <= 1)
    return {"stroke=\"black\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"", "stroke=\"black\" stroke-width=\"2\"",
            "stroke=\"black\" stroke-width=\"1.5\" stroke-dasharray=\"1.5 3\""};
  const std::string_view dash = series_style(n).dash;
  const std::string pattern = dash.empty() ? std::string() : fmt::format(" stroke-dasharray=\"{}\"", dash);
  return {"stroke=\"#888888\" stroke-width=\"1.2\"" + pattern, "stroke=\"black\" stroke-width=\"2\"" + pattern,
          "stroke=\"black\" stroke-width=\"0.8\"" + pattern};
}

// One plan's points, in date order.
std::vector<const HistoryPoint*> plan_points(const std::vector<HistoryPoint>& points, const std::string& plan) {
  std::vector<const HistoryPoint*> out;
  for (const HistoryPoint& p : points)
    if (p.plan == plan) out.push_back(&p);
  return out;
}

// The index of the last point whose actual was measured: the first to show the plan's
// latest update (later points only carry it forward); none when no update was recorded.
std::optional<size_t> last_measured(const std::vector<const HistoryPoint*>& points) {
  if (points.empty() || !points.back()->last_update) return std::nullopt;
  size_t at = points.size() - 1;
  while (at > 0 && points[at - 1]->last_update == points.back()->last_update) --at;
  return at;
}

// A line through points [from, to] of one series, broken where a point has no figures.
std::string series_path(const Chart& chart, const std::vector<const HistoryPoint*>& points, size_t from, size_t to,
                        bool actual) {
  BrokenLine line;
  for (size_t i = from; i <= to && i < points.size(); ++i) {
    const std::optional<double>& value = actual ? points[i]->actual : points[i]->target;
    if (value)
      line.point(chart.x(points[i]->date), chart.y(*value));
    else
      line.gap();
  }
  return line.path();
}

void write_lines(std::string& out, const Chart& chart, const std::vector<const HistoryPoint*>& points,
                 const Strokes& style, size_t n) {
  if (points.empty()) return;
  auto stroke = [&](const std::string& path, const std::string& attributes) {
    if (!path.empty()) out += fmt::format("<path d=\"{}\" fill=\"none\" {}/>\n", path, attributes);
  };
  stroke(series_path(chart, points, 0, points.size() - 1, false), style.target);
  std::optional<size_t> measured = last_measured(points);
  if (measured) stroke(series_path(chart, points, 0, *measured, true), style.actual);
  size_t carried_from = measured ? *measured : 0;
  if (carried_from + 1 < points.size())
    stroke(series_path(chart, points, carried_from, points.size() - 1, true), style.carried);
  if (!measured) return;
  for (size_t i = 0; i <= *measured; ++i)
    if (points[i]->actual) out += series_marker(n, chart.x(points[i]->date), chart.y(*points[i]->actual));
}

// The key to the strokes, then a line per plan: its marker (and, of several, its dash
// pattern), id, title and last update.
double write_legend(std::string& out, const Chart& chart, const PlanList& plans, double y) {
  const double left = 8;
  auto sample = [&](double x, const std::string& style) {
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" {3}/>\n", x, y - 4, x + 30,
                       style);
  };
  if (plans.ids.size() <= 1) {
    const Strokes style = strokes(1, 0);
    sample(left, style.target);
    out += svg_text(left + 36, y, "Target", 12, "start", "", chart.width);
    sample(left + 100, style.actual);
    out += series_marker(0, left + 115, y - 4);
    out += svg_text(left + 136, y, "Actual, at each update", 12, "start", "", chart.width);
    sample(left + 300, style.carried);
    out += svg_text(left + 336, y, "No update since: last figures carried", 12, "start", "", chart.width);
  } else {
    // Each plan's lines are drawn in its own pattern: the key shows them solid.
    const Strokes style = strokes(plans.ids.size(), 0);
    sample(left, style.target);
    out += svg_text(left + 36, y, "Target, grey", 12, "start", "", chart.width);
    sample(left + 132, style.actual);
    out += svg_text(left + 168, y, "Actual, at each update", 12, "start", "", chart.width);
    sample(left + 332, style.carried);
    out += svg_text(left + 368, y, "Thin: figures carried, no update", 12, "start", "", chart.width);
  }
  for (size_t n = 0; n < plans.ids.size(); ++n) {
    y += 18;
    const std::string& plan = plans.ids[n];
    if (plans.ids.size() > 1) sample(left, strokes(plans.ids.size(), n).actual);
    out += series_marker(n, left + 15, y - 4);
    const std::optional<Date>& last = plans.last_update.at(plan);
    const std::string when = last ? " (last update " + to_long(*last) + ")" : " (no update recorded)";
    const size_t room = static_cast<size_t>((chart.width - left - 36 - 4) / (0.6 * 12));
    const size_t title_room =
        room > label_length(plan) + label_length(when) + 3 ? room - label_length(plan) - label_length(when) - 2 : 1;
    out += svg_text(left + 36, y, plan + ": " + fit_label(plans.titles.at(plan), title_room) + when, 12, "start", "",
                    chart.width);
  }
  return y;
}

}  // namespace

std::string render_history_svg(const std::vector<HistoryPoint>& points) {
  // Target lines are dashed while actual lines are solid, so the chart reads without colour.
  const PlanList plans = plans_in_order(points);
  Chart chart(points);
  std::string body;
  write_axes(body, chart);
  write_date_labels(body, chart, points);
  for (size_t n = 0; n < plans.ids.size(); ++n)
    write_lines(body, chart, plan_points(points, plans.ids[n]), strokes(plans.ids.size(), n), n);
  double bottom = write_legend(body, chart, plans, chart.axis_y() + 48) + 14;
  std::string panels = render_measure_panels(points, chart.width, bottom, bottom);
  std::string out;
  write_header(out, chart, bottom, plans);
  out += body;
  out += panels;
  out += "</svg>\n";
  return out;
}

}  // namespace bvplan
