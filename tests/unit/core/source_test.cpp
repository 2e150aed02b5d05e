#include "bvplan/core/source.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("line_text finds lines, CRLF or LF") {
  SourceFile s{"p.yaml", "one\r\ntwo\nthree"};
  CHECK(s.line_text(1) == "one");
  CHECK(s.line_text(2) == "two");
  CHECK(s.line_text(3) == "three");
  CHECK(s.line_text(4) == "");
  CHECK(s.line_text(0) == "");
}

TEST_CASE("check_encoding strips a BOM and accepts UTF-8") {
  SourceFile s{"p.yaml", "\xEF\xBB\xBFtitle: caf\xC3\xA9\n"};
  CHECK(check_encoding(s).empty());
  CHECK(s.text == "title: caf\xC3\xA9\n");
}

TEST_CASE("check_encoding reports invalid UTF-8 and NUL bytes at their position") {
  SourceFile bad{"p.yaml", "a: 1\nb: \xC3\x28\n"};
  Diagnostics d = check_encoding(bad);
  REQUIRE(d.size() == 1);
  CHECK(d[0].position == Position{2, 4});
  CHECK(d[0].message == "invalid UTF-8 byte 0xC3");
  CHECK(d[0].rule == "yaml-syntax");

  SourceFile overlong{"p.yaml", "\xC0\xAF"};
  CHECK(check_encoding(overlong).size() == 1);
  SourceFile surrogate{"p.yaml", "\xED\xA0\x80"};
  CHECK(check_encoding(surrogate).size() == 1);

  SourceFile nul{"p.yaml", std::string("a: 1\n\0", 6)};
  d = check_encoding(nul);
  REQUIRE(d.size() == 1);
  CHECK(d[0].position == Position{2, 1});
  CHECK(d[0].message == "NUL byte in file; a plan must be text");
}

TEST_CASE("check_encoding refuses UTF-16") {
  SourceFile s{"p.yaml",
               "\xFF\xFE"
               "a\0"};
  Diagnostics d = check_encoding(s);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "file is UTF-16; bvplan reads UTF-8 only");
}

TEST_CASE("ColumnCounter counts characters, not bytes, from the line's start") {
  std::string text =
      "a: caf\xC3\xA9 \xE2\x82\xAC"
      "5\nb: x\n";  // "café €5"
  ColumnCounter columns(text);
  CHECK(columns.column(0, 0) == 1);
  CHECK(columns.column(0, 3) == 4);      // c
  CHECK(columns.column(0, 8) == 8);      // the space after é (2 bytes, 1 character)
  CHECK(columns.column(0, 12) == 10);    // 5, after € (3 bytes)
  CHECK(columns.column(0, 1) == 2);      // going back along the line recounts
  CHECK(columns.column(14, 17) == 4);    // x on line 2
  CHECK(columns.column(14, 1000) == 6);  // past the end: clamped to it
}

TEST_CASE("ColumnCounter is linear along one long line") {
  // A one-line flow list: a column for every value. Counting each from the line's start
  // looked at n*n/2 bytes (2.9 MB did not finish in 10 s).
  std::string text = "plan: [";
  for (int i = 0; i < 100000; ++i) text += "0,";
  ColumnCounter columns(text);
  unsigned last = 0;
  for (size_t offset = 7; offset < text.size(); offset += 2) last = columns.column(0, offset);
  CHECK(last == text.size() - 1);
  CHECK(columns.bytes_counted() <= text.size());
}
