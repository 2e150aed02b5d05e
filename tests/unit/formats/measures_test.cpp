#include "bvplan/formats/measures.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

#include "bvplan/formats/history.hpp"

using namespace bvplan;
using bvplan::test::d;

TEST_CASE("measure values are written by their unit") {
  CHECK(measure_value_text(71.5, MeasureUnit::percent, "GBP") == "71.5%");
  CHECK(measure_value_text(12500, MeasureUnit::money, "GBP") == "£12,500");
  CHECK(measure_value_text(-0.5, MeasureUnit::money, "EUR") == "-€0.50");
  CHECK(measure_value_text(1250.5, MeasureUnit::money, "USD") == "1,250.50 USD");
  CHECK(measure_value_text(12, MeasureUnit::days, "GBP") == "12 days");
  CHECK(measure_value_text(1, MeasureUnit::days, "GBP") == "1 day");
  CHECK(measure_value_text(1.004, MeasureUnit::days, "GBP") == "1 day");  // written as 1
  CHECK(measure_value_text(3.25, MeasureUnit::number, "GBP") == "3.25");
  CHECK(measure_value_text(-1000000000000, MeasureUnit::number, "GBP") == "-1000000000000");
  CHECK(measure_value_text(std::nullopt, MeasureUnit::percent, "GBP") == "-");
}

namespace {

HistoryPoint point(const char* date, std::vector<MeasureHistory> measures) {
  HistoryPoint p{d(date), "abc1234", "p", "P", 50, 40, Rag::amber, 0, 1, 0, std::move(measures), {}, {}};
  return p;
}

}  // namespace

TEST_CASE("history carries each measure's current value and RAG at each point") {
  std::vector<HistoryPoint> points{
      point("2004-03-31", {{"M|1", MeasureUnit::money, "GBP", std::nullopt, 100, Rag::none, {}}}),
      point("2004-06-30", {{"M|1", MeasureUnit::money, "GBP", 80.5, 100, Rag::red, d("2004-06-01")},
                           {"=M2", MeasureUnit::percent, "GBP", 10, std::nullopt, Rag::none, d("2004-06-01")}})};
  CHECK(render_history_markdown(points) ==
        "| Date | Commit | Plan | Target | Actual | RAG | Red | Amber | Green | M\\|1 | M\\|1 RAG | =M2 | =M2 RAG |\n"
        "|---|---|---|--:|--:|---|--:|--:|--:|--:|---|--:|---|\n"
        "| 2004-03-31 | abc1234 | p | 50% | 40% | amber | 0 | 1 | 0 |  | none |  |  |\n"
        "| 2004-06-30 | abc1234 | p | 50% | 40% | amber | 0 | 1 | 0 | £80.50 | red | 10% | none |\n");
  CHECK(render_history_csv(points) ==
        "date,commit,plan,target,actual,rag,red,amber,green,M|1,M|1_rag,\"'=M2\",\"'=M2_rag\"\r\n"
        "2004-03-31,abc1234,p,50.0,40.0,amber,0,1,0,,none,,\r\n"
        "2004-06-30,abc1234,p,50.0,40.0,amber,0,1,0,80.5,red,10,none\r\n");
  CHECK(render_history_json({points[1]}) ==
        "{\"version\":1,\"points\":[\n"
        "  {\"date\":\"2004-06-30\",\"commit\":\"abc1234\",\"plan\":\"p\",\"target\":50.0,\"actual\":40.0,"
        "\"rag\":\"amber\",\"red\":0,\"amber\":1,\"green\":0,\"measures\":[{\"id\":\"M|1\",\"current\":80.5,"
        "\"target\":100,\"rag\":\"red\"},{\"id\":\"=M2\",\"current\":10,\"target\":null,\"rag\":\"none\"}]}\n]}\n");
}

TEST_CASE("the history chart adds a panel per measure, 130 pixels each, on its own scale") {
  std::vector<HistoryPoint> none{point("2004-03-31", {}), point("2004-06-30", {})};
  std::vector<HistoryPoint> points{
      point("2004-03-31", {{"M<1>", MeasureUnit::percent, "GBP", 20, 40, Rag::red, d("2004-03-31")}}),
      point("2004-06-30", {{"M<1>", MeasureUnit::percent, "GBP", 38, 40, Rag::amber, d("2004-06-30")}})};
  std::string plain = render_history_svg(none), svg = render_history_svg(points);
  CHECK(plain.find("height=\"400\"") != std::string::npos);
  CHECK(svg.find("height=\"530\"") != std::string::npos);  // 400 + 130
  CHECK(svg.find(">p M&lt;1&gt;: actual (solid), target (dashed)</text>") != std::string::npos);
  // The scale runs from the lowest value (20%) to the highest (40%), labelled by unit.
  CHECK(svg.find(">20%</text>") != std::string::npos);
  CHECK(svg.find(">40%</text>") != std::string::npos);
  // The actual climbs from 20 (the bottom, y = 400 + 30 + 80) to 38; the target is flat at the top.
  CHECK(svg.find("<path d=\"M 60.0 510.0 L 610.0 438.0\" fill=\"none\" stroke=\"black\" stroke-width=\"2\"/>") !=
        std::string::npos);
  CHECK(svg.find("<path d=\"M 60.0 430.0 L 610.0 430.0\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\" "
                 "stroke-dasharray=\"6 4\"/>") != std::string::npos);
}

TEST_CASE("a measure panel's actual is dotted, without circles, after its latest actual") {
  std::vector<HistoryPoint> points{
      point("2004-03-31", {{"M1", MeasureUnit::percent, "GBP", 20, 40, Rag::red, d("2004-03-31")}}),
      point("2004-06-30", {{"M1", MeasureUnit::percent, "GBP", 38, 40, Rag::amber, d("2004-06-15")}}),
      point("2004-09-30", {{"M1", MeasureUnit::percent, "GBP", 38, 40, Rag::amber, d("2004-06-15")}})};
  std::string svg = render_history_svg(points);
  // x = 60 + 550 x days since 31 March / 183: 60, 333.5, 610; y = 430 + 80 x (40 - value) / 20.
  CHECK(svg.find("<path d=\"M 60.0 510.0 L 333.5 438.0\" fill=\"none\" stroke=\"black\" stroke-width=\"2\"/>") !=
        std::string::npos);
  CHECK(svg.find("<path d=\"M 333.5 438.0 L 610.0 438.0\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\" "
                 "stroke-dasharray=\"1.5 3\"/>") != std::string::npos);
  CHECK(svg.find("<circle cx=\"610.0\" cy=\"438.0\"") == std::string::npos);
  CHECK(svg.find("<circle cx=\"333.5\" cy=\"438.0\"") != std::string::npos);
}
