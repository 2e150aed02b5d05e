// Outcome measures in every format: values written by their unit, the status table, CSV
// rows, the JSON array and the explanation. The paper's part is formats/paper (paper.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/figures/compute.hpp"
#include "bvplan/formats/json.hpp"
#include "bvplan/formats/output.hpp"
#include "bvplan/formats/table.hpp"
#include "bvplan/reports/history.hpp"

namespace bvplan {

// A value for people as its unit writes it: "71.5%", "£12,500", "12 days", "3.25"
// (number: plain); "-" when there is none. Not escaped: the currency is plan text.
std::string measure_value_text(double value, MeasureUnit unit, std::string_view currency);
std::string measure_value_text(const std::optional<double>& value, MeasureUnit unit, std::string_view currency);

// The status table (id, current, target, RAG, directions), escaped for a terminal; `rags`
// gets each row's RAG for colouring.
Table measures_status_table(const PlanFigures& plan, std::vector<Rag>& rags);

// `report --format csv --level measure`: a header, then one row per measure of every plan.
void write_measure_rows(Output& out, const std::vector<PlanFigures>& plans);

// The plan's `measures` array in the JSON report.
void write_measures_json(JsonWriter& json, const PlanFigures& plan);

// The history table's columns for each measure (its current value and RAG at each point),
// after the plan's; no columns when no point has measures.
void add_measure_history_columns(Table& table, const std::vector<HistoryPoint>& points, bool markdown);
// A history point's `measures` array in JSON, when it has measures.
void write_measure_history_json(JsonWriter& json, const HistoryPoint& point);

// Every figure of a measure with the numbers that produced it (explain MEASURE-ID).
std::string explain_measure(const PlanFigures& plan, const MeasureFigures& measure);

}  // namespace bvplan
