#include "bvplan/yaml/fields.hpp"

#include <deque>
#include <string>

#include <doctest/doctest.h>

#include "bvplan/yaml/reader.hpp"

using namespace bvplan;

namespace {

// A document views its source's text, so the sources outlive the test cases.
std::deque<SourceFile> sources;

// The tree of `text`, which the test knows is valid YAML.
const Node& tree(std::string text) {
  static std::deque<Document> documents;
  SourceFile& source = sources.emplace_back("f.yaml", std::move(text));
  Diagnostics d;
  documents.push_back(read_yaml(source, d));
  REQUIRE(d.empty());
  return documents.back().root;
}

// A reader and the findings it appends.
struct Reading {
  Diagnostics found;
  FieldReader reader{"f.yaml", found};
  std::string only() const {
    REQUIRE(found.size() == 1);
    const Diagnostic& d = found.front();
    return std::to_string(d.position.line) + ":" + std::to_string(d.position.column) + " " + d.rule + " " + d.message;
  }
};

}  // namespace

TEST_CASE("text: scalars are text; control characters, empty values and containers are not") {
  const Node& root = tree("a: Hello, world\nb: \"tab\\there\"\nc: \"bell\\a\"\nd:\ne: [x]\nf: \"\\u009b\"\n");
  Reading r;
  CHECK(r.reader.text(root.find("a"), "a") == "Hello, world");
  CHECK(r.reader.text(root.find("b"), "b") == "tab\there");
  CHECK(r.reader.text(nullptr, "z") == std::nullopt);
  CHECK(r.found.empty());
  CHECK(r.reader.text(root.find("c"), "c") == std::nullopt);
  CHECK(r.only() == "3:4 bad-value 'c' contains the control character U+0007");
  r.found.clear();
  CHECK(r.reader.text(root.find("d"), "d") == std::nullopt);
  CHECK(r.only() == "4:1 wrong-type 'd' is empty");
  CHECK(r.found[0].hint == "write a value after 'd:', or remove the key");
  r.found.clear();
  CHECK(r.reader.text(root.find("e"), "e") == std::nullopt);
  CHECK(r.only() == "5:4 wrong-type 'e' must be text, found a list");
  r.found.clear();
  CHECK(r.reader.text(root.find("f"), "f") == std::nullopt);
  CHECK(r.only() == "6:4 bad-value 'f' contains the control character U+009B");
}

TEST_CASE("control_character finds C0, DEL and C1 controls, not tab or line breaks") {
  CHECK(control_character("a\tb\r\nc") == std::nullopt);
  CHECK(control_character("a\x1b[31m") == 0x1Bu);
  CHECK(control_character("\x7f") == 0x7Fu);
  CHECK(control_character("\xc2\x85") == 0x85u);
  CHECK(control_character("\xc2\xa0") == std::nullopt);  // no-break space is text
}

TEST_CASE("id: text of the id syntax") {
  const Node& root = tree("a: A1.b_c-d\nb: two words\n");
  Reading r;
  CHECK(r.reader.id(root.find("a"), "a") == "A1.b_c-d");
  CHECK(r.reader.id(root.find("b"), "b") == std::nullopt);
  CHECK(r.only() == "2:4 bad-value malformed id 'two words'");
}

TEST_CASE("date: YYYY-MM-DD that exists, with a message for each kind of mistake") {
  const Node& root = tree("a: 2004-02-29\nb: 2003-02-29\nc: 30/06/2004\n");
  Reading r;
  CHECK(r.reader.date(root.find("a"), "a") == Date::from_ymd(2004, 2, 29));
  CHECK(r.reader.date(root.find("b"), "b") == std::nullopt);
  CHECK(r.only() == "2:4 bad-date '2003-02-29' is not a date that exists");
  r.found.clear();
  CHECK(r.reader.date(root.find("c"), "c") == std::nullopt);
  CHECK(r.only() == "3:4 bad-date '30/06/2004' is not a date in the form YYYY-MM-DD");
  CHECK(r.found[0].hint == "write dates as YYYY-MM-DD, e.g. 2004-06-30");
}

TEST_CASE("number: plain decimals only, exactly comparable") {
  const Node& root = tree(
      "a: 12.5\nb: -0.25\nc: '12'\nd: 012\ne: 1e3\nf: 90%\ng: abc\nh: 123456.7890123456\n"
      "i: 0.0000000000000001\nj: 2000000000000\nk: {}\n");
  Reading r;
  CHECK(r.reader.number(root.find("a"), "a") == 12.5);
  CHECK(r.reader.number(root.find("b"), "b") == -0.25);
  CHECK(r.found.empty());
  auto rejected = [&](const char* key) {
    r.found.clear();
    CHECK(r.reader.number(root.find(key), key) == std::nullopt);
    return r.only();
  };
  CHECK(rejected("c") == "3:4 wrong-type 'c' must be a number, found the quoted text '12'");
  CHECK(rejected("d") == "4:4 bad-value 'd' must be a plain decimal number, found '012'");
  CHECK(rejected("e") == "5:4 bad-value 'e' must be a plain decimal number, found '1e3'");
  CHECK(rejected("f") == "6:4 bad-value 'f' must be a plain decimal number, found '90%'");
  CHECK(r.found[0].hint == "drop the '%': write 'f: 90' (percentages are plain numbers from 0 to 100)");
  CHECK(rejected("g") == "7:4 wrong-type 'g' must be a plain decimal number, found 'abc'");
  CHECK(rejected("h") == "8:4 bad-value 'h' is 123456.7890123456: more digits than bvplan can compare exactly");
  CHECK(rejected("i") == "9:4 bad-value 'i' is 0.0000000000000001: more digits than bvplan can compare exactly");
  CHECK(rejected("j") == "10:4 bad-value 'j' is 2000000000000, too large a number for a plan");
  CHECK(rejected("k") == "11:4 wrong-type 'k' must be a number, found a mapping");
}

TEST_CASE("money, percent, whole and at_least check their ranges") {
  const Node& root = tree("a: -1\nb: 100.5\nc: 2.5\nd: 7\ne: 100\n");
  Reading r;
  CHECK(r.reader.percent(root.find("e"), "e") == 100);
  CHECK(r.reader.whole(root.find("d"), "d") == 7u);
  CHECK(r.found.empty());
  CHECK(r.reader.money(root.find("a"), "a") == std::nullopt);
  CHECK(r.only() == "1:4 bad-value 'a' is -1, but an amount of money cannot be negative");
  r.found.clear();
  CHECK(r.reader.at_least(root.find("a"), "a", 0, "a number of days") == std::nullopt);
  CHECK(r.only() == "1:4 bad-value 'a' is -1, but a number of days cannot be negative");
  r.found.clear();
  CHECK(r.reader.percent(root.find("b"), "b") == std::nullopt);
  CHECK(r.only() == "2:4 bad-value 'b' is 100.5, outside 0 to 100 percent");
  r.found.clear();
  CHECK(r.reader.whole(root.find("c"), "c") == std::nullopt);
  CHECK(r.only() == "3:4 bad-value 'c' must be a whole number, found 2.5");
}

TEST_CASE("boolean: plain true and false only") {
  const Node& root = tree("a: true\nb: false\nc: yes\nd: 'true'\n");
  Reading r;
  CHECK(r.reader.boolean(root.find("a"), "a") == true);
  CHECK(r.reader.boolean(root.find("b"), "b") == false);
  CHECK(r.reader.boolean(root.find("c"), "c") == std::nullopt);
  CHECK(r.only() == "3:4 wrong-type 'c' must be true or false, found 'yes'");
  r.found.clear();
  CHECK(r.reader.boolean(root.find("d"), "d") == std::nullopt);
  CHECK(r.only() == "4:4 wrong-type 'd' must be true or false, found 'true'");
}

TEST_CASE("optional_list: absent and empty are no items; a scalar is wrong-type") {
  const Node& root = tree("a: [x, y]\nb:\nc: x\n");
  Reading r;
  CHECK(r.reader.optional_list(root.find("a"), "'a'").size() == 2);
  CHECK(r.reader.optional_list(root.find("b"), "'b'").empty());
  CHECK(r.reader.optional_list(nullptr, "'z'").empty());
  CHECK(r.found.empty());
  CHECK(r.reader.optional_list(root.find("c"), "'c'").empty());
  CHECK(r.only() == "3:4 wrong-type 'c' must be a list, found a single value");
}

TEST_CASE("check_keys: unknown keys with a correction, then each missing key") {
  const Node& root = tree("titel: x\nid: a\n");
  constexpr std::string_view known[] = {"id", "title", "due"};
  constexpr std::string_view required[] = {"id", "title", "due"};
  Reading r;
  CHECK_FALSE(r.reader.check_keys(root, "a milestone", known, required));
  REQUIRE(r.found.size() == 3);
  CHECK(r.found[0].rule == "unknown-key");
  CHECK(r.found[0].message == "unknown key 'titel' in a milestone (did you mean 'title'?)");
  CHECK(r.found[0].hint == "the keys allowed here are: id, title, due");
  CHECK(r.found[1].message == "a milestone has no 'title'");
  CHECK(r.found[1].position == Position{1, 1});
  CHECK(r.found[2].message == "a milestone has no 'due'");
  CHECK(r.found[2].hint == "add 'due:' to a milestone");
  Reading clean;
  CHECK(clean.reader.check_keys(tree("id: a\ndue: 2004-06-30\n"), "x", known, {}));
  CHECK(clean.found.empty());
}

TEST_CASE("read_id, read_date and read_text keep the value and where it was written") {
  const Node& root = tree("id: A1\ndue: 2004-06-30\ntitle:   Hello\nbad: 2004-13-01\n");
  Reading r;
  std::string id = "unset", title;
  Position at;
  Date due;
  CHECK(r.reader.read_id(root, "id", id, at));
  CHECK(id == "A1");
  CHECK(at == Position{1, 5});
  CHECK(r.reader.read_date(root, "due", due, at));
  CHECK(due == Date::from_ymd(2004, 6, 30));
  CHECK(at == Position{2, 6});
  CHECK(r.reader.read_text(root, "title", title));
  CHECK(title == "Hello");
  CHECK_FALSE(r.reader.read_date(root, "bad", due, at));
  CHECK(due == Date::from_ymd(2004, 6, 30));
  CHECK(at == Position{2, 6});
  CHECK_FALSE(r.reader.read_id(root, "absent", id, at));
  CHECK(id == "A1");
  CHECK(r.only() == "4:6 bad-date '2004-13-01' is not a date that exists");
}

TEST_CASE("a refused node (an alias already reported) reads as absent, quietly") {
  Node refused;
  refused.kind = Node::Kind::scalar;
  refused.refused = true;
  Reading r;
  CHECK(r.reader.text(&refused, "a") == std::nullopt);
  CHECK(r.reader.number(&refused, "a") == std::nullopt);
  CHECK(r.reader.boolean(&refused, "a") == std::nullopt);
  CHECK_FALSE(r.reader.expect_map(refused, "x"));
  CHECK_FALSE(r.reader.expect_list(refused, "x"));
  CHECK(r.found.empty());
}

TEST_CASE("required_list: a list with items; empty is missing-key, a scalar or nothing wrong-type") {
  const Node& root = tree("a: [x]\nb: []\nc:\n");
  Reading r;
  CHECK(r.reader.required_list(root.find("a"), "'a'", "no a", "add one").size() == 1);
  CHECK(r.reader.required_list(nullptr, "'z'", "no z", "add one").empty());
  CHECK(r.found.empty());
  CHECK(r.reader.required_list(root.find("b"), "'b'", "plan has no b", "add one").empty());
  CHECK(r.only() == "2:4 missing-key plan has no b");
  CHECK(r.found[0].hint == "add one");
  r.found.clear();
  CHECK(r.reader.required_list(root.find("c"), "'c'", "no c", "add one").empty());
  CHECK(r.only() == "3:1 wrong-type 'c' must be a list, found nothing");
}
