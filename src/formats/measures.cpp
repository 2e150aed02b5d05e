#include "bvplan/formats/measures.hpp"

#include <fmt/format.h>

#include "bvplan/core/number.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/formats/text.hpp"

namespace bvplan {

std::string measure_value_text(double value, MeasureUnit unit, std::string_view currency) {
  switch (unit) {
    case MeasureUnit::percent: return format_number(value) + "%";
    case MeasureUnit::money: return format_money(value, currency);
    case MeasureUnit::days: return format_number(value) + (format_number(value) == "1" ? " day" : " days");
    case MeasureUnit::number: break;
  }
  return format_number(value);
}

std::string measure_value_text(const std::optional<double>& value, MeasureUnit unit, std::string_view currency) {
  return value ? measure_value_text(*value, unit, currency) : "-";
}

Table measures_status_table(const PlanFigures& p, std::vector<Rag>& rags) {
  Table table{
      {{"MEASURE"}, {"CURRENT", Align::right}, {"TARGET", Align::right}, {"RAG"}, {"DIRECTION"}, {"OVER 12 MONTHS"}},
      {}};
  const std::string currency = escape_control(p.plan->currency);
  for (const MeasureFigures& m : p.measures) {
    MeasureUnit unit = m.measure->unit;
    table.rows.push_back({escape_control(m.measure->id), measure_value_text(m.current, unit, currency),
                          measure_value_text(m.target, unit, currency), to_string(m.rag), to_string(m.direction_short),
                          to_string(m.direction_long)});
    rags.push_back(m.rag);
  }
  return table;
}

namespace {

std::string opt_number(const std::optional<double>& v) { return v ? format_number(*v) : ""; }
std::string opt_percent(const std::optional<double>& v) { return v ? format_percent(*v, 1) : ""; }

}  // namespace

void write_measure_rows(Output& out, const std::vector<PlanFigures>& plans) {
  write_csv_row(
      out, {"plan", "issue", "measure", "title", "owner", "unit", "better", "baseline_date", "baseline", "current",
            "current_date", "target", "shortfall", "tolerance", "rag", "direction_short", "direction_long", "as_of"});
  for (const PlanFigures& p : plans)
    for (const MeasureFigures& f : p.measures) {
      const Measure& m = *f.measure;
      write_csv_row(out, {csv_text(p.plan->id), csv_text(m.issue), csv_text(m.id), csv_text(m.title), csv_text(m.owner),
                          to_string(m.unit), to_string(m.better), m.baseline ? to_iso(m.baseline->date) : "",
                          m.baseline ? format_number(m.baseline->value) : "", opt_number(f.current),
                          f.current_date ? to_iso(*f.current_date) : "", opt_number(f.target), opt_percent(f.shortfall),
                          format_number(m.tolerance), to_string(f.rag), to_string(f.direction_short),
                          to_string(f.direction_long), to_iso(p.as_of)});
    }
}

namespace {

std::optional<std::string> json_number(const std::optional<double>& v) {
  return v ? std::optional(format_number(*v)) : std::nullopt;
}

std::optional<std::string> json_text(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional(text);
}

}  // namespace

void write_measures_json(JsonWriter& json, const PlanFigures& p) {
  json.key("measures").begin_array({true, 2, false});
  for (const MeasureFigures& f : p.measures) {
    const Measure& m = *f.measure;
    json.begin_object();
    json.key("id").string(m.id).key("title").string(m.title).key("issue").string_or_null(json_text(m.issue));
    json.key("owner").string_or_null(json_text(m.owner)).key("unit").string(to_string(m.unit));
    json.key("better").string(to_string(m.better)).key("baseline");
    if (m.baseline)
      json.begin_object()
          .key("date")
          .string(to_iso(m.baseline->date))
          .key("value")
          .number(format_number(m.baseline->value))
          .end_object();
    else
      json.null();
    json.key("current").number_or_null(json_number(f.current));
    json.key("current_date").string_or_null(f.current_date ? std::optional(to_iso(*f.current_date)) : std::nullopt);
    json.key("target").number_or_null(json_number(f.target));
    json.key("shortfall").number_or_null(f.shortfall ? std::optional(format_percent(*f.shortfall, 1)) : std::nullopt);
    json.key("tolerance").number(format_number(m.tolerance)).key("rag").string(to_string(f.rag));
    json.key("direction_short").string(to_string(f.direction_short));
    json.key("direction_long").string(to_string(f.direction_long));
    json.end_object();
  }
  json.end_array();
}

}  // namespace bvplan
