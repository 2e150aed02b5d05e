#include <algorithm>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "test_support.hpp"

using namespace bvplan;

namespace {

std::string with_risks(const std::string& risks, const std::string& plan_fields = "") {
  return test::one_issue_plan(plan_fields, " {SPS: S}\n",
                              "      - {id: A1, title: A, lead: SPS, start: 2004-01-05, due: 2004-06-30}\n") +
         "risks:\n" + risks;
}

std::vector<std::string> messages(const std::string& text) {
  std::vector<std::string> out;
  for (const Diagnostic& d : test::load_text(text).diagnostics)
    out.push_back(fmt::format("{}:{}: {} [{}]", d.position.line, d.position.column, d.message, d.rule));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every field of a risk is read") {
  Plan plan = test::plan_from(with_risks(R"(  - id: R1
    title: Registers not aligned
    owner: SPS
    likelihood: 4
    impact: 5
    controls: Workshops
    mitigated_by: [A1]
    target: {likelihood: 2, impact: 3}
    reviews:
      - {date: 2004-03-31, likelihood: 3, impact: 5, note: Half the workshops held}
    status: closed
  - {id: R2, title: Other, owner: SPS, likelihood: 1, impact: 1}
)"));
  REQUIRE(plan.risks.size() == 2);
  const Risk& r = plan.risks[0];
  CHECK(r.id == "R1");
  CHECK(r.position == Position{10, 9});
  CHECK(r.title == "Registers not aligned");
  CHECK(r.owner.id == "SPS");
  CHECK(r.inherent == RiskRating{4, 5});
  CHECK(r.controls == "Workshops");
  REQUIRE(r.mitigated_by.size() == 1);
  CHECK(r.mitigated_by[0].id == "A1");
  CHECK(r.target == RiskRating{2, 3});
  REQUIRE(r.reviews.size() == 1);
  CHECK(r.reviews[0].date == test::d("2004-03-31"));
  CHECK(r.reviews[0].rating == RiskRating{3, 5});
  CHECK(r.reviews[0].note == "Half the workshops held");
  CHECK(r.status == RiskStatus::closed);
  CHECK(r.well_formed);
  CHECK(plan.risks[1].status == RiskStatus::open);
  CHECK_FALSE(plan.risks[1].target);
  CHECK(plan.risk_bands.medium == 8);
  CHECK(plan.risk_bands.high == 15);
}

TEST_CASE("hostile ratings: 0, 6, 2.5, text, quoted") {
  CHECK(messages(with_risks("  - {id: R1, title: T, owner: SPS, likelihood: 0, impact: 6}\n")) ==
        std::vector<std::string>{"10:48: 'likelihood' is 0, but a likelihood is a whole number from 1 to 5 [bad-value]",
                                 "10:59: 'impact' is 6, but an impact is a whole number from 1 to 5 [bad-value]"});
  CHECK(
      messages(with_risks("  - {id: R1, title: T, owner: SPS, likelihood: 2.5, impact: high}\n")) ==
      std::vector<std::string>{"10:48: 'likelihood' is 2.5, but a likelihood is a whole number from 1 to 5 [bad-value]",
                               "10:61: 'impact' must be a plain decimal number, found 'high' [wrong-type]"});
  CHECK(messages(with_risks("  - {id: R1, title: T, owner: SPS, likelihood: \"3\", impact: -1}\n")) ==
        std::vector<std::string>{"10:48: 'likelihood' must be a number, found the quoted text '3' [wrong-type]",
                                 "10:61: 'impact' is -1, but an impact is a whole number from 1 to 5 [bad-value]"});
  CHECK(messages(with_risks("  - {id: R1, title: T, owner: SPS, likelihood: 1e3, impact: 99999999999999999999}\n")) ==
        std::vector<std::string>{"10:48: 'likelihood' must be a plain decimal number, found '1e3' [bad-value]",
                                 "10:61: 'impact' is 99999999999999999999, too large a number for a plan [bad-value]"});
}

TEST_CASE("a risk's missing keys, status, target and reviews are checked") {
  CHECK(messages(with_risks("  - {id: R1, title: T, likelihood: 1}\n")) ==
        std::vector<std::string>{"10:5: a risk has no 'impact' [missing-key]",
                                 "10:5: a risk has no 'owner' [missing-key]"});
  CHECK(messages(with_risks("  - {id: R1, title: T, owner: SPS, likelihood: 1, impact: 1, status: shut}\n")) ==
        std::vector<std::string>{"10:70: unknown risk status 'shut' [bad-value]"});
  CHECK(
      messages(with_risks("  - {id: R1, title: T, owner: SPS, likelihood: 1, impact: 1, target: {likelihood: 1}}\n")) ==
      std::vector<std::string>{"10:70: a risk's 'target' has no 'impact' [missing-key]"});
  CHECK(messages(with_risks("  - {id: R1, title: T, owner: SPS, likelihood: 1, impact: 1, reviews: [{date: 2004-01-01, "
                            "likelihood: 1}]}\n")) ==
        std::vector<std::string>{"10:72: a risk review has no 'impact' [missing-key]"});
  CHECK(
      messages(with_risks("  - 7\n")) ==
      std::vector<std::string>{"10:5: a risk must be a mapping of keys to values, found a single value [wrong-type]"});
}

TEST_CASE("risk_bands: whole scores from 1 to 25, medium at most high") {
  CHECK(test::plan_from(with_risks("", ", risk_bands: {medium: 6}")).risk_bands.medium == 6);
  CHECK(messages(with_risks("", ", risk_bands: {medium: 16, high: 12}")) ==
        std::vector<std::string>{"2:73: risk band medium from 16 is above high from 12 [bad-value]"});
  CHECK(messages(with_risks("", ", risk_bands: {medium: 0, high: 26}")) ==
        std::vector<std::string>{"2:82: 'medium' is 0, but a risk score is a whole number from 1 to 25 [bad-value]",
                                 "2:91: 'high' is 26, but a risk score is a whole number from 1 to 25 [bad-value]"});
  CHECK(messages(with_risks("", ", risk_bands: {low: 3}")) ==
        std::vector<std::string>{"2:74: unknown key 'low' in 'risk_bands' [unknown-key]"});
}
