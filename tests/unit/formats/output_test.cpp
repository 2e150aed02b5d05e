#include "bvplan/formats/output.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace bvplan;

TEST_CASE("output without a sink keeps everything") {
  Output out;
  out.write("ab");
  out.put('c');
  out.format("{}-{:02}", "d", 7);
  CHECK(out.size() == 7);
  out.finish();  // nothing to hand on
  CHECK(out.take() == "abcd-07");
}

TEST_CASE("output with a sink hands on chunks once they fill, and the rest in finish") {
  std::vector<std::string> chunks;
  Output out([&](std::string_view text) { chunks.emplace_back(text); }, 4);
  out.write("ab");
  CHECK(chunks.empty());
  out.write("cde");
  CHECK(chunks == std::vector<std::string>{"abcde"});
  out.put('f');
  out.format("{}", 12);
  CHECK(chunks == std::vector<std::string>{"abcde"});
  CHECK(out.size() == 8);
  out.finish();
  out.finish();
  CHECK(chunks == std::vector<std::string>{"abcde", "f12"});
  CHECK(out.size() == 8);
}

TEST_CASE("output with a sink hands a text bigger than a chunk on as it is, after what waits") {
  std::vector<std::string> chunks;
  Output out([&](std::string_view text) { chunks.emplace_back(text); }, 4);
  out.write("a");
  out.write("bcdef");
  out.finish();
  CHECK(chunks == std::vector<std::string>{"a", "bcdef"});
  CHECK(out.size() == 6);
}

TEST_CASE("render_to_string: the string form of a renderer") {
  CHECK(render_to_string([](Output& out) { out.write("x"); }) == "x");
}
