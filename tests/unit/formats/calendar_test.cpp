#include "bvplan/formats/calendar.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include <fmt/format.h>
#include "bvplan/core/text.hpp"
#include "bvplan/model/loader.hpp"

using namespace bvplan;
using bvplan::test::d;

TEST_CASE("ics lines fold at 75 octets and end with CRLF") {
  Plan p = test::portfolio_plan(
      "  SPS: S\n", "      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-12-31}\n",
      ", monitoring: [{body: \"A very long monitoring body name, with commas; and semicolons, that folds\", "
      "every: 6 months}]");
  std::string ics = render_calendar_ics(compute_calendar({&p}, std::nullopt, std::nullopt), d("2004-06-30"));
  CHECK(ics.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  size_t start = 0;
  for (size_t end; (end = ics.find("\r\n", start)) != std::string::npos; start = end + 2) CHECK(end - start <= 75);
  CHECK(start == ics.size());
  CHECK(ics.find("SUMMARY:Progress report due to A very long monitoring body name\\, with comm\r\n "
                 "as\\; and semicolons\\, that folds\r\n") != std::string::npos);
}

TEST_CASE("ics: a folded line never continues with a workflow command") {
  // The fold would fall just before "::error": it moves earlier.
  std::string body = std::string(44, 'x') + "::error::pwned";
  Plan p =
      test::portfolio_plan("  SPS: S\n", "      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-12-31}\n",
                           ", monitoring: [{body: \"" + body + "\", every: 6 months}]");
  std::string ics = render_calendar_ics(compute_calendar({&p}, std::nullopt, std::nullopt), d("2004-06-30"));
  CHECK(ics.find("SUMMARY:Progress report due to " + std::string(43, 'x') + "\r\n x::error::pwned\r\n") !=
        std::string::npos);
  size_t start = 0;
  for (size_t end; (end = ics.find("\r\n", start)) != std::string::npos; start = end + 2) {
    CHECK(end - start <= 75);
    CHECK_FALSE(starts_workflow_command(std::string_view(ics).substr(start, end - start)));
  }
}

TEST_CASE("calendar: a plan ending 9999-12-31 lists no report after it") {
  Plan plan = test::plan_from(R"(bvplan: 1
plan: {id: far, title: F, start: 9999-01-01, end: 9999-12-31, monitoring: [{body: Cabinet, every: 6 months}]}
owners:
  SPS: S
issues:
  - id: KI1
    title: One
    actions:
      - {id: A1, title: a, lead: SPS, start: 9999-01-01, due: 9999-12-31}
)");
  Calendar c = compute_calendar({&plan}, std::nullopt, std::nullopt);
  REQUIRE(c.reports.size() == 1);
  CHECK(to_iso(c.reports[0].date) == "9999-07-01");
  REQUIRE(c.notes.size() == 1);
  CHECK(describe(c.notes[0]) ==
        "far: the report to Cabinet due as the plan ends falls due after 9999-12-31 and is not listed");
  CHECK_FALSE(next_report(plan, d("9999-07-01")));
  c.reports[0].date = d("9999-12-31");  // a report on the last day: no DTEND past it
  std::string ics = render_calendar_ics(c, d("9999-06-30"));
  CHECK(ics.find("DTSTART;VALUE=DATE:99991231\r\nSUMMARY") != std::string::npos);
}

TEST_CASE("calendar notes in words: a cadence that does not divide the plan's period") {
  Plan p =
      test::portfolio_plan("  SPS: S\n", "      - {id: A1, title: a, lead: SPS, start: 2004-01-01, due: 2004-12-31}\n",
                           ", monitoring: [{body: Cabinet, every: 5 months}]");
  CalendarNote note{CalendarNote::Kind::uneven, &p, &p.monitoring[0], d("2004-11-01")};
  CHECK(describe(note) ==
        "p: reports to Cabinet every 5 months do not divide the plan period 2004-01-01 to 2004-12-31; "
        "the last falls due on 2004-11-01, 60 days before the plan ends");
  note.last.reset();
  CHECK(describe(note) ==
        "p: reports to Cabinet every 5 months do not divide the plan period 2004-01-01 to 2004-12-31; "
        "no report falls due within it");
}
