#include <doctest/doctest.h>

#include "bvplan/rules/validate.hpp"
#include "test_support.hpp"

using namespace bvplan;

namespace {

// A1 (due mid-year, `a1` appended at indent 8) and the risks (list items at indent 2),
// monitored each quarter.
std::string risk_text(const std::string& risks, const std::string& a1 = "") {
  return test::one_issue_plan(", monitoring: [{body: Board, every: quarter}]", " {SPS: S, CMT: C}\n",
                              "      - id: A1\n        title: A\n        lead: SPS\n        start: 2004-01-05\n"
                              "        due: 2004-06-30\n" +
                                  a1) +
         "risks:\n" + risks;
}

Diagnostics findings(const std::string& text, const char* as_of) {
  Plan plan = test::plan_from(text);
  Diagnostics d;
  validate_plan(plan, plan.owners, test::d(as_of), d);
  sort_diagnostics(d);
  // A1's own progress warnings are not what these tests are about.
  std::erase_if(d, [](const Diagnostic& x) { return x.rule == "stale-update" || x.rule == "missing-remedy"; });
  return d;
}

const char* low_risk = "  - {id: R1, title: T, owner: CMT, likelihood: 2, impact: 2}\n";

}  // namespace

TEST_CASE("a risk owned, reviewed in the quarter and not high has no findings") {
  // CMT owns only the risk: it is used, not unused-owner.
  CHECK(findings(risk_text("  - {id: R1, title: T, owner: CMT, likelihood: 5, impact: 5, mitigated_by: [A1],\n"
                           "     reviews: [{date: 2004-05-01, likelihood: 2, impact: 2}]}\n"),
                 "2004-06-30")
            .empty());
}

TEST_CASE("unknown owner, unknown mitigation, duplicate id") {
  Diagnostics d = findings(risk_text("  - {id: A1, title: T, owner: SPS2, likelihood: 1, impact: 1, "
                                     "mitigated_by: [A2]}\n"),
                           "2004-02-15");
  REQUIRE(d.size() == 4);
  CHECK(d[0].rule == "unused-owner");  // CMT: the risk names SPS2 instead
  CHECK(d[1].rule == "duplicate-id");
  CHECK(d[1].message == "id 'A1' is already used by the action at line 8");
  CHECK(d[2].rule == "unknown-owner");
  CHECK(d[2].message == "unknown owner 'SPS2' (did you mean 'SPS'?)");
  CHECK(d[3].rule == "unknown-mitigation");
  CHECK(d[3].message == "risk 'A1' is mitigated by 'A2', which is not an action in this plan (did you mean 'A1'?)");
  CHECK(d[3].position == Position{14, 78});
  CHECK(d[3].severity == Severity::error);
}

TEST_CASE("reviews in order and not in the future") {
  Diagnostics d = findings(risk_text("  - {id: R1, title: T, owner: CMT, likelihood: 2, impact: 2, reviews: [\n"
                                     "     {date: 2004-02-01, likelihood: 2, impact: 2},\n"
                                     "     {date: 2004-02-01, likelihood: 1, impact: 2},\n"
                                     "     {date: 2004-03-01, likelihood: 1, impact: 1}]}\n"),
                           "2004-02-15");
  REQUIRE(d.size() == 2);
  CHECK(d[0].rule == "review-order");
  CHECK(d[0].message == "review dated 2004-02-01 is not after the previous review (2004-02-01)");
  CHECK(d[0].position == Position{16, 13});
  CHECK(d[1].rule == "future-date");
  CHECK(d[1].message == "review of risk 'R1' dated 2004-03-01 is after the as-of date 2004-02-15");
}

TEST_CASE("stale-risk: no review in the shortest cadence; a risk never reviewed counts from the plan's start") {
  // A quarter to 2004-03-31 starts on 2004-01-01, the plan's start: not stale.
  CHECK(findings(risk_text(low_risk), "2004-03-31").empty());
  Diagnostics d = findings(risk_text(low_risk), "2004-04-01");
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "stale-risk");
  CHECK(d[0].message == "risk 'R1' has not been reviewed since the plan started on 2004-01-01 (quarter to 2004-04-01)");
  std::string reviewed =
      "  - {id: R1, title: T, owner: CMT, likelihood: 2, impact: 2, reviews: [{date: 2004-04-01, "
      "likelihood: 2, impact: 2}]}\n";
  CHECK(findings(risk_text(reviewed), "2004-06-30").empty());
  d = findings(risk_text(reviewed), "2004-07-01");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "risk 'R1' has no review in the quarter to 2004-07-01 (latest 2004-04-01)");
  // Closed risks are not reviewed.
  CHECK(findings(risk_text("  - {id: R1, title: T, owner: CMT, likelihood: 5, impact: 5, status: closed}\n"),
                 "2004-12-31")
            .empty());
}

TEST_CASE("unmitigated-risk: open, high, and no mitigating action active and under 100%") {
  std::string high = "  - {id: R1, title: T, owner: CMT, likelihood: 3, impact: 5, mitigated_by: [A1]}\n";
  // A1 active with no update: under way.
  CHECK(findings(risk_text(high), "2004-02-15").empty());
  // A1 reported 100% on or before T: nothing under way any more.
  std::string done = "        updates: [{date: 2004-02-01, complete: 100}]\n";
  Diagnostics d = findings(risk_text(high, done), "2004-02-15");
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "unmitigated-risk");
  CHECK(d[0].message == "risk 'R1' is high (score 15 = 3 x 5) and no mitigating action is under way");
  // A1 deferred.
  d = findings(risk_text(high, "        status: deferred\n"), "2004-02-15");
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "unmitigated-risk");
  // A review that lowers the rating to medium (2 x 5 = 10) settles it; closed risks too.
  CHECK(findings(risk_text("  - {id: R1, title: T, owner: CMT, likelihood: 3, impact: 5, reviews: [{date: "
                           "2004-02-01, likelihood: 2, impact: 5}]}\n"),
                 "2004-02-15")
            .empty());
  CHECK(findings(risk_text("  - {id: R1, title: T, owner: CMT, likelihood: 3, impact: 5, status: closed}\n"),
                 "2004-02-15")
            .empty());
  // A plan's own bands: high from 20, so 3 x 5 = 15 is medium.
  std::string text = risk_text("  - {id: R1, title: T, owner: CMT, likelihood: 3, impact: 5}\n");
  text.replace(text.find("monitoring"), 0, "risk_bands: {medium: 8, high: 20}, ");
  CHECK(findings(text, "2004-02-15").empty());
}
