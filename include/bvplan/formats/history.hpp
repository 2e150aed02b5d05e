// A plan's progress over time as text: a Markdown table, CSV, JSON and an SVG chart.
#pragma once

#include <string>
#include <vector>

#include "bvplan/reports/history.hpp"

namespace bvplan {

std::string render_history_markdown(const std::vector<HistoryPoint>& points);
std::string render_history_csv(const std::vector<HistoryPoint>& points);
std::string render_history_json(const std::vector<HistoryPoint>& points);
// Target (dashed) against actual (solid) per plan, legible in black and white.
std::string render_history_svg(const std::vector<HistoryPoint>& points);

}  // namespace bvplan
