#include <algorithm>

#include <fmt/format.h>

#include "bvplan/formats/history.hpp"
#include "bvplan/formats/measures.hpp"
#include "bvplan/formats/text.hpp"

namespace bvplan {

namespace {

// Every measure id in the history, in order of first appearance.
std::vector<std::string> measure_ids(const std::vector<HistoryPoint>& points) {
  std::vector<std::string> ids;
  for (const HistoryPoint& p : points)
    for (const MeasureHistory& m : p.measures)
      if (std::find(ids.begin(), ids.end(), m.id) == ids.end()) ids.push_back(m.id);
  return ids;
}

const MeasureHistory* find_measure(const HistoryPoint& p, const std::string& id) {
  for (const MeasureHistory& m : p.measures)
    if (m.id == id) return &m;
  return nullptr;
}

}  // namespace

void add_measure_history_columns(Table& table, const std::vector<HistoryPoint>& points, bool markdown) {
  std::vector<std::string> ids = measure_ids(points);
  for (const std::string& id : ids) {
    table.columns.push_back({markdown ? escape_markdown(id) : csv_text(id), Align::right});
    table.columns.push_back({markdown ? escape_markdown(id) + " RAG" : csv_text(id + "_rag")});
  }
  for (size_t row = 0; row < points.size(); ++row)
    for (const std::string& id : ids) {
      const MeasureHistory* m = find_measure(points[row], id);
      std::string value = !m || !m->current ? ""
                          : markdown        ? escape_markdown(measure_value_text(*m->current, m->unit, m->currency))
                                            : format_number(*m->current);
      table.rows[row].push_back(value);
      table.rows[row].push_back(m ? to_string(m->rag) : "");
    }
}

void write_measure_history_json(JsonWriter& json, const HistoryPoint& point) {
  if (point.measures.empty()) return;
  auto number = [](const std::optional<double>& v) { return v ? std::optional(format_number(*v)) : std::nullopt; };
  json.key("measures").begin_array();
  for (const MeasureHistory& m : point.measures) {
    json.begin_object().key("id").string(m.id).key("current").number_or_null(number(m.current));
    json.key("target").number_or_null(number(m.target)).key("rag").string(to_string(m.rag)).end_object();
  }
  json.end_array();
}

namespace {

constexpr double panel_height = 130, plot_height = 80, left = 60, right = 30;  // left and right as the chart's

struct Panel {
  double top = 0, low = 0, high = 1, width = 800;
  Date first;
  double span = 1;
  double x(Date d) const { return left + (width - left - right) * static_cast<double>(d.days_since(first)) / span; }
  double y(double v) const { return top + 30 + plot_height * (1 - (v - low) / (high - low)); }
};

// The measure's actual (solid, circles) or target (dashed) line, broken where it has none.
std::string panel_line(const Panel& panel, const std::vector<HistoryPoint>& points, const std::string& plan,
                       const std::string& id, bool actual) {
  std::string path, marks;
  bool broken = false;
  for (const HistoryPoint& p : points) {
    const MeasureHistory* m = p.plan == plan ? find_measure(p, id) : nullptr;
    const std::optional<double> value = m ? (actual ? m->current : m->target) : std::nullopt;
    if (!value) {
      broken = true;
      continue;
    }
    double px = panel.x(p.date), py = panel.y(*value);
    path += fmt::format("{}{:.1f} {:.1f}", path.empty() ? "M " : broken ? " M " : " L ", px, py);
    broken = false;
    if (actual)
      marks += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"white\" stroke=\"black\"/>\n", px, py);
  }
  if (path.empty()) return "";
  return fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"black\" stroke-width=\"{}\"{}/>\n", path,
                     actual ? "2" : "1.5", actual ? "" : " stroke-dasharray=\"6 4\"") +
         marks;
}

// One panel: its title, its scale (lowest and highest value shown) and its two lines.
std::string write_panel(Panel panel, const std::vector<HistoryPoint>& points, const std::string& plan,
                        const std::string& id) {
  bool any = false;
  const MeasureHistory* sample = nullptr;
  for (const HistoryPoint& p : points)
    if (const MeasureHistory* m = p.plan == plan ? find_measure(p, id) : nullptr) {
      sample = m;
      for (const std::optional<double>& v : {m->current, m->target})
        if (v) {
          panel.low = any ? std::min(panel.low, *v) : *v;
          panel.high = any ? std::max(panel.high, *v) : *v;
          any = true;
        }
    }
  if (!any || panel.high == panel.low) {
    panel.low -= 1;
    panel.high += 1;
  }
  std::string out = fmt::format(
      "<text x=\"{:.1f}\" y=\"{:.1f}\" font-weight=\"bold\">{}: actual (solid), target "
      "(dashed)</text>\n",
      left, panel.top + 18, xml(plan + " " + id));
  double bottom = panel.y(panel.low), top = panel.y(panel.high);
  out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"black\"/>\n", left,
                     top, bottom);
  out += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"black\"/>\n", left,
                     bottom, panel.width - right);
  for (double v : {panel.low, panel.high})
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", left - 6, panel.y(v) + 4,
                       xml(sample ? measure_value_text(v, sample->unit, sample->currency) : format_number(v)));
  return out + panel_line(panel, points, plan, id, false) + panel_line(panel, points, plan, id, true);
}

}  // namespace

std::string render_measure_panels(const std::vector<HistoryPoint>& points, double width, double top, double& height) {
  std::vector<std::pair<std::string, std::string>> panels;  // (plan, measure) in order of first appearance
  Panel panel;
  panel.width = width;
  panel.first = points.empty() ? Date{} : points.front().date;
  Date last = panel.first;
  for (const HistoryPoint& p : points) {
    panel.first = std::min(panel.first, p.date);
    last = std::max(last, p.date);
    for (const MeasureHistory& m : p.measures)
      if (std::find(panels.begin(), panels.end(), std::pair(p.plan, m.id)) == panels.end())
        panels.emplace_back(p.plan, m.id);
  }
  panel.span = std::max(1.0, static_cast<double>(last.days_since(panel.first)));
  std::string out;
  for (size_t n = 0; n < panels.size(); ++n) {
    panel.top = top + panel_height * static_cast<double>(n);
    out += write_panel(panel, points, panels[n].first, panels[n].second);
  }
  height += panel_height * static_cast<double>(panels.size());
  return out;
}

}  // namespace bvplan
