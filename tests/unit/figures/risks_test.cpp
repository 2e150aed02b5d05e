#include "bvplan/figures/risks.hpp"

#include <doctest/doctest.h>

#include "bvplan/figures/compute.hpp"
#include "test_support.hpp"

using namespace bvplan;
using test::d;

namespace {

// One action, A1, and the risks in `risks` (list items at indent 2); `plan_fields`
// continue the plan's flow mapping.
Plan risk_plan(const std::string& risks, const std::string& plan_fields = "") {
  return test::plan_from(test::one_issue_plan(plan_fields, " {SPS: S}\n",
                                              "      - {id: A1, title: A, lead: SPS, start: 2004-01-05, due: "
                                              "2004-06-30}\n") +
                         "risks:\n" + risks);
}

const char* reviewed = R"(  - id: R1
    title: Registers not aligned
    owner: SPS
    likelihood: 4
    impact: 4
    target: {likelihood: 2, impact: 3}
    reviews:
      - {date: 2004-03-31, likelihood: 4, impact: 5}
      - {date: 2004-06-30, likelihood: 3, impact: 4, note: better}
)";

}  // namespace

TEST_CASE("a risk's score, band and target: likelihood x impact, high from 15, medium from 8") {
  Plan plan = risk_plan(reviewed);
  // Before any review: the inherent 4 x 4 = 16, high (16 >= 15); no trend.
  RiskFigures early = compute_risk(plan.risks[0], plan.risk_bands, d("2004-03-30"));
  CHECK(early.inherent_score == 16);
  CHECK(early.score == 16);
  CHECK(early.review == nullptr);
  CHECK_FALSE(early.review_date);
  CHECK(early.band == RiskBand::high);
  CHECK(early.trend == RiskTrend::none);
  CHECK(early.target_score == 6);  // 2 x 3
  // The first review, on T: 4 x 5 = 20 against the inherent 16, worse.
  RiskFigures first = compute_risk(plan.risks[0], plan.risk_bands, d("2004-03-31"));
  CHECK(first.score == 20);
  CHECK(first.review_date == d("2004-03-31"));
  CHECK(first.previous_score == 16);
  CHECK(first.previous_review == nullptr);
  CHECK(first.trend == RiskTrend::worse);
  // Between the reviews the first still stands.
  CHECK(compute_risk(plan.risks[0], plan.risk_bands, d("2004-06-29")).score == 20);
  // The second: 3 x 4 = 12 against the review before (20), better; medium (8 <= 12 < 15).
  RiskFigures second = compute_risk(plan.risks[0], plan.risk_bands, d("2004-12-31"));
  CHECK(second.current == RiskRating{3, 4});
  CHECK(second.score == 12);
  CHECK(second.previous_score == 20);
  CHECK(second.previous_review == &plan.risks[0].reviews[0]);
  CHECK(second.trend == RiskTrend::better);
  CHECK(second.band == RiskBand::medium);
  CHECK(std::string(to_string(second.trend)) == "better");
}

TEST_CASE("bands at their edges, with the default and a plan's own thresholds") {
  RiskBands standard;
  CHECK(risk_band(7, standard) == RiskBand::low);
  CHECK(risk_band(8, standard) == RiskBand::medium);
  CHECK(risk_band(14, standard) == RiskBand::medium);
  CHECK(risk_band(15, standard) == RiskBand::high);
  Plan plan = risk_plan(reviewed, ", risk_bands: {medium: 5, high: 12}");
  CHECK(plan.risk_bands.medium == 5);
  CHECK(plan.risk_bands.high == 12);
  // 3 x 4 = 12 is high from 12.
  CHECK(compute_risk(plan.risks[0], plan.risk_bands, d("2004-12-31")).band == RiskBand::high);
  CHECK(risk_band(4, plan.risk_bands) == RiskBand::low);
  CHECK(risk_band(5, plan.risk_bands) == RiskBand::medium);
}

TEST_CASE("an unchanged review is no change; a risk with no review has no trend") {
  Plan plan = risk_plan(R"(  - {id: R1, title: T, owner: SPS, likelihood: 2, impact: 3,
     reviews: [{date: 2004-02-01, likelihood: 3, impact: 2}]}
  - {id: R2, title: U, owner: SPS, likelihood: 5, impact: 5}
)");
  // 3 x 2 = 6 against the inherent 2 x 3 = 6.
  RiskFigures same = compute_risk(plan.risks[0], plan.risk_bands, d("2004-06-30"));
  CHECK(same.score == 6);
  CHECK(same.trend == RiskTrend::same);
  CHECK(std::string(to_string(same.trend)) == "no change");
  CHECK(same.band == RiskBand::low);
  RiskFigures none = compute_risk(plan.risks[1], plan.risk_bands, d("2004-06-30"));
  CHECK(none.score == 25);
  CHECK(none.trend == RiskTrend::none);
  CHECK_FALSE(none.target_score);
}

TEST_CASE("compute_plan carries the plan's risks in file order") {
  Plan plan = risk_plan(std::string(reviewed) +
                        "  - {id: R2, title: U, owner: SPS, likelihood: 1, impact: 1, "
                        "status: closed}\n");
  PlanFigures f = compute_plan(plan, d("2004-06-30"), {d("2004-04-01"), d("2004-06-30")});
  REQUIRE(f.risks.size() == 2);
  CHECK(f.risks[0].risk->id == "R1");
  CHECK(f.risks[1].risk->status == RiskStatus::closed);
  CHECK(f.risks[1].score == 1);
}
