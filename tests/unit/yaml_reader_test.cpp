#include "bvplan/yaml_reader.hpp"

#include <chrono>
#include <deque>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace bvplan;

namespace {
// A document views its source's text, so the sources outlive the test cases.
std::deque<SourceFile> sources;

Diagnostics read(std::string text, Document* out = nullptr) {
  SourceFile& s = sources.emplace_back("p.yaml", std::move(text));
  Diagnostics d;
  Document doc = read_yaml(s, d);
  if (out) *out = std::move(doc);
  return d;
}
}  // namespace

TEST_CASE("a mapping becomes a positioned tree; plain and quoted scalars differ") {
  Document doc;
  CHECK(read("a: 1\nb: \"2\"\nc:\nd: [x, y]\n", &doc).empty());
  const Node& root = doc.root;
  REQUIRE(root.is_map());
  REQUIRE(root.map_size() == 4);
  CHECK(root.key(0).position == Position{1, 1});
  CHECK(root.value_at(0).plain);
  CHECK_FALSE(root.value_at(1).plain);
  CHECK(root.value_at(1).value() == "2");
  // An empty value is reported at its key, not at the next token.
  CHECK(root.value_at(2).is_null());
  CHECK(root.value_at(2).position == Position{3, 1});
  CHECK(root.find("d")->items().size() == 2);
  CHECK(root.find("d")->items()[1].position == Position{4, 8});
}

TEST_CASE("duplicate keys name both positions") {
  Diagnostics d = read("a: 1\nb: 2\na: 3\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "duplicate-key");
  CHECK(d[0].position == Position{3, 1});
  CHECK(d[0].message == "duplicate key 'a' (first at line 1, column 1)");
}

TEST_CASE("a key repeated three times names the first each time") {
  Diagnostics d = read("a: 1\na: 2\na: 3\n");
  REQUIRE(d.size() == 2);
  CHECK(d[0].message == "duplicate key 'a' (first at line 1, column 1)");
  CHECK(d[1].message == "duplicate key 'a' (first at line 1, column 1)");
  CHECK(d[1].position == Position{3, 1});
}

TEST_CASE("anchors, aliases and merge keys are refused") {
  Diagnostics d = read("a: &x 1\nb: *x\n");
  REQUIRE(d.size() == 2);
  CHECK(d[0].rule == "yaml-alias");
  CHECK(d[0].position == Position{1, 4});
  CHECK(d[1].rule == "yaml-alias");
  CHECK(d[1].position == Position{2, 4});
  d = read("a:\n  <<: {b: 1}\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "merge keys (<<) are not allowed in a plan");
}

TEST_CASE("an alias bomb is refused at once") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c)
    bomb += fmt::format("{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n", c, c,
                        fmt::arg("p", static_cast<char>(c - 1)));
  auto start = std::chrono::steady_clock::now();
  Diagnostics d = read(bomb);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  CHECK(d.size() == 91);  // 10 anchors, 81 aliases
}

TEST_CASE("the one-byte file ',' ends in a syntax error, not a hang") {
  Document doc;
  Diagnostics d = read(",", &doc);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "yaml-syntax");
  CHECK(d[0].position == Position{1, 1});
  CHECK_FALSE(doc.usable);
}

TEST_CASE("deep nesting is a clean error") {
  Document doc;
  Diagnostics d = read(std::string(100000, '['), &doc);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "nesting deeper than 64 levels");
  CHECK_FALSE(doc.usable);
}

TEST_CASE("several documents are an error at the second") {
  Diagnostics d = read("a: 1\n---\nb: 2\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "more than one YAML document in the file");
  CHECK(d[0].position == Position{2, 1});
}

TEST_CASE("tabs in indentation get a hint") {
  Diagnostics d = read("a:\n\tb: 1\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "yaml-syntax");
  CHECK(d[0].position == Position{2, 3});
  CHECK(d[0].hint == "indent with spaces; YAML does not allow tabs for indentation");
}

TEST_CASE("empty and comment-only files have no document") {
  Document doc;
  CHECK(read("", &doc).empty());
  CHECK(doc.empty);
  CHECK(read("# nothing\n", &doc).empty());
  CHECK(doc.empty);
}

TEST_CASE("CRLF line ends keep positions") {
  Document doc;
  CHECK(read("a: 1\r\nb: 2\r\n", &doc).empty());
  CHECK(doc.root.key(1).position == Position{2, 1});
}

TEST_CASE("columns count characters, not bytes") {
  Document doc;
  CHECK(read("b: \xC3\xA9\xC3\xA9\nc: [\xC3\xA9, x]\n", &doc).empty());
  CHECK(doc.root.value_at(1).items()[1].position == Position{2, 8});
}

TEST_CASE("scalars spelled differently from their value are kept whole") {
  Document doc;
  CHECK(read("a: \"x\\ty\"\nb: >\n  folded\n  text\nc: plain words\nd: [[1, 2], {e: f}]\n", &doc).empty());
  CHECK(doc.root.find("a")->value() == "x\ty");
  CHECK(doc.root.find("b")->value() == "folded text\n");
  CHECK(doc.root.find("c")->value() == "plain words");
  const Node& d = *doc.root.find("d");
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].items()[1].value() == "2");
  CHECK(d.items()[1].find("e")->value() == "f");
}
