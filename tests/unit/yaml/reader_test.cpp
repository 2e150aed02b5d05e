#include "bvplan/yaml/reader.hpp"

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

TEST_CASE("unbalanced brackets stop at the 65th level, without reading the file whole") {
  // yaml-cpp queued every '[' (~235 bytes each) before any event: 16 million took 3.7 GB.
  // The 64th '[' would open the 65th container (the root mapping is the first).
  Document doc;
  Diagnostics d = read("plan: " + std::string(4000000, '['), &doc);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "nesting deeper than 64 levels");
  CHECK(d[0].position == Position{1, 70});
  CHECK_FALSE(doc.usable);
  d = read("plan:\n  x: " + std::string(40, '[') + std::string(4000000, '{'));
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "nesting deeper than 64 levels");
  CHECK(d[0].position == Position{2, 68});
}

TEST_CASE("a long flow collection where a key could start is refused, not queued") {
  // `- [0,0,...]` and `[[0,0,...]]` could be keys: yaml-cpp held every token of them
  // (~140 bytes per input byte) until the closing bracket.
  std::string list;
  for (int i = 0; i < 100000; ++i) list += "0,";
  for (const std::string& text :
       {"plan:\n  - [" + list + "]\n", "plan: [[" + list + "]]\n", "plan: [a, [" + list + "]]\n"}) {
    Document doc;
    Diagnostics d = read(text, &doc);
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.rfind("too much in brackets where a key could start", 0) == 0);
    CHECK_FALSE(doc.usable);
  }
  Diagnostics d = read("plan: [[" + list + "]]\n");
  CHECK(d[0].position == Position{1, 8});
  // After 'key: ' the same list is read whole: yaml-cpp passes it on as it goes.
  Document doc;
  CHECK(read("plan: [" + list + "]\n", &doc).empty());
  CHECK(doc.root.find("plan")->items().size() == 100000);
  // Comment lines do not count, however much punctuation they hold.
  std::string comments;
  for (int i = 0; i < 20000; ++i) comments += "# a: [b, c], {d: e}\n";
  CHECK(read("a: [x]\n" + comments + "b: [y]\n").empty());
}

TEST_CASE("a 2 MB flow list on one line takes time linear in its size") {
  // Columns were counted from the line's start for every value: quadratic, 2.9 MB did
  // not finish in 10 s in a release build. Linear, this takes about a second in a release
  // build; the bound is loose for sanitizer builds on a busy machine.
  std::string text = "plan: [";
  text.reserve(2000010);
  for (int i = 0; i < 1000000; ++i) text += "0,";
  text += "]\n";
  auto start = std::chrono::steady_clock::now();
  Document doc;
  Diagnostics d = read(std::move(text), &doc);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));
  CHECK(d.empty());
  const Node* plan = doc.root.find("plan");
  REQUIRE(plan);
  REQUIRE(plan->items().size() == 1000000);
  CHECK(plan->items()[999999].position == Position{1, 2000006});
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
