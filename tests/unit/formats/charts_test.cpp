#include "bvplan/formats/charts.hpp"

#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "bvplan/formats/svg.hpp"
#include "test_support.hpp"

using namespace bvplan;
using bvplan::test::d;

namespace {

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// A1 overdue at 40% (due 31 March), A2 in progress at 50%, A3 complete, A4 deferred; A1's
// milestone M1 met, A2's M2 overdue (due 31 May), A2's M3 pending.
const char* const plan_text =
    "bvplan: 1\n"
    "plan: {id: p, title: Roads & <paths>, start: 2004-01-01, end: 2004-12-31}\n"
    "owners: {SPS: S}\n"
    "issues:\n"
    "  - id: KI1\n"
    "    title: Highways\n"
    "    actions:\n"
    "      - id: A1\n"
    "        title: Resurface the high street between the market and the station car park\n"
    "        lead: SPS\n"
    "        start: 2004-01-01\n"
    "        due: 2004-03-31\n"
    "        milestones:\n"
    "          - {id: M1, title: Survey, due: 2004-02-27, done: 2004-02-25}\n"
    "        updates:\n"
    "          - {date: 2004-03-31, complete: 40, summary: slow}\n"
    "      - id: A2\n"
    "        title: Lights\n"
    "        lead: SPS\n"
    "        start: 2004-04-01\n"
    "        due: 2004-12-31\n"
    "        milestones:\n"
    "          - {id: M2, title: Tender, due: 2004-05-31}\n"
    "          - {id: M3, title: Install, due: 2004-11-30}\n"
    "        updates:\n"
    "          - {date: 2004-06-30, complete: 50, summary: fine}\n"
    "  - id: KI2\n"
    "    title: Parks\n"
    "    actions:\n"
    "      - id: A3\n"
    "        title: Benches\n"
    "        lead: SPS\n"
    "        start: 2004-01-01\n"
    "        due: 2004-06-30\n"
    "        updates:\n"
    "          - {date: 2004-05-31, complete: 100, summary: done}\n"
    "      - id: A4\n"
    "        title: Ponds\n"
    "        lead: SPS\n"
    "        start: 2004-02-01\n"
    "        due: 2004-10-31\n"
    "        status: deferred\n";

// x of a date on the gantt: 270 + 420 x days since 1 January 2004 / 366 (to 1 January 2005).
double gantt_x(const char* date) {
  return 270 + 420.0 * static_cast<double>(d(date).days_since(d("2004-01-01"))) / 366;
}

}  // namespace

TEST_CASE("labels are cut to fit, with an ellipsis, and reckoned at 0.6 x the font size a character") {
  CHECK(fit_label("Short", 10) == "Short");
  CHECK(fit_label("0123456789", 10) == "0123456789");
  CHECK(fit_label("0123456789A", 10) == "012345678\xE2\x80\xA6");
  CHECK(fit_label("caf\xC3\xA9 au lait", 5) == "caf\xC3\xA9\xE2\x80\xA6");  // characters, not bytes
  CHECK(fit_label("a\nb\x01", 10) == "a b ");
  CHECK(fit_label("a\xFF", 10) == "a\xEF\xBF\xBD");
  CHECK(label_length("caf\xC3\xA9") == 4);
  CHECK(label_width("abcde", 10) == doctest::Approx(30));
}

TEST_CASE("gantt: bars, done parts, overdue run-on, milestones, the as-at line, month labels and legend") {
  Plan plan = test::plan_from(plan_text);
  PlanFigures figures = compute_plan(plan, d("2004-06-30"), {d("2004-04-01"), d("2004-06-30")});
  std::string svg = gantt_svg(figures);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"700\" height=\"", 0) == 0);
  CHECK(svg.find("<title>Timeline: Roads &amp; &lt;paths&gt; (as at 30 June 2004)</title>") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("href") == std::string::npos);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
  // Headings per key issue, in file order, then their actions and milestones.
  size_t ki1 = svg.find(">KI1 Highways</text>"), a1 = svg.find(">A1 Resurface the high street betw\xE2\x80\xA6</text>");
  size_t m1 = svg.find(">M1 Survey</text>"), a2 = svg.find(">A2 Lights</text>"), ki2 = svg.find(">KI2 Parks</text>");
  REQUIRE(ki1 != std::string::npos);
  REQUIRE(a1 != std::string::npos);
  REQUIRE(m1 != std::string::npos);
  REQUIRE(a2 != std::string::npos);
  REQUIRE(ki2 != std::string::npos);
  CHECK((ki1 < a1 && a1 < m1 && m1 < a2 && a2 < ki2));
  // A1: rows from y 70, 16 each: KI1 (70), A1 (86); its bar from x(1 Jan) to x(31 Mar).
  CHECK(svg.find(fmt::format("<rect x=\"{:.1f}\" y=\"89.0\" width=\"{:.1f}\" height=\"10\" fill=\"white\"",
                             gantt_x("2004-01-01"), gantt_x("2004-03-31") - gantt_x("2004-01-01"))) !=
        std::string::npos);
  // 40% of it done, and hatched on from 31 March to the as-at date.
  CHECK(svg.find(fmt::format("<rect x=\"270.0\" y=\"91.0\" width=\"{:.1f}\" height=\"6\" fill=\"#8a8a8a\"/>",
                             0.4 * (gantt_x("2004-03-31") - 270))) != std::string::npos);
  CHECK(svg.find(fmt::format("<rect x=\"{:.1f}\" y=\"89.0\" width=\"{:.1f}\" height=\"10\" fill=\"url(#bvplan-late)\"",
                             gantt_x("2004-03-31"), gantt_x("2004-06-30") - gantt_x("2004-03-31"))) !=
        std::string::npos);
  CHECK(svg.find(">Late 40%</text>") != std::string::npos);
  CHECK(svg.find(">50%</text>") != std::string::npos);
  CHECK(svg.find(">Done</text>") != std::string::npos);
  CHECK(svg.find(">Deferred</text>") != std::string::npos);
  CHECK(svg.find("fill=\"#222222\"/>") != std::string::npos);            // A3 complete: solid
  CHECK(svg.find("stroke-dasharray=\"3 2\"/>\n") != std::string::npos);  // A4 deferred: dashed outline
  // Milestones: M1 met (black diamond), M2 overdue (hatched), M3 pending (white).
  CHECK(svg.find(">Met</text>") != std::string::npos);
  CHECK(svg.find(fmt::format("<path d=\"M {:.1f} {:.1f} l 5.5 5.5", gantt_x("2004-05-31"), 70 + 16 * 4 + 8 - 5.5)) !=
        std::string::npos);
  CHECK(occurrences(svg, "fill=\"url(#bvplan-late)\"") == 4);  // A1, M2, and the legend's two
  // The as-at line and its label; months every 2 (Jan, Mar, ... Nov 2004, Jan 2005 left out: it would not fit).
  CHECK(svg.find(fmt::format("<line x1=\"{0:.1f}\" y1=\"50.0\" x2=\"{0:.1f}\"", gantt_x("2004-06-30"))) !=
        std::string::npos);
  CHECK(svg.find(">As at 30 June 2004</text>") != std::string::npos);
  CHECK(svg.find(">Jan 2004</text>") != std::string::npos);
  CHECK(svg.find(">Mar 2004</text>") != std::string::npos);
  CHECK(svg.find(">Nov 2004</text>") != std::string::npos);
  CHECK(svg.find(">Feb 2004</text>") == std::string::npos);
  CHECK(svg.find(">Milestone overdue</text>") != std::string::npos);
  CHECK(svg.find(">and ") == std::string::npos);  // nothing left out
}

TEST_CASE("gantt: a plan of thousands of actions draws 200 rows and counts the rest") {
  std::string text =
      "bvplan: 1\nplan: {id: p, title: Big, start: 2004-01-01, end: 2004-12-31}\nowners: {SPS: S}\n"
      "issues:\n  - id: KI1\n    title: All\n    actions:\n";
  for (int n = 0; n < 3000; ++n)
    text += fmt::format("      - {{id: A{}, title: T, lead: SPS, start: 2004-01-01, due: 2004-12-31}}\n", n);
  Plan plan = test::plan_from(text);
  PlanFigures figures = compute_plan(plan, d("2004-06-30"), {d("2004-04-01"), d("2004-06-30")});
  std::string svg = gantt_svg(figures);
  // The heading and 199 actions.
  CHECK(svg.find(">A198 T</text>") != std::string::npos);
  CHECK(svg.find(">A199 T</text>") == std::string::npos);
  CHECK(svg.find(">and 2,801 more actions not shown</text>") != std::string::npos);
  CHECK(svg.size() < 200000);
}

TEST_CASE("RAG summary: a bar per key issue and the whole plan, each part with its letter and count") {
  Plan plan = test::plan_from(plan_text);
  PlanFigures figures = compute_plan(plan, d("2004-06-30"), {d("2004-04-01"), d("2004-06-30")});
  std::string svg = rag_summary_svg(figures);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"700\"", 0) == 0);
  CHECK(svg.find("<title>RAG summary: Roads &amp; &lt;paths&gt; (as at 30 June 2004)</title>") != std::string::npos);
  // KI1: A1 red (overdue), A2 at 50% against a target of 91/274 x 100 = 33%: green.
  // KI2: A3 complete, A4 deferred (not rated). The plan: one of each but amber.
  size_t ki1 = svg.find(">KI1 Highways</text>"), ki2 = svg.find(">KI2 Parks</text>"),
         whole = svg.find(">Whole plan</text>");
  REQUIRE(ki1 != std::string::npos);
  REQUIRE(ki2 != std::string::npos);
  REQUIRE(whole != std::string::npos);
  CHECK(occurrences(svg, ">G 1</text>") == 2);
  CHECK(occurrences(svg, ">R 1</text>") == 2);
  CHECK(occurrences(svg, ">C 1</text>") == 2);
  CHECK(occurrences(svg, ">N 1</text>") == 2);
  CHECK(svg.find(">A ") == std::string::npos);  // no amber part
  CHECK(occurrences(svg, ">2 actions</text>") == 2);
  CHECK(svg.find(">4 actions</text>") != std::string::npos);
  // KI1's bar: two parts of 36.4 px at least ("G 1": 18 px + 8) sharing 320 - 52 by count.
  CHECK(svg.find("<rect x=\"270.0\" y=\"51.0\" width=\"160.0\" height=\"16\" fill=\"#9fd8a8\"") != std::string::npos);
  CHECK(svg.find("<rect x=\"430.0\" y=\"51.0\" width=\"160.0\" height=\"16\" fill=\"url(#bvplan-red)\"") !=
        std::string::npos);
  CHECK(svg.find(">Amber: behind target</text>") != std::string::npos);
}
