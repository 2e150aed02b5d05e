#include "bvplan/formats/history.hpp"

#include <algorithm>

#include "bvplan/formats/json.hpp"
#include "bvplan/formats/measures.hpp"
#include "bvplan/formats/render.hpp"

namespace bvplan {

namespace {

// One table, two formats: the cells differ only in how the plan id is escaped and how
// percentages are written.
Table history_table(const std::vector<HistoryPoint>& points, bool markdown) {
  Table table{{{markdown ? "Date" : "date"},
               {markdown ? "Commit" : "commit"},
               {markdown ? "Plan" : "plan"},
               {markdown ? "Target" : "target", Align::right},
               {markdown ? "Actual" : "actual", Align::right},
               {markdown ? "RAG" : "rag"},
               {markdown ? "Red" : "red", Align::right},
               {markdown ? "Amber" : "amber", Align::right},
               {markdown ? "Green" : "green", Align::right}},
              {}};
  auto percent = [&](const std::optional<double>& v) {
    return markdown ? percent_text(v) : v ? format_percent(*v, 1) : "";
  };
  for (const HistoryPoint& p : points)
    table.rows.push_back({to_iso(p.date), p.commit.empty() && markdown ? "-" : p.commit,
                          markdown ? escape_markdown(p.plan) : csv_text(p.plan), percent(p.target), percent(p.actual),
                          to_string(p.rag), std::to_string(p.red), std::to_string(p.amber), std::to_string(p.green)});
  // In a financial year, the quarter each point closes: "2001/02 Q3".
  if (std::any_of(points.begin(), points.end(), [](const HistoryPoint& p) { return !p.period.empty(); })) {
    table.columns.insert(table.columns.begin() + 1, {markdown ? "Period" : "period"});
    for (size_t n = 0; n < points.size(); ++n)
      table.rows[n].insert(table.rows[n].begin() + 1, points[n].period.empty() && markdown ? "-" : points[n].period);
  }
  add_measure_history_columns(table, points, markdown);
  return table;
}

}  // namespace

std::string render_history_markdown(const std::vector<HistoryPoint>& points) {
  return render_markdown(history_table(points, true));
}

std::string render_history_csv(const std::vector<HistoryPoint>& points) {
  return render_csv(history_table(points, false));
}

std::string render_history_json(const std::vector<HistoryPoint>& points) {
  auto percent = [](const std::optional<double>& v) { return v ? std::optional(format_percent(*v, 1)) : std::nullopt; };
  // In a financial year every point has "period" (null for one that ends no quarter).
  const bool periods =
      std::any_of(points.begin(), points.end(), [](const HistoryPoint& p) { return !p.period.empty(); });
  return render_to_string([&](Output& out) {
    JsonWriter json(out);
    json.begin_object().key("version").number(1).key("points").begin_array({true, 2, true});
    for (const HistoryPoint& p : points) {
      json.begin_object().key("date").string(to_iso(p.date));
      if (periods) json.key("period").string_or_null(p.period.empty() ? std::nullopt : std::optional(p.period));
      json.key("commit");
      json.string_or_null(p.commit.empty() ? std::nullopt : std::optional(p.commit)).key("plan").string(p.plan);
      json.key("target").number_or_null(percent(p.target)).key("actual").number_or_null(percent(p.actual));
      json.key("rag").string(to_string(p.rag)).key("red").number(static_cast<long long>(p.red));
      json.key("amber").number(static_cast<long long>(p.amber)).key("green").number(static_cast<long long>(p.green));
      write_measure_history_json(json, p);
      json.end_object();
    }
    json.end_array().end_object();
    out.put('\n');
  });
}

}  // namespace bvplan
