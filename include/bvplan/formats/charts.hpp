// A plan's figures as pictures: one self-contained SVG each (no script, no external
// resource), at most 700 px wide so that it fits an A4 portrait page, and legible in black
// and white (states told apart by fill pattern, dash and marker shape, with a legend).
// Pure: the same figures give the same bytes; dates come from the figures, never the clock.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "bvplan/figures/compute.hpp"

namespace bvplan {

// The most key issues a RAG summary draws; the rest are counted in a line at its foot.
inline constexpr size_t rag_summary_max_issues = 200;

// The tallest a gantt picture for the paper may be: 770 / 560 of its width, so that at
// the text width of an A4 portrait page (about 16 cm) it is at most 22 cm tall and fits
// the page with a heading above it.
inline constexpr double gantt_page_height = 770;

// A gantt chart of the plan's actions, grouped by key issue: a bar per action from its
// start to its due date, shaded for its actual % complete (solid when complete), hatched
// on to the as-of date when overdue, dashed when deferred or cancelled; its milestones as
// diamonds on rows of their own (filled when done, hatched when overdue); a dashed "As at"
// line on the figures' as-of date; month labels ("Jun 2004") on the axis and a legend.
// Every row is drawn, however many (for the screen; the paper uses gantt_svgs).
std::string gantt_svg(const PlanFigures& plan);
// The same chart as pictures that each fit an A4 portrait page (gantt_page_height): whole
// key issues packed in file order; a key issue too long for one picture goes on into the
// next under its heading marked "(continued)". Each picture has the plan's time axis, the
// as-at line and the legend, and says "part 2 of 3" when there are several.
std::vector<std::string> gantt_svgs(const PlanFigures& plan);
// The packing behind gantt_svgs: given each key issue's rows (its heading included) and the
// rows a picture holds, the rows each picture takes from each issue it shows, in order (a
// repeated "(continued)" heading not counted). An issue that fits on no picture of its own
// starts on the current one if three or more rows are left there, else on a new one.
std::vector<std::vector<size_t>> gantt_layout(const std::vector<size_t>& issue_rows, size_t rows_per_page);
// The same with each issue's rows in groups that stay on one picture (its heading, then
// each action with its milestones): a picture ends between groups, and only a group
// longer than a picture is cut; a heading is never left alone at the foot of a picture.
std::vector<std::vector<size_t>> gantt_layout(const std::vector<std::vector<size_t>>& issue_groups,
                                              size_t rows_per_page);
// Several plans' gantt charts stacked in one SVG, each under its own title, a rule between
// them (one plan: as gantt_svg).
std::string gantt_svg(const std::vector<PlanFigures>& plans);

// Per key issue (and the whole plan), a bar of its actions' RAG ratings: green, amber,
// red, complete and not rated, each part with its letter and count ("G 3") and a fill
// pattern of its own, and a legend.
std::string rag_summary_svg(const PlanFigures& plan);

}  // namespace bvplan
