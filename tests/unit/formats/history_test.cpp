#include "bvplan/formats/history.hpp"

#include <set>
#include <string>
#include <utility>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "bvplan/formats/svg.hpp"
#include "test_support.hpp"

using namespace bvplan;
using bvplan::test::d;

TEST_CASE("history renderings") {
  std::vector<HistoryPoint> points{
      {d("2004-03-31"), "767ad52", "infra", "Infra", 34.15, 27.5, Rag::amber, 1, 3, 1, {}, {}, {}},
      {d("2004-06-30"), "beed8a7", "infra", "Infra", 61.2, 55, Rag::amber, 1, 1, 3, {}, {}, {}}};
  CHECK(render_history_markdown(points) ==
        "| Date | Commit | Plan | Target | Actual | RAG | Red | Amber | Green |\n"
        "|---|---|---|--:|--:|---|--:|--:|--:|\n"
        "| 2004-03-31 | 767ad52 | infra | 34% | 28% | amber | 1 | 3 | 1 |\n"
        "| 2004-06-30 | beed8a7 | infra | 61% | 55% | amber | 1 | 1 | 3 |\n");
  CHECK(render_history_csv(points) ==
        "date,commit,plan,target,actual,rag,red,amber,green\r\n"
        "2004-03-31,767ad52,infra,34.2,27.5,amber,1,3,1\r\n"
        "2004-06-30,beed8a7,infra,61.2,55.0,amber,1,1,3\r\n");
  CHECK(render_history_json({}) == "{\"version\":1,\"points\":[]}\n");
  points[0].last_update = d("2004-03-31");
  points[1].last_update = d("2004-06-15");
  std::string svg = render_history_svg(points);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\"", 0) == 0);
  CHECK(svg.find("<title>Progress over time: Infra</title>") != std::string::npos);  // names the plan
  CHECK(svg.find("stroke-dasharray=\"6 4\"") != std::string::npos);                  // target dashed
  CHECK(svg.find(">Mar 2004</text>") != std::string::npos);                          // months, not ISO dates
  CHECK(svg.find(">Jun 2004</text>") != std::string::npos);
  CHECK(svg.find("2004-") == std::string::npos);
  CHECK(svg.find(">% complete</text>") != std::string::npos);
  CHECK(svg.find(">infra: Infra (last update 15 June 2004)</text>") != std::string::npos);
  CHECK(render_history_svg({{d("2004-03-31"), "x", "a&b", "<T>", 0, 0, Rag::none, 0, 0, 0, {}, {}, {}}})
            .find("a&amp;b: &lt;T&gt; (no update recorded)") != std::string::npos);
  // Several plans: the title counts them, and each has a legend line of its own.
  points[1].plan = "roads";
  svg = render_history_svg(points);
  CHECK(svg.find("<title>Progress over time: 2 plans</title>") != std::string::npos);
  CHECK(svg.find(">infra: Infra (last update 31 March 2004)</text>") != std::string::npos);
  CHECK(svg.find(">roads: Infra (last update 15 June 2004)</text>") != std::string::npos);
}

TEST_CASE("history svg: the actual line is solid to the last update, dotted after it, and the last label fits") {
  std::vector<HistoryPoint> points{
      {d("2004-03-31"), "a", "p", "P", 20, 30, Rag::green, 0, 0, 1, {}, d("2004-03-31"), {}},
      {d("2004-06-30"), "b", "p", "P", 50, 55, Rag::green, 0, 0, 1, {}, d("2004-06-30"), {}},
      {d("2004-09-30"), "b", "p", "P", 80, 55, Rag::red, 1, 0, 0, {}, d("2004-06-30"), {}},
      {d("2004-12-31"), "b", "p", "P", 100, 55, Rag::red, 1, 0, 0, {}, d("2004-06-30"), {}}};
  std::string svg = render_history_svg(points);
  // x = 60 + 550 x days since 31 March / 275; y = 60 + 260 x (1 - percent / 100).
  CHECK(svg.find("<path d=\"M 60.0 242.0 L 242.0 177.0\" fill=\"none\" stroke=\"black\" stroke-width=\"2\"/>") !=
        std::string::npos);
  CHECK(svg.find("<path d=\"M 242.0 177.0 L 426.0 177.0 L 610.0 177.0\" fill=\"none\" stroke=\"black\" "
                 "stroke-width=\"1.5\" stroke-dasharray=\"1.5 3\"/>") != std::string::npos);
  size_t circles = 0;
  for (size_t at = svg.find("<circle"); at != std::string::npos; at = svg.find("<circle", at + 1)) ++circles;
  CHECK(circles == 4);  // the two measured points, and the legend's two
  CHECK(svg.find(">No update since: last figures carried</text>") != std::string::npos);
  // "Dec 2004" centred on 610 would end at 638.8: moved in to end at 638.
  CHECK(svg.find("<text x=\"609.2\" y=\"339.0\" font-size=\"12\" text-anchor=\"middle\">Dec 2004</text>") !=
        std::string::npos);
}

TEST_CASE("history svg: a line break in a title never starts a line of the file") {
  std::string svg =
      render_history_svg({{d("2004-03-31"), "x", "p", "T\n::error::x\r", 0, 0, Rag::none, 0, 0, 0, {}, {}, {}}});
  CHECK(svg.find("<title>Progress over time: T&#10;::error::x&#13;</title>") != std::string::npos);
  CHECK(svg.find(">p: T ::error::x  (no update recorded)</text>") != std::string::npos);
  CHECK(svg.find("\n::") == std::string::npos);
}

TEST_CASE("history: a point with every action deferred or cancelled has no figures, not 0%") {
  std::vector<HistoryPoint> points{
      {d("2004-03-31"), "767ad52", "infra", "Infra", 34.15, 27.5, Rag::amber, 1, 3, 1, {}, d("2004-03-31"), {}},
      {d("2004-06-30"), "beed8a7", "infra", "Infra", std::nullopt, std::nullopt, Rag::none, 0, 0, 0, {}, {}, {}},
      {d("2004-09-30"), "c0ffee1", "infra", "Infra", 70, 60, Rag::amber, 0, 1, 0, {}, d("2004-09-30"), {}}};
  CHECK(render_history_markdown(points) ==
        "| Date | Commit | Plan | Target | Actual | RAG | Red | Amber | Green |\n"
        "|---|---|---|--:|--:|---|--:|--:|--:|\n"
        "| 2004-03-31 | 767ad52 | infra | 34% | 28% | amber | 1 | 3 | 1 |\n"
        "| 2004-06-30 | beed8a7 | infra | - | - | none | 0 | 0 | 0 |\n"
        "| 2004-09-30 | c0ffee1 | infra | 70% | 60% | amber | 0 | 1 | 0 |\n");
  CHECK(render_history_csv(points) ==
        "date,commit,plan,target,actual,rag,red,amber,green\r\n"
        "2004-03-31,767ad52,infra,34.2,27.5,amber,1,3,1\r\n"
        "2004-06-30,beed8a7,infra,,,none,0,0,0\r\n"
        "2004-09-30,c0ffee1,infra,70.0,60.0,amber,0,1,0\r\n");
  CHECK(render_history_json({points[1]}) ==
        "{\"version\":1,\"points\":[\n"
        "  {\"date\":\"2004-06-30\",\"commit\":\"beed8a7\",\"plan\":\"infra\",\"target\":null,\"actual\":null,"
        "\"rag\":\"none\",\"red\":0,\"amber\":0,\"green\":0}\n]}\n");
  // The chart's lines break at the point: two strokes (each starting "M"), no line to 0%.
  std::string svg = render_history_svg(points);
  size_t moves = 0;
  for (size_t at = svg.find(" M "); at != std::string::npos; at = svg.find(" M ", at + 1)) ++moves;
  CHECK(moves == 2);  // one break in the target line, one in the actual line
  CHECK(render_history_svg({points[1]}).find("<path d=\"\"") == std::string::npos);
}

TEST_CASE("history svg: several plans each have a marker and dash pattern of their own, shown in the legend") {
  // The first 84 plans have pairs of their own; the first 7 have shapes and dash patterns
  // of their own too (the target lines and carried figures have no markers).
  std::set<std::pair<std::string, std::string>> pairs;
  std::set<std::string> shapes, dashes;
  for (size_t n = 0; n < 84; ++n) {
    SeriesStyle style = series_style(n);
    pairs.insert({std::string(style.marker) + (style.filled ? " filled" : ""), std::string(style.dash)});
    if (n < 7) shapes.insert(std::string(style.marker));
    if (n < 7) dashes.insert(std::string(style.dash));
  }
  CHECK(pairs.size() == 84);
  CHECK(shapes.size() == 7);
  CHECK(dashes.size() == 7);
  CHECK(series_style(0).marker == "circle");
  CHECK(series_style(0).dash.empty());
  CHECK(series_style(7).marker == "circle");
  CHECK(series_style(7).filled);
  CHECK(series_style(84).marker == series_style(0).marker);
  CHECK(series_style(84).dash == series_style(0).dash);
  // Seven plans: each plan's legend line is drawn in its dash pattern (the first solid), with its
  // marker on it; its actual line too; its target in grey.
  std::vector<HistoryPoint> points;
  for (int n = 0; n < 7; ++n)
    points.push_back(
        {d("2004-03-31"), "a", fmt::format("p{}", n), "T", 20, 10.0 + n, Rag::green, 0, 0, 1, {}, d("2004-03-31"), {}});
  for (int n = 0; n < 7; ++n)
    points.push_back(
        {d("2004-06-30"), "b", fmt::format("p{}", n), "T", 40, 30.0 + n, Rag::green, 0, 0, 1, {}, d("2004-06-30"), {}});
  std::string svg = render_history_svg(points);
  CHECK(svg.find("<title>Progress over time: 7 plans</title>") != std::string::npos);
  // Legend lines from y 320 + 48 + 18 = 386, 18 apart; the sample 30 long at y - 4.
  for (size_t n = 0; n < 7; ++n) {
    const double y = 386 + 18.0 * static_cast<double>(n);
    const std::string_view dash = series_style(n).dash;
    const std::string pattern = dash.empty() ? "" : fmt::format(" stroke-dasharray=\"{}\"", dash);
    CHECK(svg.find(fmt::format("<line x1=\"8.0\" y1=\"{0:.1f}\" x2=\"38.0\" y2=\"{0:.1f}\" stroke=\"black\" "
                               "stroke-width=\"2\"{1}/>\n{2}",
                               y - 4, pattern, series_marker(n, 23, y - 4))) != std::string::npos);
    CHECK(svg.find(fmt::format(">p{}: T (last update 30 June 2004)</text>", n)) != std::string::npos);
    CHECK(svg.find(fmt::format("fill=\"none\" stroke=\"black\" stroke-width=\"2\"{}/>", pattern)) != std::string::npos);
    CHECK(svg.find(fmt::format("fill=\"none\" stroke=\"#888888\" stroke-width=\"1.2\"{}/>", pattern)) !=
          std::string::npos);
  }
  CHECK(svg.find(">Target, grey</text>") != std::string::npos);
}
