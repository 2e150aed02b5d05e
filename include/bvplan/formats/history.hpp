// A plan's progress over time as text: a Markdown table, CSV, JSON and an SVG chart.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bvplan/formats/svg.hpp"
#include "bvplan/reports/history.hpp"

namespace bvplan {

std::string render_history_markdown(const std::vector<HistoryPoint>& points);
std::string render_history_csv(const std::vector<HistoryPoint>& points);
std::string render_history_json(const std::vector<HistoryPoint>& points);
// Target (dashed) against actual (solid) per plan, legible in black and white; then a
// small panel per outcome measure, its own scale, in the same two strokes.
std::string render_history_svg(const std::vector<HistoryPoint>& points);

// The history's measure panels below the chart, from `top`, `width` wide: their markup,
// with `height` increased by theirs (none without measures).
std::string render_measure_panels(const std::vector<HistoryPoint>& points, double width, double top, double& height);

}  // namespace bvplan
