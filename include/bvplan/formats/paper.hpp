// The committee paper's parts, one function per section of the progress report template,
// each writing one plan's section as Markdown. The paper itself is render_markdown
// (render.hpp); an HTML or Word paper walks the same list of sections.
#pragma once

#include <string>
#include <string_view>

#include "bvplan/figures/compute.hpp"
#include "bvplan/formats/output.hpp"

namespace bvplan {

using WriteSection = void (*)(Output& out, const PlanFigures& plan);

struct PaperSection {
  const char* heading;  // the words of the seed report's template, not paraphrases
  WriteSection write;   // the section's body, after its heading and a blank line
};

// The summary table, then the seven sections of the template, in order.
const std::vector<PaperSection>& paper_sections();

void write_summary(Output& out, const PlanFigures& plan);
void write_action_taken(Output& out, const PlanFigures& plan);         // 1
void write_target_and_actual(Output& out, const PlanFigures& plan);    // 2
void write_budget_used(Output& out, const PlanFigures& plan);          // 3
void write_remedies(Output& out, const PlanFigures& plan);             // 4
void write_benefits(Output& out, const PlanFigures& plan);             // 5
void write_next_period(Output& out, const PlanFigures& plan);          // 6
void write_fundamental_changes(Output& out, const PlanFigures& plan);  // 7
// Under 5: the outcome measures' table, when the plan has measures.
void write_measures(Output& out, const PlanFigures& plan);
// The risk register (inherent, current, target, band, trend, mitigating actions) and a
// 5x5 heat map of open risks, under `heading`; only for a plan with risks.
void write_risk_register(Output& out, const PlanFigures& plan, std::string_view heading);
// A Mermaid gantt chart of actions and milestones, under `heading`.
void write_timeline(Output& out, const PlanFigures& plan, std::string_view heading);

// "A1 Title": an action as the paper names it, escaped for Markdown.
std::string action_label(const Action& action);
// True when the update falls in the plan's reporting window and on or before its as-of date.
bool in_window(const PlanFigures& plan, const Update& update);

}  // namespace bvplan
