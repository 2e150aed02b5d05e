#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/rules/families.hpp"
#include "bvplan/rules/validate.hpp"

namespace bvplan {

namespace {

void check_mitigations(RuleContext& context, const Risk& risk) {
  for (const Reference& ref : risk.mitigated_by) {
    if (context.actions.count(ref.id)) continue;
    std::vector<std::string> ids;
    for (const auto& [id, action] : context.actions) ids.push_back(id);
    context.error(ref.position, "unknown-mitigation",
                  fmt::format("risk '{}' is mitigated by '{}', which is not an action in this plan{}", risk.id, ref.id,
                              did_you_mean(ref.id, ids)),
                  "mitigated_by lists ids of actions in the same plan");
  }
}

void check_reviews(RuleContext& context, const Risk& risk) {
  check_dated_entries(context, risk.reviews, "review", fmt::format("review of risk '{}'", risk.id), "review-order",
                      [](const RiskReview&, const RiskReview*, bool) {});
}

// Stale as an action's updates are: no review in the reporting period that ends on the
// as-of date; a risk never reviewed counts from the plan's start.
void check_stale(RuleContext& context, const Risk& risk, const RiskReview* latest) {
  Cadence cadence = shortest_cadence(context.plan);
  Date since = latest ? latest->date : context.plan.start;
  if (since >= period_start(cadence, context.as_of)) return;
  context.warning(latest ? latest->position : risk.position, "stale-risk",
                  latest ? fmt::format("risk '{}' has no review in the {} to {} (latest {})", risk.id,
                                       to_string(cadence), to_iso(context.as_of), to_iso(latest->date))
                         : fmt::format("risk '{}' has not been reviewed since the plan started on {} ({} to {})",
                                       risk.id, to_iso(context.plan.start), to_string(cadence), to_iso(context.as_of)),
                  "add an entry under 'reviews:' with today's date, likelihood and impact");
}

// An action under way: active, and under 100% at the as-of date.
bool under_way(const Action& action, Date as_of) {
  const Update* latest = latest_update(action, as_of);
  return action.status == ActionStatus::active && (!latest || latest->complete < 100);
}

void check_mitigated(RuleContext& context, const Risk& risk, const RiskReview* latest) {
  RiskRating rating = latest ? latest->rating : risk.inherent;
  if (risk_band(rating.score(), context.plan.risk_bands) != RiskBand::high) return;
  for (const Reference& ref : risk.mitigated_by)
    if (auto it = context.actions.find(ref.id); it != context.actions.end() && under_way(*it->second, context.as_of))
      return;
  context.warning(risk.position, "unmitigated-risk",
                  fmt::format("risk '{}' is high (score {} = {} x {}) and no mitigating action is under way", risk.id,
                              rating.score(), rating.likelihood, rating.impact),
                  "list an active action under 'mitigated_by', or review the risk's rating");
}

}  // namespace

void check_risks(RuleContext& context) {
  for (const Risk& risk : context.plan.risks) {
    check_mitigations(context, risk);
    if (!risk.well_formed) continue;
    check_reviews(context, risk);
    if (risk.status == RiskStatus::closed) continue;
    const RiskReview* latest = latest_review(risk, context.as_of);
    if (context.plan.well_formed) check_stale(context, risk, latest);
    check_mitigated(context, risk, latest);
  }
}

}  // namespace bvplan
