// A plan's risks in each format: the status table, CSV rows (report --level risk), the
// JSON `risks` array and `explain RISK-ID`. The paper's register is in paper.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/figures/compute.hpp"
#include "bvplan/formats/json.hpp"
#include "bvplan/formats/output.hpp"

namespace bvplan {

// "3 x 4 = 12": a rating and its score.
std::string rating_text(const RiskRating& rating);
// "high", or "closed" for a closed risk: what the status and paper tables show.
std::string band_or_status(const RiskFigures& risk);
// The figures of the action `id` in the plan, or nullptr.
const ActionFigures* find_action(const PlanFigures& plan, std::string_view id);

// The status command's risks table (RISK, OWNER, SCORE, BAND, TARGET, TREND), or "" when
// the plan has no risks.
std::string render_risks_status(const PlanFigures& plan);
// report --format csv --level risk: a header, then one row per risk of every plan.
void write_risk_rows(Output& out, const std::vector<PlanFigures>& plans);
// The plan's `risks` array, one object per risk (empty when it has none).
void write_risks_json(JsonWriter& json, const PlanFigures& plan);
// Every figure of the risk with that id and how it was found, or nullopt.
std::optional<std::string> explain_risk(const PlanFigures& plan, std::string_view id);

}  // namespace bvplan
