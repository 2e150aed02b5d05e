#include "bvplan/authoring/csv.hpp"

#include <doctest/doctest.h>

namespace bvplan {

namespace {

std::vector<std::vector<std::string>> cells_of(const std::vector<CsvRow>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRow& row : rows) out.push_back(row.cells);
  return out;
}

using Cells = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("decode_spreadsheet: UTF-8, with or without a byte-order mark, is kept") {
  Diagnostics errors;
  auto plain = decode_spreadsheet(
      "Action,Lead\n\xC2\xA3"
      "5\n",
      "a.csv", errors);
  REQUIRE(plain);
  CHECK(plain->encoding == CsvEncoding::utf8);
  CHECK(plain->text ==
        "Action,Lead\n\xC2\xA3"
        "5\n");
  auto bom = decode_spreadsheet(
      "\xEF\xBB\xBF"
      "Action",
      "a.csv", errors);
  REQUIRE(bom);
  CHECK(bom->encoding == CsvEncoding::utf8_bom);
  CHECK(bom->text == "Action");
  CHECK(errors.empty());
  CHECK(std::string(to_string(CsvEncoding::windows_1252)) == "Windows-1252");
}

TEST_CASE("decode_spreadsheet: bytes that are not UTF-8 are Windows-1252, converted") {
  Diagnostics errors;
  // 0xA3 is the pound sign, 0x80 the euro, 0x92 a right single quote (Word's apostrophe).
  auto decoded = decode_spreadsheet(
      "\xA3"
      "1,500;\x80"
      "5;Officer\x92s",
      "a.csv", errors);
  REQUIRE(decoded);
  CHECK(decoded->encoding == CsvEncoding::windows_1252);
  CHECK(decoded->text ==
        "\xC2\xA3"
        "1,500;\xE2\x82\xAC"
        "5;Officer\xE2\x80\x99s");
  CHECK(errors.empty());
}

TEST_CASE("decode_spreadsheet: errors at their line and column") {
  Diagnostics errors;
  CHECK_FALSE(decode_spreadsheet(std::string_view("a,b\nc\0d", 7), "a.csv", errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].position == Position{2, 2});
  CHECK(errors[0].rule == "csv-encoding");
  errors.clear();
  CHECK_FALSE(decode_spreadsheet("a\n\x81", "a.csv", errors));  // undefined in Windows-1252
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "byte 0x81 is neither UTF-8 nor Windows-1252");
  CHECK(errors[0].position == Position{2, 1});
  errors.clear();
  CHECK_FALSE(
      decode_spreadsheet("\xEF\xBB\xBF"
                         "ab\xA3",
                         "a.csv", errors));  // a BOM promises UTF-8
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].position == Position{1, 3});
  errors.clear();
  CHECK_FALSE(
      decode_spreadsheet("\xFF\xFE"
                         "A\0",
                         "a.csv", errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "the file is UTF-16 (Excel's 'Unicode Text'), not CSV");
}

TEST_CASE("read_csv: separators, CRLF, quotes, line breaks in cells") {
  Diagnostics errors;
  auto rows = read_csv("Action,Lead\r\n\"Agree, then publish\",JS\r\n\"Say \"\"yes\"\"\r\nthen go\",\"\"\r\n", ',',
                       "a.csv", errors);
  CHECK(errors.empty());
  CHECK(cells_of(rows) == Cells{{"Action", "Lead"}, {"Agree, then publish", "JS"}, {"Say \"yes\"\nthen go", ""}});
  REQUIRE(rows.size() == 3);
  CHECK(rows[2].number == 3);
  rows = read_csv("a;b,c;\n;\n", ';', "a.csv", errors);
  CHECK(cells_of(rows) == Cells{{"a", "b,c", ""}, {"", ""}});
  rows = read_csv("a\rb\n\nc", ',', "a.csv", errors);  // CR alone ends a row; a blank line is left out
  CHECK(cells_of(rows) == Cells{{"a"}, {"b"}, {"c"}});
  CHECK(rows[2].number == 4);
  rows = read_csv("a\nb\nc\nd\n", ',', "a.csv", errors, 2);  // stops after row 2
  CHECK(cells_of(rows) == Cells{{"a"}, {"b"}});
  rows = read_csv("ab\"c,\"d\"e\n", ',', "a.csv", errors);  // stray quotes kept as written
  CHECK(cells_of(rows) == Cells{{"ab\"c", "de"}});
  CHECK(read_csv("", ',', "a.csv", errors).empty());
  CHECK(errors.empty());
}

TEST_CASE("read_csv: an unterminated quote is an error at its row and column") {
  Diagnostics errors;
  auto rows = read_csv("a,b\n\"x\ny\",c\nd,\"never closed\ne,f\n", ',', "a.csv", errors);
  CHECK(cells_of(rows) == Cells{{"a", "b"}, {"x\ny", "c"}});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "a.csv");
  CHECK(errors[0].position == Position{3, 2});
  CHECK(errors[0].rule == "csv-syntax");
}

TEST_CASE("read_csv: a huge cell costs its size") {
  // Ten megabytes in one quoted cell, with doubled quotes and line breaks: read once.
  std::string big = "\"";
  for (int i = 0; i < 1'000'000; ++i) big += "ab\"\"cd\r\nx";
  big += "\",z\n";
  Diagnostics errors;
  auto rows = read_csv(big, ',', "a.csv", errors);
  CHECK(errors.empty());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].cells[0].size() == 7'000'000);  // ab " cd LF x
  CHECK(rows[0].cells[1] == "z");
}

TEST_CASE("read_csv: a sheet of more than a million cells stops there, with an error") {
  Diagnostics errors;
  std::string commas(max_csv_cells + 5, ',');
  CHECK(read_csv(commas, ',', "a.csv", errors).empty());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rule == "csv-too-big");
  CHECK(errors[0].position == Position{1, 1'000'001});
  errors.clear();
  std::string lines;
  for (size_t i = 0; i < max_csv_cells; ++i) lines += "x\n";
  CHECK(read_csv(lines, ',', "a.csv", errors).size() == max_csv_cells);
  CHECK(errors.empty());
  lines += "\n\nx\n";  // blank lines are not cells
  CHECK(read_csv(lines, ',', "a.csv", errors).size() == max_csv_cells);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].position == Position{1'000'003, 1});
}

}  // namespace bvplan
