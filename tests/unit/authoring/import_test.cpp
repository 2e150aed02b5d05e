#include "bvplan/authoring/import.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

namespace bvplan {

using test::d;

TEST_CASE("read_sheet_date: the ways councils write dates, day first") {
  CHECK(read_sheet_date("31/12/2004") == d("2004-12-31"));
  CHECK(read_sheet_date("1/7/2004") == d("2004-07-01"));
  CHECK(read_sheet_date("31/12/04") == d("2004-12-31"));
  CHECK(read_sheet_date("01/01/29") == d("2029-01-01"));  // Excel: 00-29 are 2000s
  CHECK(read_sheet_date("01/01/30") == d("1930-01-01"));
  CHECK(read_sheet_date("31-12-2004") == d("2004-12-31"));
  CHECK(read_sheet_date("31.12.2004") == d("2004-12-31"));
  CHECK(read_sheet_date("31 Dec 2004") == d("2004-12-31"));
  CHECK(read_sheet_date("31 december 2004") == d("2004-12-31"));
  CHECK(read_sheet_date("1st Sept 2004") == d("2004-09-01"));
  CHECK(read_sheet_date("31-Dec-04") == d("2004-12-31"));
  CHECK(read_sheet_date("2004-12-31") == d("2004-12-31"));
  CHECK(read_sheet_date("2004/12/31") == d("2004-12-31"));
  CHECK(read_sheet_date(" 31/12/2004 00:00 ") == d("2004-12-31"));
  // A month alone: its last day, or its first in a start column.
  CHECK(read_sheet_date("December 2004") == d("2004-12-31"));
  CHECK(read_sheet_date("Feb 2004") == d("2004-02-29"));
  CHECK(read_sheet_date("Dec-04") == d("2004-12-31"));
  CHECK(read_sheet_date("12/2004") == d("2004-12-31"));
  CHECK(read_sheet_date("December 2004", MonthDay::first) == d("2004-12-01"));
  // Not dates.
  CHECK_FALSE(read_sheet_date("31/13/2004"));
  CHECK_FALSE(read_sheet_date("29/02/2005"));
  CHECK_FALSE(read_sheet_date("12/31/2004"));  // American, month first
  CHECK_FALSE(read_sheet_date("2004"));
  CHECK_FALSE(read_sheet_date("Q3 2004"));
  CHECK_FALSE(read_sheet_date("soon"));
  CHECK_FALSE(read_sheet_date(""));
  CHECK_FALSE(read_sheet_date("31/12/204"));
  CHECK_FALSE(read_sheet_date("31 Decembre 2004"));
}

TEST_CASE("read_sheet_amount: pounds, commas and spaces") {
  CHECK(read_sheet_amount("1500") == "1500");
  CHECK(read_sheet_amount("£1,500") == "1500");
  CHECK(read_sheet_amount(" £ 1,500.50 ") == "1500.5");
  CHECK(read_sheet_amount("1 500 000") == "1500000");
  CHECK(read_sheet_amount("1\xC2\xA0"
                          "500") == "1500");  // a non-breaking space
  CHECK(read_sheet_amount("0") == "0");
  CHECK(read_sheet_amount("0.00") == "0");
  CHECK(read_sheet_amount("007") == "7");
  CHECK(read_sheet_amount("0.25") == "0.25");
  CHECK(read_sheet_amount("1000000000000") == "1000000000000");
  CHECK(read_sheet_amount("123456789012.345") == "123456789012.345");
  CHECK_FALSE(read_sheet_amount("1000000000000.5"));  // over a trillion
  CHECK_FALSE(read_sheet_amount("1234567890123.4"));
  CHECK_FALSE(read_sheet_amount("1.1234567890123456"));  // 16 decimal places
  CHECK_FALSE(read_sheet_amount("1,50"));
  CHECK_FALSE(read_sheet_amount("1500,"));
  CHECK_FALSE(read_sheet_amount(",500"));
  CHECK_FALSE(read_sheet_amount("1,5000"));
  CHECK_FALSE(read_sheet_amount("-500"));
  CHECK_FALSE(read_sheet_amount("(500)"));
  CHECK_FALSE(read_sheet_amount("£1.5m"));
  CHECK_FALSE(read_sheet_amount("1e3"));
  CHECK_FALSE(read_sheet_amount("500."));
  CHECK_FALSE(read_sheet_amount(".5"));
  CHECK_FALSE(read_sheet_amount(""));
  CHECK_FALSE(read_sheet_amount("£"));
}

TEST_CASE("read_sheet_percent: 0 to 100, with or without %") {
  CHECK(read_sheet_percent("60") == "60");
  CHECK(read_sheet_percent("60%") == "60");
  CHECK(read_sheet_percent(" 62.5 % ") == "62.5");
  CHECK(read_sheet_percent("100%") == "100");
  CHECK(read_sheet_percent("100.0") == "100");
  CHECK(read_sheet_percent("0") == "0");
  CHECK_FALSE(read_sheet_percent("100.5"));
  CHECK_FALSE(read_sheet_percent("101%"));
  CHECK_FALSE(read_sheet_percent("1,000"));
  CHECK_FALSE(read_sheet_percent("£50"));
  CHECK_FALSE(read_sheet_percent("-5%"));
  CHECK_FALSE(read_sheet_percent("half"));
  CHECK_FALSE(read_sheet_percent("%"));
}

namespace {

ImportOptions options_for() {
  ImportOptions options;
  options.file = "s.csv";
  options.source_name = "s.csv";
  options.plan_id = "p";
  options.title = "Plan";
  options.progress_date = d("2004-06-30");
  return options;
}

}  // namespace

TEST_CASE("import_sheet: ids, owners, merged key issues, a title row, progress") {
  ImportOptions options = options_for();
  options.start = d("2004-06-30");
  Owner director;
  director.id = "DAL";
  director.name = "Director of Arts & Leisure";
  options.registered.emplace("DAL", director);
  ImportResult r = import_sheet(
      "Improvement plan 2004,,,,\r\n"
      "Key issue,Action,Lead officer,Due,% complete\r\n"
      "Partnerships,Draft the policy,John Smith,30/09/2004,60%\r\n"
      ",Consult partners,director of arts &  leisure,31 Dec 2004,\r\n"
      "KI9,Publish,Jane Smart,December 2004,0\r\n",
      options);
  CHECK(r.findings.empty());
  CHECK(r.issues == 2);
  CHECK(r.actions == 3);
  CHECK(r.text ==
        "# Imported by 'bvplan import' from s.csv.\n"
        "bvplan: 1\n"
        "plan:\n"
        "  id: p\n"
        "  title: Plan\n"
        "  start: 2004-06-30\n"
        "  end: 2004-12-31\n"
        "owners:\n"
        "  JS: John Smith\n"
        "  JS2: Jane Smart\n"
        "issues:\n"
        "  - id: KI1\n"
        "    title: Partnerships\n"
        "    actions:\n"
        "      - id: KI1.1\n"
        "        title: Draft the policy\n"
        "        lead: JS\n"
        "        start: 2004-06-30\n"
        "        due: 2004-09-30\n"
        "        updates:\n"
        "          - date: 2004-06-30\n"
        "            complete: 60\n"
        "      - id: KI1.2\n"
        "        title: Consult partners\n"
        "        lead: DAL\n"
        "        start: 2004-06-30\n"
        "        due: 2004-12-31\n"
        "  - id: KI9\n"
        "    title: KI9\n"
        "    actions:\n"
        "      - id: KI9.1\n"
        "        title: Publish\n"
        "        lead: JS2\n"
        "        start: 2004-06-30\n"
        "        due: 2004-12-31\n");
}

TEST_CASE("import_sheet: no start anywhere and no --start is an error") {
  ImportResult r = import_sheet("Action,Lead,Due\nA,JS,31/12/2004\n", options_for());
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == "no-start");
  CHECK(r.text.empty());
}

TEST_CASE("import_sheet: a cell that cannot be read is an error at its row and column") {
  ImportOptions options = options_for();
  options.start = d("2004-01-01");
  ImportResult r = import_sheet("Action;Lead;Due;Budget\nA;JS;31/13/2004;£1,50\n", options);
  REQUIRE(r.findings.size() == 2);
  CHECK(r.findings[0].position == Position{2, 3});
  CHECK(r.findings[0].message == "cell C2 (Due): '31/13/2004' is not a date");
  CHECK(r.findings[1].position == Position{2, 4});
  CHECK(r.findings[1].message == "cell D2 (Budget): '£1,50' is not an amount of money");
  CHECK(r.text.empty());
}

TEST_CASE("import_sheet: no header row") {
  ImportResult r = import_sheet("a,b\nc,d\n", options_for());
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == "no-header");
  CHECK(r.findings[0].position == Position{1, 1});
}

TEST_CASE("import_sheet: key issues and owners match whatever their case and spacing") {
  ImportOptions options = options_for();
  Owner director;
  director.id = "DAL";
  director.name = "Director of Arts & Leisure";
  options.registered.emplace("DAL", director);
  ImportResult r = import_sheet(
      "Key issue,Action,Lead,Start,Due\n"
      "Partnership  working,A,John Smith,01/04/2004,30/09/2004\n"
      "Other,B,JOHN  SMITH,01/04/2004,30/09/2004\n"
      "partnership working,C,dal,01/04/2004,30/09/2004\n",
      options);
  CHECK(r.findings.empty());
  CHECK(r.issues == 2);
  CHECK(r.text.find("  JS: John Smith\nissues:") != std::string::npos);
  CHECK(r.text.find("      - id: KI1.2\n        title: C\n        lead: DAL\n") != std::string::npos);
  CHECK(r.text.find("      - id: KI2.1\n        title: B\n        lead: JS\n") != std::string::npos);
}

TEST_CASE("import_sheet: progress without a % complete") {
  ImportOptions options = options_for();
  options.start = d("2004-01-01");
  // Words alone are kept as notes (and said once); figures alone are an error.
  ImportResult r = import_sheet(
      "Action,Lead,Due,% complete,Comments,Spent\n"
      "A,JS,31/12/2004,,Going well,\n"
      "B,JS,31/12/2004,0,,0\n",
      options);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].severity == Severity::warning);
  CHECK(r.findings[0].rule == "comments-as-notes");
  CHECK(r.text.find("        notes: 'Comments: Going well'\n") != std::string::npos);
  CHECK(r.text.find("updates:") == std::string::npos);
  r = import_sheet("Action,Lead,Due,% complete,Spent\nA,JS,31/12/2004,,£500\n", options);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].position == Position{2, 4});
  CHECK(r.text.empty());
}

TEST_CASE("import_sheet: a target curve and a completion date, as report's CSV writes them") {
  ImportOptions options = options_for();
  options.start = d("2004-01-01");
  ImportResult r = import_sheet(
      "Action,Lead,Due,Targets,% complete,Last update,Completed\n"
      "A,JS,31/12/2004,2004-06-30: 50; 31/12/2004 = 100%,100,30/06/2004,15/06/2004\n"
      "B,JS,31/12/2004,,40,30/06/2004,\n",
      options);
  CHECK(r.findings.empty());
  CHECK(r.text.find("        targets: {2004-06-30: 50, 2004-12-31: 100}\n        updates:\n"
                    "          - date: 2004-06-30\n            complete: 100\n            completed: 2004-06-15\n") !=
        std::string::npos);
  CHECK(r.text.find("targets:", r.text.find("title: B")) == std::string::npos);
}

TEST_CASE("import_sheet: a target curve or completion date that cannot be read") {
  ImportOptions options = options_for();
  options.start = d("2004-01-01");
  ImportResult r = import_sheet(
      "Action,Lead,Due,Targets,% complete,Completed\n"
      "A,JS,31/12/2004,2004-06-30 50,40,\n"
      "B,JS,31/12/2004,2004-06-30: 50; 30/06/2004: 60,40,\n"
      "C,JS,31/12/2004,,40,15/06/2004\n",
      options);
  REQUIRE(r.findings.size() == 3);
  CHECK(r.findings[0].position == Position{2, 4});
  CHECK(r.findings[0].message == "cell D2 (Targets): '2004-06-30 50' is not a date and a percentage");
  CHECK(r.findings[1].message == "cell D3 (Targets): 2004-06-30 is given twice");
  CHECK(r.findings[2].position == Position{4, 6});
  CHECK(r.findings[2].message == "cell F4 (Completed): the action is given a completion date but is not 100% complete");
  CHECK(r.text.empty());
}

TEST_CASE("import_sheet: a report of two plans is an error at the second") {
  ImportOptions options = options_for();
  ImportResult r = import_sheet(
      "plan,issue,action,title,lead,start,due\r\n"
      "a,KI1,KI1.1,One,JS,2004-01-01,2004-12-31\r\n"
      "b,KI1,KI1.1,One,JS,2004-01-01,2004-12-31\r\n",
      options);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].rule == "more-than-one-plan");
  CHECK(r.findings[0].position == Position{3, 1});
  CHECK(r.findings[0].message == "cell A3 (plan): 'b' is a second plan in the sheet ('a' came first)");
}

TEST_CASE("import_sheet: a long cell is quoted in part") {
  ImportOptions options = options_for();
  options.start = d("2004-01-01");
  std::string long_date = "31/12/2004" + std::string(100, 'x');
  ImportResult r = import_sheet("Action,Lead,Due\nA,JS," + long_date + "\n", options);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].message == "cell C2 (Due): '" + long_date.substr(0, 60) + "...' is not a date");
}

TEST_CASE("import_sheet: the ' bvplan's CSV puts before a formula-like text is taken off") {
  ImportOptions options = options_for();
  options.start = d("2004-01-01");
  ImportResult r = import_sheet("Action,Lead,Due,Notes\n'=SUM(A1),JS,31/12/2004,'it's\n", options);
  CHECK(r.findings.empty());
  CHECK(r.text.find("        title: =SUM(A1)\n") != std::string::npos);
  CHECK(r.text.find("        notes: '''it''s'\n") != std::string::npos);
}

}  // namespace bvplan
