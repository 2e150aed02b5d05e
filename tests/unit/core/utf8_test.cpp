#include "bvplan/core/utf8.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("utf8_length: one to four bytes for valid sequences") {
  CHECK(utf8_length("a", 0) == 1);
  CHECK(utf8_length("\xC3\xA9", 0) == 2);          // é
  CHECK(utf8_length("\xE2\x82\xAC", 0) == 3);      // €
  CHECK(utf8_length("\xF0\x9F\x98\x80", 0) == 4);  // an emoji
  CHECK(utf8_length("x\xC3\xA9", 1) == 2);
}

TEST_CASE("utf8_length: 0 for what is not UTF-8") {
  CHECK(utf8_length("\x80", 0) == 0);              // a stray continuation byte
  CHECK(utf8_length("\xC3", 0) == 0);              // cut short
  CHECK(utf8_length("\xC3x", 0) == 0);             // not continued
  CHECK(utf8_length("\xC0\xAF", 0) == 0);          // overlong '/'
  CHECK(utf8_length("\xE0\x80\xAF", 0) == 0);      // overlong, three bytes
  CHECK(utf8_length("\xF0\x80\x80\xAF", 0) == 0);  // overlong, four bytes
  CHECK(utf8_length("\xED\xA0\x80", 0) == 0);      // a surrogate, U+D800
  CHECK(utf8_length("\xF4\x90\x80\x80", 0) == 0);  // above U+10FFFF
  CHECK(utf8_length("\xF5\x80\x80\x80", 0) == 0);
  CHECK(utf8_length("\xFF", 0) == 0);
  CHECK(utf8_length("\xE2\x82", 0) == 0);
}

TEST_CASE("decode_utf8: the code point and its length") {
  CHECK(decode_utf8("A", 0).code == U'A');
  CHECK(decode_utf8("\xC2\xA0", 0).code == 0xA0);
  CHECK(decode_utf8("\xC2\xA0", 0).length == 2);
  CHECK(decode_utf8("\xE2\x80\x8B", 0).code == 0x200B);
  CHECK(decode_utf8("\xF4\x8F\xBF\xBF", 0).code == 0x10FFFF);
  CHECK(decode_utf8("\xF4\x8F\xBF\xBF", 0).length == 4);
  CHECK(decode_utf8("\xED\x9F\xBF", 0).code == 0xD7FF);
  Utf8Character bad = decode_utf8("\xC0\x80", 0);
  CHECK(bad.length == 0);
  CHECK(bad.code == 0);
}
