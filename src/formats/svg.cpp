#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "bvplan/core/utf8.hpp"
#include "bvplan/formats/history.hpp"
#include "bvplan/formats/svg.hpp"

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

namespace {

// The chart's geometry: the plot area, and the mapping from dates and percents into it.
struct Chart {
  double width = 800, left = 70, right = 30, top = 50;
  double plot_w = 0, plot_h = 0, total_h = 0;
  Date first;
  double span = 1;

  Chart(const std::vector<HistoryPoint>& points, size_t plan_count) {
    const double height = 420;
    const double bottom = 90 + 18.0 * static_cast<double>(plan_count);
    plot_w = width - left - right;
    plot_h = height - top - bottom + 18.0 * static_cast<double>(plan_count);
    total_h = top + plot_h + bottom;
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

// Plans in order of first appearance, with their titles.
struct PlanList {
  std::vector<std::string> ids;
  std::map<std::string, std::string> titles;
};

PlanList plans_in_order(const std::vector<HistoryPoint>& points) {
  PlanList plans;
  for (const HistoryPoint& p : points)
    if (std::find(plans.ids.begin(), plans.ids.end(), p.plan) == plans.ids.end()) {
      plans.ids.push_back(p.plan);
      plans.titles[p.plan] = p.title;
    }
  return plans;
}

void write_header(std::string& out, const Chart& chart) {
  out += fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" viewBox=\"0 0 {:.0f} {:.0f}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n",
      chart.width, chart.total_h, chart.width, chart.total_h);
  out += fmt::format("<title>Progress over time: target and actual % complete</title>\n");
  out += fmt::format("<rect x=\"0\" y=\"0\" width=\"{:.0f}\" height=\"{:.0f}\" fill=\"white\"/>\n", chart.width,
                     chart.total_h);
  out += fmt::format(
      "<text x=\"{:.0f}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">"
      "Progress over time: target and actual % complete</text>\n",
      chart.width / 2);
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
      "<text x=\"18\" y=\"{:.1f}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {:.1f})\">% complete</text>\n",
      top + plot_h / 2, top + plot_h / 2);
}

// Date labels: every distinct date when few, else about eight evenly spaced.
void write_date_labels(std::string& out, const Chart& chart, const std::vector<HistoryPoint>& points) {
  std::vector<Date> dates;
  for (const HistoryPoint& p : points)
    if (std::find(dates.begin(), dates.end(), p.date) == dates.end()) dates.push_back(p.date);
  std::sort(dates.begin(), dates.end());
  size_t step = std::max<size_t>(1, (dates.size() + 7) / 8);
  for (size_t i = 0; i < dates.size(); i += step) {
    double px = chart.x(dates[i]);
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"black\"/>\n", px,
                       chart.axis_y(), chart.axis_y() + 5);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", px, chart.axis_y() + 20,
                       to_iso(dates[i]));
  }
  out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">date (as of)</text>\n",
                     chart.left + chart.plot_w / 2, chart.axis_y() + 40);
}

// Each plan gets a marker shape, so the chart reads without colour.
std::string marker(size_t plan, double px, double py) {
  switch (plan % 3) {
    case 0:
      return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"white\" stroke=\"black\"/>\n", px, py);
    case 1:
      return fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"7\" height=\"7\" fill=\"white\" stroke=\"black\"/>\n",
                         px - 3.5, py - 3.5);
    default:
      return fmt::format("<path d=\"M {:.1f} {:.1f} l 4 7 l -8 0 z\" fill=\"white\" stroke=\"black\"/>\n", px,
                         py - 4.5);
  }
}

enum class Series { target, actual };

// One plan's target (dashed) or actual (solid, with markers) line.
void write_line(std::string& out, const Chart& chart, const std::vector<HistoryPoint>& points, const std::string& plan,
                size_t n, Series series) {
  const bool actual = series == Series::actual;
  std::string path;
  std::string marks;
  bool broken = false;
  for (const HistoryPoint& p : points) {
    if (p.plan != plan) continue;
    // A point with no figures breaks the line: the next point starts a new stroke.
    const std::optional<double>& value = actual ? p.actual : p.target;
    if (!value) {
      broken = true;
      continue;
    }
    double px = chart.x(p.date), py = chart.y(*value);
    path += fmt::format("{}{:.1f} {:.1f}", path.empty() ? "M " : broken ? " M " : " L ", px, py);
    broken = false;
    if (actual) marks += marker(n, px, py);
  }
  if (path.empty()) return;
  out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"black\" stroke-width=\"{}\"{}/>\n", path,
                     actual ? "2" : "1.5", actual ? "" : " stroke-dasharray=\"6 4\"");
  out += marks;
}

void write_legend(std::string& out, const Chart& chart, const PlanList& plans) {
  const double left = chart.left;
  double ly = chart.axis_y() + 62;
  for (size_t n = 0; n < plans.ids.size(); ++n, ly += 18) {
    const std::string& plan = plans.ids[n];
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"black\" stroke-width=\"1.5\" "
        "stroke-dasharray=\"6 4\"/>\n",
        left, ly, left + 30);
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"black\" stroke-width=\"2\"/>\n",
        left + 40, ly, left + 70);
    out += marker(n, left + 55, ly);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}: target (dashed), actual (solid)</text>\n", left + 80,
                       ly + 4, xml(plan + " " + plans.titles.at(plan)));
  }
}

}  // namespace

std::string render_history_svg(const std::vector<HistoryPoint>& points) {
  // Target lines are dashed while actual lines are solid, so the chart reads without colour.
  const PlanList plans = plans_in_order(points);
  Chart chart(points, plans.ids.size());
  std::string panels = render_measure_panels(points, chart.width, chart.total_h, chart.total_h);
  std::string out;
  write_header(out, chart);
  write_axes(out, chart);
  write_date_labels(out, chart, points);
  for (size_t n = 0; n < plans.ids.size(); ++n) {
    write_line(out, chart, points, plans.ids[n], n, Series::target);
    write_line(out, chart, points, plans.ids[n], n, Series::actual);
  }
  write_legend(out, chart, plans);
  out += panels;
  out += "</svg>\n";
  return out;
}

}  // namespace bvplan
