#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/rules/families.hpp"
#include "bvplan/rules/validate.hpp"

namespace bvplan {

namespace {

void check_issue(RuleContext& context, const Measure& m) {
  if (m.issue.empty()) return;
  std::vector<std::string> ids;
  for (const KeyIssue& issue : context.plan.issues) {
    if (issue.id == m.issue) return;
    ids.push_back(issue.id);
  }
  context.error(m.issue_position, "unknown-issue",
                fmt::format("measure '{}' serves unknown key issue '{}'{}", m.id, m.issue, did_you_mean(m.issue, ids)),
                "name the id of a key issue of this plan under 'issue:'");
}

// Actuals oldest first, one per date, none after the as-of date.
void check_actual_dates(RuleContext& context, const Measure& m) {
  check_dated_entries(context, m.actuals, "actual", "actual", "update-order",
                      [](const MeasurePoint&, const MeasurePoint*, bool) {});
}

// Stale: no actual on or before T once a cadence has passed since the baseline (or the
// plan's start), or the latest actual is more than a cadence old at T.
void check_stale(RuleContext& context, const Measure& m) {
  const MeasurePoint* current = latest_actual(m, context.as_of);
  Cadence cadence{m.every_months};
  if (current) {
    if (current->date.plus_months(m.every_months) >= context.as_of) return;
    context.warning(current->position, "stale-measure",
                    fmt::format("measure '{}' is collected every {}, but its latest actual is dated {}", m.id,
                                to_string(cadence), to_iso(current->date)),
                    "add the latest figure under 'actuals:'");
    return;
  }
  Date since = m.baseline ? m.baseline->date : context.plan.start;
  if (!m.baseline && !context.plan.well_formed) return;
  if (since.plus_months(m.every_months) >= context.as_of) return;
  context.warning(m.baseline ? m.baseline->position : m.position, "stale-measure",
                  fmt::format("measure '{}' is collected every {}, but has no actual since {} on {}", m.id,
                              to_string(cadence), m.baseline ? "its baseline" : "the plan's start", to_iso(since)),
                  "add the first figure under 'actuals:'");
}

}  // namespace

const MeasurePoint* latest_actual(const Measure& measure, Date as_of) {
  const MeasurePoint* latest = nullptr;
  for (const MeasurePoint& a : measure.actuals)
    if (a.date <= as_of && (!latest || a.date >= latest->date)) latest = &a;
  return latest;
}

void check_measures(RuleContext& context) {
  for (const Measure& m : context.plan.measures) {
    if (!m.well_formed) continue;
    check_issue(context, m);
    if (!m.owner.empty()) check_owner(context, Reference{m.owner, m.owner_position});
    check_actual_dates(context, m);
    check_stale(context, m);
  }
}

}  // namespace bvplan
