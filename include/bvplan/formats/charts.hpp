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

// The most rows (key issue headings, actions, milestones) a gantt chart draws; the rest
// are counted in a line at its foot ("and 1,200 more actions and 300 milestones not shown").
inline constexpr size_t gantt_max_rows = 200;

// A gantt chart of the plan's actions, grouped by key issue: a bar per action from its
// start to its due date, shaded for its actual % complete (solid when complete), hatched
// on to the as-of date when overdue, dashed when deferred or cancelled; its milestones as
// diamonds on rows of their own (filled when done, hatched when overdue); a dashed "As at"
// line on the figures' as-of date; month labels ("Jun 2004") on the axis and a legend.
std::string gantt_svg(const PlanFigures& plan);
// Several plans' gantt charts stacked in one SVG, each under its own title, a rule between
// them (one plan: as gantt_svg).
std::string gantt_svg(const std::vector<PlanFigures>& plans);

// Per key issue (and the whole plan), a bar of its actions' RAG ratings: green, amber,
// red, complete and not rated, each part with its letter and count ("G 3") and a fill
// pattern of its own, and a legend.
std::string rag_summary_svg(const PlanFigures& plan);

}  // namespace bvplan
