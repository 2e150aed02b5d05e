#include "bvplan/formats/charts.hpp"

#include <string>
#include <vector>

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

// x of a date on the gantt: 250 + 300 x days since 1 January 2004 / 366 (to 1 January 2005).
double gantt_x(const char* date) {
  return 250 + 300.0 * static_cast<double>(d(date).days_since(d("2004-01-01"))) / 366;
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
  // By width: 6 px a character at 10, so 30 px holds 5 characters, 29.9 px 4 (the last "…").
  CHECK(fit_width("abcdef", 10, 36) == "abcdef");
  CHECK(fit_width("abcdef", 10, 30) == "abcd\xE2\x80\xA6");
  CHECK(fit_width("abcdef", 10, 29.9) == "abc\xE2\x80\xA6");
  CHECK(fit_width("abcdef", 10, -5).empty());
}

TEST_CASE("gantt: bars, done parts, overdue run-on, milestones, the as-at line, month labels and legend") {
  Plan plan = test::plan_from(plan_text);
  PlanFigures figures = compute_plan(plan, d("2004-06-30"), {d("2004-04-01"), d("2004-06-30")});
  std::string svg = gantt_svg(figures);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\" height=\"", 0) == 0);
  CHECK(svg.find("<title>Timeline: Roads &amp; &lt;paths&gt; (as at 30 June 2004)</title>") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("href") == std::string::npos);
  CHECK(svg.substr(svg.size() - 7) == "</svg>\n");
  // Headings per key issue, in file order, then their actions and milestones.
  size_t ki1 = svg.find(">KI1 Highways</text>"), a1 = svg.find(">A1 Resurface the high street\xE2\x80\xA6</text>");
  size_t m1 = svg.find(">M1 Survey</text>"), a2 = svg.find(">A2 Lights</text>"), ki2 = svg.find(">KI2 Parks</text>");
  REQUIRE(ki1 != std::string::npos);
  REQUIRE(a1 != std::string::npos);
  REQUIRE(m1 != std::string::npos);
  REQUIRE(a2 != std::string::npos);
  REQUIRE(ki2 != std::string::npos);
  CHECK((ki1 < a1 && a1 < m1 && m1 < a2 && a2 < ki2));
  // A1's label ends 8 before its status "Late 40%" (48 px, ending at 244): from x 12 to 188,
  // 176 px, 29 characters at 6 px, the last the ellipsis.
  // A1: rows from y 70, 16 each: KI1 (70), A1 (86); its bar from x(1 Jan) to x(31 Mar).
  CHECK(svg.find(fmt::format("<rect x=\"{:.1f}\" y=\"89.0\" width=\"{:.1f}\" height=\"10\" fill=\"white\"",
                             gantt_x("2004-01-01"), gantt_x("2004-03-31") - gantt_x("2004-01-01"))) !=
        std::string::npos);
  // 40% of it done, and hatched on from 31 March to the as-at date.
  CHECK(svg.find(fmt::format("<rect x=\"250.0\" y=\"91.0\" width=\"{:.1f}\" height=\"6\" fill=\"#8a8a8a\"/>",
                             0.4 * (gantt_x("2004-03-31") - 250))) != std::string::npos);
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
  // The as-at line and its label. Months: 5 labels of 56 px fit in 300, so every 3 (Jan, Apr,
  // Jul, Oct); Jul 2004 (from x(1 July) + 2 = 401.2) is left out, as the as-at line (398.4)
  // would cross it, and Jan 2005 (from 552) would not fit.
  CHECK(svg.find(fmt::format("<line x1=\"{0:.1f}\" y1=\"50.0\" x2=\"{0:.1f}\"", gantt_x("2004-06-30"))) !=
        std::string::npos);
  CHECK(svg.find(">As at 30 June 2004</text>") != std::string::npos);
  CHECK(svg.find(">Jan 2004</text>") != std::string::npos);
  CHECK(svg.find(">Apr 2004</text>") != std::string::npos);
  CHECK(svg.find(">Oct 2004</text>") != std::string::npos);
  CHECK(svg.find(">Jul 2004</text>") == std::string::npos);
  CHECK(svg.find(">Jan 2005</text>") == std::string::npos);
  CHECK(svg.find(">Mar 2004</text>") == std::string::npos);
  CHECK(svg.find(">Milestone overdue</text>") != std::string::npos);
  CHECK(svg.find(">and ") == std::string::npos);  // nothing left out
  // It fits one page: the paper's pictures are this one.
  CHECK(gantt_svgs(figures) == std::vector<std::string>{svg});
}

TEST_CASE("gantt: an as-of date long after the plan reaches at most three months past it, marked off the chart") {
  Plan plan = test::plan_from(plan_text);
  PlanFigures figures = compute_plan(plan, d("2026-11-30"), {d("2026-09-01"), d("2026-11-30")});
  std::string svg = gantt_svg(figures);
  // January 2004 to March 2005: 455 days; the as-at line at the right edge, 550.
  CHECK(svg.find("<line x1=\"550.0\" y1=\"50.0\" x2=\"550.0\"") != std::string::npos);
  CHECK(svg.find(">As at 30 November 2026 (off the chart)</text>") != std::string::npos);
  CHECK(svg.find(">2026") == std::string::npos);
  CHECK(svg.find(">Jan 2005</text>") != std::string::npos);
}

TEST_CASE("gantt layout: whole key issues packed in order, a long one going on under its heading") {
  using Pages = std::vector<std::vector<size_t>>;
  CHECK(gantt_layout(std::vector<size_t>{}, 10) == Pages{{}});
  CHECK(gantt_layout({3, 3}, 10) == Pages{{3, 3}});
  CHECK(gantt_layout({6, 5}, 10) == Pages{{6}, {5}});  // 11 rows: the second issue starts a new picture
  // 50 rows: 10, then 9 under the repeated heading on each further picture.
  CHECK(gantt_layout(std::vector<size_t>{50}, 10) == Pages{{10}, {9}, {9}, {9}, {9}, {4}});
  // Too long for a picture of its own: starts where 5 rows are left, not where 2 are.
  CHECK(gantt_layout({5, 20}, 10) == Pages{{5, 5}, {9}, {6}});
  CHECK(gantt_layout({8, 20}, 10) == Pages{{8}, {10}, {9}, {1}});
  // Issues of 11, 61, 6 and 31 rows (headings included) on pictures of 39.
  CHECK(gantt_layout({11, 61, 6, 31}, 39) == Pages{{11, 28}, {33}, {6, 31}});
}

TEST_CASE("gantt layout: an action stays with its milestones; only a group longer than a picture is cut") {
  using Pages = std::vector<std::vector<size_t>>;
  using Groups = std::vector<std::vector<size_t>>;
  // Heading, then actions of 3 rows (an action and two milestones) on pictures of 10:
  // 1 + 3 + 3 = 7 fit, the next 3 would too (10), then 1 (continued) + 3 + 3.
  CHECK(gantt_layout(Groups{{1, 3, 3, 3, 3, 3}}, 10) == Pages{{10}, {6}});
  // Pictures of 9: 1 + 3 + 3 = 7, two rows left are not enough for the next action.
  CHECK(gantt_layout(Groups{{1, 3, 3, 3, 3, 3}}, 9) == Pages{{7}, {6}, {3}});
  // After another issue, a long one starts where the heading and a whole action fit (then
  // 1 + 4 + 4 on the next picture)...
  CHECK(gantt_layout(Groups{{1, 2}, {1, 4, 4, 4}}, 10) == Pages{{3, 5}, {8}});
  // ...and not where only its heading would: no heading alone at the foot of a picture.
  CHECK(gantt_layout(Groups{{1, 5}, {1, 5, 5, 5}}, 10) == Pages{{6}, {6}, {5}, {5}});
  // A group longer than a picture is cut where the picture ends.
  CHECK(gantt_layout(Groups{{1, 25}}, 10) == Pages{{10}, {9}, {7}});
  // Groups of one row each: the layout of whole rows.
  CHECK(gantt_layout(Groups{{1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}}, 10) == Pages{{6}, {5}});
}

TEST_CASE("gantt: a plan of thousands of actions is drawn whole, and in pictures that fit a page for the paper") {
  std::string title(300, 'x');
  std::string text =
      "bvplan: 1\nplan: {id: p, title: Big, start: 2004-01-01, end: 2004-12-31}\nowners: {SPS: S}\n"
      "issues:\n  - id: KI1\n    title: " +
      title + "\n    actions:\n";
  for (int n = 0; n < 3000; ++n)
    text += fmt::format("      - {{id: A{}, title: T, lead: SPS, start: 2004-01-01, due: 2004-12-31}}\n", n);
  Plan plan = test::plan_from(text);
  PlanFigures figures = compute_plan(plan, d("2004-06-30"), {d("2004-04-01"), d("2004-06-30")});
  std::string svg = gantt_svg(figures);
  CHECK(svg.find(">A2999 T</text>") != std::string::npos);
  CHECK(svg.find("not shown") == std::string::npos);
  CHECK(svg.size() < 3000 * 300);
  // The heading cut by width: 560 - 2 x 8 - 4 = 540 px, 90 characters at 6 px.
  CHECK(svg.find(">KI1 " + std::string(85, 'x') + "\xE2\x80\xA6</text>") != std::string::npos);
  std::vector<std::string> pages = gantt_svgs(figures);
  // Each picture: 70 above the rows, 8 + 3 legend lines of 17 + 8 below: 137; (770 - 137)
  // / 16 = 39 rows: the heading and 38 actions, then the heading again and 38 more.
  REQUIRE(pages.size() == 79);  // 38 x 78 = 2,964, and 36 on the last
  size_t actions = 0;
  for (size_t n = 0; n < pages.size(); ++n) {
    const std::string& page = pages[n];
    CHECK(page.find(fmt::format("part {} of 79)</title>", n + 1)) != std::string::npos);
    CHECK(page.find(fmt::format(", part {} of 79</text>", n + 1)) != std::string::npos);
    CHECK(page.find(">As at 30 June 2004</text>") != std::string::npos);  // its own axis and as-at line
    CHECK(page.find(">Milestone overdue</text>") != std::string::npos);   // and legend
    CHECK(page.find("height=\"" + std::to_string(n + 1 < pages.size() ? 761 : 729) + "\"") != std::string::npos);
    for (size_t at = page.find(" T</text>"); at != std::string::npos; at = page.find(" T</text>", at + 1)) ++actions;
  }
  CHECK(actions == 3000);
  // From the second on, the heading is marked as going on, cut to leave room for that.
  CHECK(pages[1].find(">KI1 " + std::string(73, 'x') + "\xE2\x80\xA6 (continued)</text>") != std::string::npos);
  CHECK(pages[0].find("(continued)") == std::string::npos);
  CHECK(pages[1].find(">A38 T</text>") != std::string::npos);
  CHECK(pages[0].find(">A37 T</text>") != std::string::npos);
}

TEST_CASE("RAG summary: a bar per key issue and the whole plan, each part with its letter and count") {
  Plan plan = test::plan_from(plan_text);
  PlanFigures figures = compute_plan(plan, d("2004-06-30"), {d("2004-04-01"), d("2004-06-30")});
  std::string svg = rag_summary_svg(figures);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"560\"", 0) == 0);
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
  // KI1's bar: two parts of 26 px at least ("G 1": 18 px + 8) sharing 260 - 52 by count.
  CHECK(svg.find("<rect x=\"200.0\" y=\"51.0\" width=\"130.0\" height=\"16\" fill=\"#9fd8a8\"") != std::string::npos);
  CHECK(svg.find("<rect x=\"330.0\" y=\"51.0\" width=\"130.0\" height=\"16\" fill=\"url(#bvplan-red)\"") !=
        std::string::npos);
  CHECK(svg.find(">Amber: behind target</text>") != std::string::npos);
}
