#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "bvplan/formats/history.hpp"

namespace bvplan {

namespace {

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

}  // namespace

std::string render_history_svg(const std::vector<HistoryPoint>& points) {
  // Plans in order of first appearance; each gets a marker shape, and target lines are
  // dashed while actual lines are solid, so the chart reads without colour.
  std::vector<std::string> plans;
  std::map<std::string, std::string> titles;
  for (const HistoryPoint& p : points)
    if (std::find(plans.begin(), plans.end(), p.plan) == plans.end()) {
      plans.push_back(p.plan);
      titles[p.plan] = p.title;
    }
  const double width = 800, height = 420, left = 70, right = 30, top = 50;
  const double bottom = 90 + 18.0 * static_cast<double>(plans.size());
  const double plot_w = width - left - right, plot_h = height - top - bottom + 18.0 * static_cast<double>(plans.size());
  const double total_h = top + plot_h + bottom;
  Date first = points.empty() ? Date{} : points.front().date, last = first;
  for (const HistoryPoint& p : points) {
    first = std::min(first, p.date);
    last = std::max(last, p.date);
  }
  double span = std::max(1.0, static_cast<double>(last.days_since(first)));
  auto x = [&](Date d) { return left + plot_w * static_cast<double>(d.days_since(first)) / span; };
  auto y = [&](double percent) { return top + plot_h * (1 - percent / 100); };

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" viewBox=\"0 0 {:.0f} {:.0f}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n",
      width, total_h, width, total_h);
  out += fmt::format("<title>Progress over time: target and actual % complete</title>\n");
  out += fmt::format("<rect x=\"0\" y=\"0\" width=\"{:.0f}\" height=\"{:.0f}\" fill=\"white\"/>\n", width, total_h);
  out += fmt::format(
      "<text x=\"{:.0f}\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">"
      "Progress over time: target and actual % complete</text>\n",
      width / 2);
  // Axes, grid and labels.
  for (int percent = 0; percent <= 100; percent += 25) {
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#bbbbbb\" stroke-width=\"0.5\"/>\n",
        left, y(percent), left + plot_w, y(percent));
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}%</text>\n", left - 6, y(percent) + 4,
                       percent);
  }
  out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"black\"/>\n", left,
                     top, top + plot_h);
  out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"black\"/>\n", left,
                     top + plot_h, left + plot_w);
  out += fmt::format(
      "<text x=\"18\" y=\"{:.1f}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {:.1f})\">% complete</text>\n",
      top + plot_h / 2, top + plot_h / 2);
  // Date labels: every distinct date when few, else about eight evenly spaced.
  std::vector<Date> dates;
  for (const HistoryPoint& p : points)
    if (std::find(dates.begin(), dates.end(), p.date) == dates.end()) dates.push_back(p.date);
  std::sort(dates.begin(), dates.end());
  size_t step = std::max<size_t>(1, (dates.size() + 7) / 8);
  for (size_t i = 0; i < dates.size(); i += step) {
    double px = x(dates[i]);
    out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"black\"/>\n", px,
                       top + plot_h, top + plot_h + 5);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", px, top + plot_h + 20,
                       to_iso(dates[i]));
  }
  out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">date (as of)</text>\n", left + plot_w / 2,
                     top + plot_h + 40);
  // Lines and markers.
  auto marker = [&](size_t plan, double px, double py) {
    switch (plan % 3) {
      case 0:
        return fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"white\" stroke=\"black\"/>\n", px, py);
      case 1:
        return fmt::format(
            "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"7\" height=\"7\" fill=\"white\" stroke=\"black\"/>\n", px - 3.5,
            py - 3.5);
      default:
        return fmt::format("<path d=\"M {:.1f} {:.1f} l 4 7 l -8 0 z\" fill=\"white\" stroke=\"black\"/>\n", px,
                           py - 4.5);
    }
  };
  for (size_t n = 0; n < plans.size(); ++n) {
    for (int actual = 0; actual <= 1; ++actual) {
      std::string path;
      std::string marks;
      bool broken = false;
      for (const HistoryPoint& p : points) {
        if (p.plan != plans[n]) continue;
        // A point with no figures breaks the line: the next point starts a new stroke.
        const std::optional<double>& value = actual ? p.actual : p.target;
        if (!value) {
          broken = true;
          continue;
        }
        double px = x(p.date), py = y(*value);
        path += fmt::format("{}{:.1f} {:.1f}", path.empty() ? "M " : broken ? " M " : " L ", px, py);
        broken = false;
        if (actual) marks += marker(n, px, py);
      }
      if (path.empty()) continue;
      out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"black\" stroke-width=\"{}\"{}/>\n", path,
                         actual ? "2" : "1.5", actual ? "" : " stroke-dasharray=\"6 4\"");
      out += marks;
    }
  }
  // Legend.
  double ly = top + plot_h + 62;
  for (size_t n = 0; n < plans.size(); ++n, ly += 18) {
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"black\" stroke-width=\"1.5\" "
        "stroke-dasharray=\"6 4\"/>\n",
        left, ly, left + 30);
    out += fmt::format(
        "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"black\" stroke-width=\"2\"/>\n",
        left + 40, ly, left + 70);
    out += marker(n, left + 55, ly);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\">{}: target (dashed), actual (solid)</text>\n", left + 80,
                       ly + 4, xml(plans[n] + " " + titles[plans[n]]));
  }
  out += "</svg>\n";
  return out;
}

}  // namespace bvplan
