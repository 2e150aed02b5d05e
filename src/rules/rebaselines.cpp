#include <map>
#include <vector>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/rules/validate.hpp"

namespace bvplan {

void check_rebaselines(const Plan& now, const Plan& then, const std::string& revision, Diagnostics& diagnostics) {
  std::map<std::string, Date> due_then;
  for (const KeyIssue& issue : then.issues)
    for (const Action& action : issue.actions) due_then.emplace(action.id, action.due);
  for (const KeyIssue& issue : now.issues)
    for (const Action& action : issue.actions) {
      auto it = due_then.find(action.id);
      if (it == due_then.end() || !action.well_formed || action.due <= it->second) continue;
      // Follow the approved moves from the old date; each record is used once.
      Date reached = it->second;
      std::vector<bool> used(action.rebaselined.size(), false);
      for (bool moved = true; moved && reached != action.due;) {
        moved = false;
        for (size_t i = 0; i < action.rebaselined.size(); ++i)
          if (!used[i] && action.rebaselined[i].from == reached && !is_blank(action.rebaselined[i].approved_by)) {
            used[i] = moved = true;
            reached = action.rebaselined[i].to;
            break;
          }
      }
      if (reached == action.due) continue;
      long days = action.due.days_since(it->second);
      diagnostics.push_back(
          {now.file, action.due_position, Severity::error, "unapproved-rebaseline",
           fmt::format("action '{}' is now due {}, {:+} days later than at {} ({}), with no approved "
                       "'rebaselined' record for the move",
                       action.id, to_iso(action.due), days, revision, to_iso(it->second)),
           fmt::format("record the approval under the action: rebaselined: [{{date: ..., from: {}, to: {}, "
                       "reason: ..., approved_by: ...}}]",
                       to_iso(it->second), to_iso(action.due))});
    }
}

}  // namespace bvplan
