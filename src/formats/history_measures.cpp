#include <algorithm>

#include <fmt/format.h>

#include "bvplan/formats/history.hpp"
#include "bvplan/formats/measures.hpp"
#include "bvplan/formats/svg.hpp"
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
// The actual is solid only as far as the first point showing its latest actual; after it,
// where the value is only carried forward, it is dotted, without circles.
std::string panel_line(const Panel& panel, const std::vector<HistoryPoint>& points, const std::string& plan,
                       const std::string& id, bool actual) {
  std::vector<const MeasureHistory*> values;  // the plan's points, in order
  std::vector<Date> dates;
  for (const HistoryPoint& p : points)
    if (p.plan == plan) {
      values.push_back(find_measure(p, id));
      dates.push_back(p.date);
    }
  size_t measured = values.size();  // the last point drawn solid, or size() for none
  if (actual && !values.empty() && values.back() && values.back()->current_date) {
    measured = values.size() - 1;
    while (measured > 0 && values[measured - 1] && values[measured - 1]->current_date == values.back()->current_date)
      --measured;
  } else if (!actual) {
    measured = values.empty() ? 0 : values.size() - 1;
  }
  auto path_through = [&](size_t from, size_t to) {
    BrokenLine line;
    for (size_t i = from; i <= to && i < values.size(); ++i) {
      const std::optional<double> value = values[i] ? (actual ? values[i]->current : values[i]->target) : std::nullopt;
      if (value)
        line.point(panel.x(dates[i]), panel.y(*value));
      else
        line.gap();
    }
    return line.path();
  };
  std::string out;
  const bool any_solid = measured < values.size();
  if (any_solid) {
    std::string path = path_through(0, measured);
    if (path.find(" L ") != std::string::npos)  // one point draws no line: its circle shows it
      out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"black\" stroke-width=\"{}\"{}/>\n", path,
                         actual ? "2" : "1.5", actual ? "" : " stroke-dasharray=\"6 4\"");
  }
  if (actual && (!any_solid || measured + 1 < values.size())) {
    std::string path = path_through(any_solid ? measured : 0, values.size() - 1);
    if (!path.empty())
      out += fmt::format(
          "<path d=\"{}\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\" "
          "stroke-dasharray=\"1.5 3\"/>\n",
          path);
  }
  if (actual && any_solid)
    for (size_t i = 0; i <= measured; ++i)
      if (values[i] && values[i]->current)
        out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"white\" stroke=\"black\"/>\n",
                           panel.x(dates[i]), panel.y(*values[i]->current));
  return out;
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
  // The axes stand a little off the lowest value, so that a line at it stays visible.
  double bottom = panel.y(panel.low) + 6, top = panel.y(panel.high);
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
