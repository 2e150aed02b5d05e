#include "bvplan/formats/update.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("unified_diff: one hunk with three lines of context") {
  std::string before = "a\nb\nc\nd\ne\nf\n";
  std::string after = "a\nb\nc\nd\nnew\ne\nf\n";
  CHECK(unified_diff(before, after, "p.yaml") ==
        "--- a/p.yaml\n+++ b/p.yaml\n@@ -2,5 +2,6 @@\n b\n c\n d\n+new\n e\n f\n");
  CHECK(unified_diff(before, before, "p.yaml") == "");
}

TEST_CASE("unified_diff: a changed line, CRLF kept for patch, a last line without a break") {
  CHECK(unified_diff("x: 1\r\ny: 2\r\n", "x: 1\r\ny: 3\r\n", "p.yaml") ==
        "--- a/p.yaml\n+++ b/p.yaml\n@@ -1,2 +1,2 @@\n x: 1\r\n-y: 2\r\n+y: 3\r\n");
  CHECK(unified_diff("a", "a\nb\n", "p.yaml") ==
        "--- a/p.yaml\n+++ b/p.yaml\n@@ -1 +1,2 @@\n-a\n\\ No newline at end of file\n+a\n+b\n");
}

TEST_CASE("unified_diff: control characters in the text or the name are escaped") {
  CHECK(unified_diff("a\n", "a\n\x1b[31mred\n", "p\x07.yaml") ==
        "--- a/p\\x07.yaml\n+++ b/p\\x07.yaml\n@@ -1 +1,2 @@\n a\n+\\e[31mred\n");
}
