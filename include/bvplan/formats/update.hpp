// What `update` shows: the change to the plan file as a unified diff, and the figures of
// the item it updated, so an officer sees the consequence.
#pragma once

#include <string>
#include <string_view>

#include "bvplan/figures/compute.hpp"

namespace bvplan {

// A unified diff (3 lines of context) from `before` to `after`, both the text of `file`;
// "" when they are equal. Control characters are escaped, but a CRLF line keeps its CR
// (so `patch` applies the diff).
std::string unified_diff(std::string_view before, std::string_view after, std::string_view file);

// One line on the item `id` of kind `kind` in `plan` (figures as of the update's date):
// "KI1.1 at 30 June 2004: target 55%, actual 60%, Green.", "KI1.1a: done on 20 June 2004
// (due 25 June 2004).", "PI-3 at ...: 71.5% against a target of 75%, Amber.", "R2 at ...:
// 3 x 4 = 12, high, better than before.".
std::string update_consequence(const PlanFigures& plan, ItemKind kind, std::string_view id);

}  // namespace bvplan
