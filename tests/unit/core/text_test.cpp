#include "bvplan/core/text.hpp"

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
  CHECK(json_quote("caf\xE9.yaml") == "\"caf\\ufffd.yaml\"");        // a Latin-1 file name
  CHECK(json_quote("\xED\xA0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");  // a surrogate
}

TEST_CASE("is_blank: white space and invisible characters only") {
  CHECK(is_blank(""));
  CHECK(is_blank(" \t\n"));
  CHECK(is_blank("\u200B"));                     // zero-width space
  CHECK(is_blank("\u00A0\uFEFF \u200D\u2060"));  // no-break space, BOM, joiner, word joiner
  CHECK(is_blank("\u3000\u180E"));
  CHECK_FALSE(is_blank("Review Team"));
  CHECK_FALSE(is_blank("\u200Bx"));
  CHECK_FALSE(is_blank("\u00E9"));    // a visible letter
  CHECK_FALSE(is_blank("\xE2\x80"));  // cut UTF-8 is not blank
}

TEST_CASE("json_quote escapes DEL and the C1 controls too") {
  CHECK(json_quote("a\x7F"
                   "b") == "\"a\\u007fb\"");
  CHECK(json_quote("csi \xC2\x9B"
                   "31m nel \xC2\x85") == "\"csi \\u009b31m nel \\u0085\"");
  CHECK(json_quote("\xC2\xA0") == "\"\xC2\xA0\"");  // U+00A0 is not a control
}

TEST_CASE("escape_control: one visible escape per control character") {
  CHECK(escape_control("plain £ text") == "plain £ text");
  CHECK(escape_control("a\nb\rc\td") == "a\\nb\\rc\\td");
  CHECK(escape_control("\x1B[31mRED\x1B]0;title\x07") == "\\e[31mRED\\e]0;title\\x07");
  CHECK(escape_control(std::string_view("nul \0 del", 9)) == "nul \\x00 del");
  CHECK(escape_control(std::string_view("del \x7F", 5)) == "del \\x7f");
  CHECK(escape_control("csi \xC2\x9B"
                       "31m nel \xC2\x85") == "csi \\u009b31m nel \\u0085");
  CHECK(escape_control("caf\xE9.yaml") == "caf\\xe9.yaml");  // not UTF-8
  CHECK(escape_control("a\tb", Keep::tab) == "a\tb");
  CHECK(escape_control("a\tb\nc\rd", Keep::tab_and_newline) == "a\tb\nc\\rd");
}

TEST_CASE("guard_line_start: no line reads as a GitHub Actions workflow command") {
  CHECK(starts_workflow_command("::error::x"));
  CHECK(starts_workflow_command("   \t::error::x"));
  CHECK(starts_workflow_command("\xC2\xA0\xE3\x80\x80::warning::x"));  // U+00A0, U+3000: .NET white space
  CHECK(starts_workflow_command("##[error]x"));
  CHECK_FALSE(starts_workflow_command(":x::"));
  CHECK_FALSE(starts_workflow_command("x ::error::x"));
  CHECK_FALSE(starts_workflow_command("## [x]"));
  std::string line = "  ::error file=x::pwned";
  CHECK(guard_line_start(line) == 2);
  CHECK(line == "  \\x3a:error file=x::pwned");
  std::string fine = "plan.yaml:1:1: error";
  CHECK(guard_line_start(fine) == std::string::npos);
  CHECK(fine == "plan.yaml:1:1: error");
  CHECK(guard_line_starts("a\n::b\r##[c\n") == "a\n\\x3a:b\r\\x23#[c\n");
}
