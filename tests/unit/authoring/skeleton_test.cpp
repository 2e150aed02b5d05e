#include "bvplan/authoring/skeleton.hpp"

#include <doctest/doctest.h>

#include "bvplan/app/check.hpp"
#include "test_support.hpp"

using namespace bvplan;
using bvplan::test::d;

namespace {

PlanSkeleton roads() {
  return PlanSkeleton{.id = "roads-2005",
                      .title = "Roads improvement plan 2005",
                      .start = d("2005-01-01"),
                      .end = d("2005-12-31"),
                      .body = "Environment Scrutiny Committee",
                      .every = "quarter",
                      .owner = "HWY",
                      .owner_name = "Highways Service"};
}

// The findings of `bvplan check` on `text` as of `as_of`, with `register_text` as its
// owners.yaml when not empty.
Diagnostics check_text(const std::string& text, Date as_of, const std::string& register_text = "") {
  Diagnostics found;
  OwnersRegister inherited;
  if (!register_text.empty()) {
    SourceFile reg{"owners.yaml", register_text};
    inherited = load_owners_text(reg, found);
  }
  SourceFile source{"p.yaml", text};
  CheckedPlan checked = check_plan(source, inherited, as_of);
  found.insert(found.end(), checked.diagnostics.begin(), checked.diagnostics.end());
  return found;
}

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("a plan skeleton holds the values given and passes check with no findings") {
  std::string text = plan_skeleton(roads());
  CHECK(text.starts_with("# A Best Value improvement plan, begun with 'bvplan new'."));
  CHECK(has_line(text, "bvplan: 1"));
  CHECK(has_line(text, "  id: roads-2005"));
  CHECK(has_line(text, "  title: Roads improvement plan 2005"));
  CHECK(has_line(text, "  start: 2005-01-01"));
  CHECK(has_line(text, "  end: 2005-12-31"));
  CHECK(has_line(text, "  owner: HWY"));
  CHECK(has_line(text, "  monitoring:"));
  CHECK(has_line(text, "    - body: Environment Scrutiny Committee"));
  CHECK(has_line(text, "      every: quarter"));
  CHECK(has_line(text, "owners:"));
  CHECK(has_line(text, "  HWY: Highways Service"));
  CHECK(has_line(text, "  - id: KI1"));
  CHECK(has_line(text, "      - id: KI1.1"));
  CHECK(has_line(text, "        lead: HWY"));
  CHECK(has_line(text, "        start: 2005-01-01"));
  CHECK(has_line(text, "        due: 2005-12-31"));
  // The commented examples use the plan's dates: the milestone due as the plan ends,
  // the first update a quarter after the start.
  CHECK(has_line(text, "        #     due: 2005-12-31"));
  CHECK(has_line(text, "        #   - date: 2005-03-31"));
  CHECK(text.ends_with("        #     summary: What was done since the plan began\n"));

  CHECK(check_text(text, d("2005-01-01")).empty());
  // By the first report the action, with no update, is behind its straight-line target:
  // red, and a paper would say it has no remedy; check says so too.
  Diagnostics first_report = check_text(text, d("2005-03-31"));
  REQUIRE(first_report.size() == 1);
  CHECK(first_report[0].rule == "missing-remedy");
  Plan plan = bvplan::test::plan_from(text);
  CHECK(plan.id == "roads-2005");
  REQUIRE(plan.monitoring.size() == 1);
  CHECK(plan.monitoring[0].every.months == 3);
  REQUIRE(plan.issues.size() == 1);
  REQUIRE(plan.issues[0].actions.size() == 1);
  CHECK(plan.issues[0].actions[0].id == "KI1.1");
}

TEST_CASE("every value given is spelled as YAML reads it back") {
  PlanSkeleton odd = roads();
  odd.id = "2005";  // an id YAML would read as a number
  odd.title = "Roads: repairs #1 & 'potholes'";
  odd.body = "- Scrutiny";
  odd.owner_name = "Highways: roads & lighting";
  std::string text = plan_skeleton(odd);
  CHECK(has_line(text, "  id: '2005'"));
  CHECK(has_line(text, "  title: 'Roads: repairs #1 & ''potholes'''"));
  CHECK(has_line(text, "    - body: '- Scrutiny'"));
  CHECK(has_line(text, "  HWY: 'Highways: roads & lighting'"));
  CHECK(check_text(text, d("2005-01-01")).empty());
  Plan plan = bvplan::test::plan_from(text);
  CHECK(plan.id == "2005");
  CHECK(plan.title == "Roads: repairs #1 & 'potholes'");
  CHECK(plan.monitoring[0].body == "- Scrutiny");
  CHECK(plan.owners.at("HWY").name == "Highways: roads & lighting");
}

TEST_CASE("without a body the monitoring list is a commented example; a cadence sets the first update") {
  PlanSkeleton plan = roads();
  plan.body = "";
  plan.every = "";
  std::string text = plan_skeleton(plan);
  CHECK_FALSE(has_line(text, "  monitoring:"));
  CHECK(has_line(text, "  # monitoring:"));
  CHECK(has_line(text, "        #   - date: 2005-03-31"));
  CHECK(check_text(text, d("2005-01-01")).empty());

  plan = roads();
  plan.every = "6 months";
  text = plan_skeleton(plan);
  CHECK(has_line(text, "      every: 6 months"));
  CHECK(has_line(text, "        #   - date: 2005-06-30"));
  // A plan shorter than its cadence: the example update falls on the last day.
  plan.end = d("2005-02-14");
  text = plan_skeleton(plan);
  CHECK(has_line(text, "        #   - date: 2005-02-14"));
  CHECK(check_text(text, d("2005-01-01")).empty());
}

TEST_CASE("an owner from a register is not declared in the plan") {
  PlanSkeleton plan = roads();
  plan.owner = "CFO";
  plan.owner_name = std::nullopt;
  std::string text = plan_skeleton(plan);
  CHECK_FALSE(has_line(text, "owners:"));
  CHECK(has_line(text, "# owners:"));
  CHECK(has_line(text, "        lead: CFO"));
  CHECK(check_text(text, d("2005-01-01"), "owners:\n  CFO: Chief Financial Officer\n").empty());
  // Without the register, check says so: what `new` refuses to write.
  Diagnostics alone = check_text(text, d("2005-01-01"));
  REQUIRE(alone.size() == 2);
  CHECK(alone[0].rule == "unknown-owner");
  CHECK(alone[1].rule == "unknown-owner");
}

TEST_CASE("the default owner is LEAD, declared as the lead officer") {
  PlanSkeleton plan{.id = "p", .title = "P", .start = d("2005-01-01"), .end = d("2005-12-31"), .body = "", .every = ""};
  std::string text = plan_skeleton(plan);
  CHECK(has_line(text, "  owner: LEAD"));
  CHECK(has_line(text, "  LEAD: Lead officer"));
  CHECK(check_text(text, d("2005-01-01")).empty());
}

TEST_CASE("problems with the values given, in words") {
  CHECK(id_problem("roads-2005") == "");
  CHECK(id_problem("KI8.2_b") == "");
  CHECK(id_problem("") == "an id cannot be empty");
  CHECK(id_problem("roads 2005") ==
        "'roads 2005' is not an id: use letters, digits, '.', '_' and '-', starting with a letter or digit");
  CHECK(id_problem("-x") ==
        "'-x' is not an id: use letters, digits, '.', '_' and '-', starting with a letter or digit");
  CHECK(id_problem("a\x1b") ==
        "'a\\e' is not an id: use letters, digits, '.', '_' and '-', starting with a letter or digit");

  CHECK(date_problem("2004-02-29") == "");
  CHECK(date_problem("2005-02-29") == "'2005-02-29' is not a date: write YYYY-MM-DD, such as 2005-04-01");
  CHECK(date_problem("31/12/2004") == "'31/12/2004' is not a date: write YYYY-MM-DD, such as 2005-04-01");

  CHECK(line_problem("Roads: repairs") == "");
  CHECK(line_problem("Caf\xc3\xa9") == "");
  CHECK(line_problem("") == "the text is empty");
  CHECK(line_problem(" \xc2\xa0") == "the text is empty");
  CHECK(line_problem("a\nb") == "write the text on one line");
  CHECK(line_problem("a\rb") == "write the text on one line");
  CHECK(line_problem("a\tb") == "the text holds control characters or bytes that are not UTF-8");
  CHECK(line_problem("a\xff") == "the text holds control characters or bytes that are not UTF-8");
  CHECK(line_problem("a\xc2\x9b") == "the text holds control characters or bytes that are not UTF-8");
}

TEST_CASE("cadences as given on the command line, as the plan writes them") {
  CHECK(cadence_spelling("month") == "month");
  CHECK(cadence_spelling("quarter") == "quarter");
  CHECK(cadence_spelling("year") == "year");
  CHECK(cadence_spelling("6 months") == "6 months");
  CHECK(cadence_spelling("120 months") == "120 months");
  CHECK(cadence_spelling("half-year") == "6 months");
  CHECK_FALSE(cadence_spelling("121 months"));
  CHECK_FALSE(cadence_spelling("06 months"));
  CHECK_FALSE(cadence_spelling("2 month"));
  CHECK_FALSE(cadence_spelling("6"));
  CHECK_FALSE(cadence_spelling("Quarter"));
  CHECK_FALSE(cadence_spelling(""));
}

TEST_CASE("a plans repository: four files, the example plan checking clean with its register") {
  std::vector<SkeletonFile> files = repository_skeleton(d("2004-06-30"));
  REQUIRE(files.size() == 4);
  CHECK(files[0].path == "plans/example.yaml");
  CHECK(files[1].path == "owners.yaml");
  CHECK(files[2].path == ".github/workflows/bvplan.yml");
  CHECK(files[3].path == "README.md");
  // The example runs for a year from today, so it has nothing to report on the day it is made.
  CHECK(has_line(files[0].text, "  start: 2004-06-30"));
  CHECK(has_line(files[0].text, "  end: 2005-06-29"));
  CHECK(has_line(files[0].text, "        lead: CMT"));
  CHECK(has_line(files[1].text, "  CMT:"));
  CHECK(check_text(files[0].text, d("2004-06-30"), files[1].text).empty());
  CHECK(files[2].text.find("bvplan check plans --format github --strict --against \"origin/$BASE_REF\"") !=
        std::string::npos);
  CHECK(files[2].text.find("BASE_REF: ${{ github.base_ref }}") != std::string::npos);
  CHECK(files[2].text.find("bvplan report plans --format md -o paper.md") != std::string::npos);
  CHECK(files[2].text.find("uses: actions/upload-artifact@v4") != std::string::npos);
  CHECK(files[2].text.find("BVPLAN_SOURCE: ${{ vars.BVPLAN_SOURCE }}") != std::string::npos);
  // The example's period follows the date: a year from the day.
  CHECK(has_line(repository_skeleton(d("2005-01-31"))[0].text, "  start: 2005-01-31"));
  CHECK(has_line(repository_skeleton(d("2005-01-31"))[0].text, "  end: 2006-01-30"));
}
