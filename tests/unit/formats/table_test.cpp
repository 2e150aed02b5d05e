#include "bvplan/formats/table.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

namespace {
const Table table{{{"ID"}, {"TARGET", Align::right}, {"TRAVEL"}}, {{"A1", "5%", "↑ improved"}, {"A10", "100%", ""}}};
}  // namespace

TEST_CASE("table: terminal columns padded by characters, right-aligned, no trailing spaces") {
  CHECK(render_terminal(table) ==
        "ID   TARGET  TRAVEL\n"
        "A1       5%  ↑ improved\n"
        "A10    100%\n");
}

TEST_CASE("table: a terminal cell style wraps body cells without changing the widths") {
  std::string out = render_terminal(table, [](size_t row, size_t column, const std::string& cell) {
    return row == 0 && column == 0 ? "<" + cell + ">" : cell;
  });
  CHECK(out ==
        "ID   TARGET  TRAVEL\n"
        "<A1>       5%  ↑ improved\n"
        "A10    100%\n");
}

TEST_CASE("table: Markdown with alignment row, CSV with CRLF") {
  CHECK(render_markdown(table) ==
        "| ID | TARGET | TRAVEL |\n"
        "|---|--:|---|\n"
        "| A1 | 5% | ↑ improved |\n"
        "| A10 | 100% |  |\n");
  CHECK(render_csv(table) == "ID,TARGET,TRAVEL\r\nA1,5%,↑ improved\r\nA10,100%,\r\n");
  CHECK(render_csv(Table{{{"a"}}, {}}) == "a\r\n");
}

TEST_CASE("table: a blank cell is '| |' in Markdown, empty in the terminal and CSV") {
  const Table blanks{{{"A"}, {"B", Align::right}, {"C"}},
                     {{std::string(blank_cell), "x", ""}, {"yy", "", std::string(blank_cell)}}};
  CHECK(render_markdown(blanks) ==
        "| A | B | C |\n"
        "|---|--:|---|\n"
        "| | x |  |\n"
        "| yy |  | |\n");
  CHECK(render_terminal(blanks) ==
        "A   B  C\n"
        "    x\n"
        "yy\n");
  CHECK(render_csv(blanks) == "A,B,C\r\n,x,\r\nyy,,\r\n");
}

TEST_CASE("table: titled_columns are left-aligned, in order") {
  std::vector<Column> columns = titled_columns({"plan", "due"});
  REQUIRE(columns.size() == 2);
  CHECK(columns[0].title == "plan");
  CHECK(columns[1].title == "due");
  CHECK(columns[1].align == Align::left);
  CHECK(render_csv(Table{columns, {{"p", "2004-01-01"}}}) == "plan,due\r\np,2004-01-01\r\n");
}
