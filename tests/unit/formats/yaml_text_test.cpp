#include "bvplan/formats/yaml_text.hpp"

#include <doctest/doctest.h>

#include "bvplan/yaml/reader.hpp"

using namespace bvplan;

namespace {

// What YAML reads back from `key: <spelled>` (block) or `{key: <spelled>}` (flow).
std::string read_back(const std::string& spelled, bool flow) {
  SourceFile source{"t.yaml", flow ? "{key: " + spelled + "}\n" : "key: " + spelled + "\n"};
  Diagnostics diagnostics;
  Document document = read_yaml(source, diagnostics);
  REQUIRE(diagnostics.empty());
  const Node* value = document.root.find("key");
  REQUIRE(value);
  REQUIRE(value->is_scalar());
  // Words YAML could read as null, a boolean or a number are never left plain.
  if (value->plain) CHECK(yaml_plain_safe(value->value(), flow ? YamlContext::flow : YamlContext::block));
  return std::string(value->value());
}

}  // namespace

TEST_CASE("yaml_text: plain when YAML reads the words back as they are") {
  CHECK(yaml_text("Draft framework circulated") == "Draft framework circulated");
  CHECK(yaml_text("Survey done; 1,200 potholes logged.") == "Survey done; 1,200 potholes logged.");
  CHECK(yaml_text("Café — £1,200") == "Café — £1,200");
  CHECK(yaml_text("a,b", YamlContext::flow) == "'a,b'");
}

TEST_CASE("yaml_text: quoted where plain text would change meaning") {
  CHECK(yaml_text("Note: urgent") == "'Note: urgent'");
  CHECK(yaml_text("PI #12 and #13") == "'PI #12 and #13'");
  CHECK(yaml_text("#1 priority") == "'#1 priority'");
  CHECK(yaml_text("- a list?") == "'- a list?'");
  CHECK(yaml_text("it's") == "it's");
  CHECK(yaml_text("'quoted'") == "'''quoted'''");
  CHECK(yaml_text("") == "''");
  CHECK(yaml_text(" padded ") == "' padded '");
  CHECK(yaml_text("ends:") == "'ends:'");
  for (const char* word : {"null", "~", "true", "False", "yes", "NO", "on", "off", "12", "-3.5", "1e3", "0x1F", ".inf"})
    CHECK(yaml_text(word) == std::string("'") + word + "'");
  CHECK(yaml_text("tab\there") == "\"tab\\there\"");
  CHECK(yaml_text("bell\x07") == "\"bell\\x07\"");
}

TEST_CASE("yaml_text: line breaks as a literal block in block context") {
  CHECK(yaml_text("one\ntwo", YamlContext::block, 4) == "|-\n    one\n    two");
  CHECK(yaml_text("one\n\ntwo\n", YamlContext::block, 2) == "|\n  one\n\n  two");
  CHECK(yaml_text("one\n\n", YamlContext::block, 2) == "|+\n  one\n");
  CHECK(yaml_text(" indented\nnext", YamlContext::block, 2) == "|2-\n   indented\n  next");
  // The indicator counts from the key, whatever the key's own indentation.
  CHECK(yaml_text(" indented\nnext", YamlContext::block, 12) == "|2-\n             indented\n            next");
  CHECK(yaml_text("one\ntwo", YamlContext::block, 2, "\r\n") == "|-\r\n  one\r\n  two");
  CHECK(yaml_text("one\ntwo", YamlContext::flow) == "\"one\\ntwo\"");
}

TEST_CASE("yaml_text: every spelling reads back as the same text") {
  for (const char* text : {"Note: urgent", "PI #12", "null", "12", "it's 'quoted'", "tab\there", "a, b [c] {d}",
                           "ends:", " padded ", "\"dq\"", "back\\slash"}) {
    std::string shown = text;
    CAPTURE(shown);
    CHECK(read_back(yaml_text(text), false) == text);
    CHECK(read_back(yaml_text(text, YamlContext::flow), true) == text);
  }
}
