#include "bvplan/text.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("closest_match suggests likely typos only") {
  std::vector<std::string> keys{"title", "start", "due", "lead"};
  CHECK(closest_match("tittle", keys) == "title");
  CHECK(closest_match("stat", keys) == "start");
  CHECK(closest_match("owner", keys) == "");
  CHECK(closest_match("x", keys) == "");
  CHECK(did_you_mean("SPS2", {"CMT", "SPS"}) == " (did you mean 'SPS'?)");
  CHECK(did_you_mean("ZZZZZZ", {"CMT", "SPS"}) == "");
}

TEST_CASE("json_quote escapes quotes, backslashes and control characters") {
  CHECK(json_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_quote("line\nnext\t\x01") == "\"line\\nnext\\t\\u0001\"");
  CHECK(json_quote("£5") == "\"£5\"");
}

TEST_CASE("is_valid_id") {
  CHECK(is_valid_id("KI-8"));
  CHECK(is_valid_id("8"));
  CHECK(is_valid_id("a.b_c-d"));
  CHECK_FALSE(is_valid_id(""));
  CHECK_FALSE(is_valid_id("-a"));
  CHECK_FALSE(is_valid_id("a b"));
  CHECK_FALSE(is_valid_id("a/b"));
}

TEST_CASE("json_quote keeps JSON valid UTF-8") {
  CHECK(json_quote("caf\xC3\xA9") == "\"caf\xC3\xA9\"");
  CHECK(json_quote("caf\xE9.yaml") == "\"caf\\ufffd.yaml\"");   // a Latin-1 file name
  CHECK(json_quote("\xED\xA0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");  // a surrogate
}

TEST_CASE("is_blank: white space and invisible characters only") {
  CHECK(is_blank(""));
  CHECK(is_blank(" \t\n"));
  CHECK(is_blank("\u200B"));                  // zero-width space
  CHECK(is_blank("\u00A0\uFEFF \u200D\u2060"));  // no-break space, BOM, joiner, word joiner
  CHECK(is_blank("\u3000\u180E"));
  CHECK_FALSE(is_blank("Review Team"));
  CHECK_FALSE(is_blank("\u200Bx"));
  CHECK_FALSE(is_blank("\u00E9"));                  // a visible letter
  CHECK_FALSE(is_blank("\xE2\x80"));               // cut UTF-8 is not blank
}
