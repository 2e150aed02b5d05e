#include "bvplan/formats/schema.hpp"

#include <doctest/doctest.h>

#include "bvplan/model/key_docs.hpp"
#include "bvplan/model/keys.hpp"

using namespace bvplan;

namespace {

std::string schema(SchemaKind kind) {
  Output out;
  render_schema(kind, out);
  return out.take();
}

// The text from `"name": {` to the `}` that closes it, at the indentation it opened at.
std::string property(const std::string& text, const std::string& opening) {
  size_t start = text.find(opening);
  if (start == std::string::npos) return {};
  size_t line = text.rfind('\n', start) + 1;
  std::string indent = "\n" + text.substr(line, start - line) + "}";
  size_t end = text.find(indent, start);
  return end == std::string::npos ? std::string{} : text.substr(line, end + indent.size() - line);
}

}  // namespace

TEST_CASE("schema_gaps: every key the loader reads has a type and a description, and nothing else has") {
  CHECK(schema_gaps() == std::vector<std::string>{});
  size_t keys = 0;
  for (const keys::Part& part : keys::parts) keys += part.keys.size();
  CHECK(key_docs().size() == keys);
}

TEST_CASE("render_schema: a plan file's root, keys from the loader's tables, required keys, nothing else") {
  std::string plan = schema(SchemaKind::plan);
  CHECK(plan.starts_with("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"));
  CHECK(plan.ends_with("\n}\n"));
  CHECK(plan.find("\n  \"required\": [\"bvplan\",\"plan\",\"issues\"],\n  \"additionalProperties\": false,\n") !=
        std::string::npos);
  // Every part under a plan is a definition; the register is not.
  for (const char* part :
       {"plan", "monitoring", "rag", "risk_bands", "owner", "issue", "external_support", "action", "milestone",
        "update", "rebaseline", "measure", "baseline", "actual", "risk", "rating", "review"})
    CHECK_MESSAGE(plan.find(std::string("\n    \"") + part + "\": {\n      \"type\": \"object\",") != std::string::npos,
                  part);
  CHECK(plan.find("\"register\"") == std::string::npos);
}

TEST_CASE("render_schema: each kind of value as bvplan-plan(5)'s VALUES gives it") {
  std::string plan = schema(SchemaKind::plan);
  CHECK(property(plan, "\"status\": {\n          \"description\": \"Whether the action is") ==
        "        \"status\": {\n"
        "          \"description\": \"Whether the action is still being pursued: a deferred or cancelled action "
        "is shown with that word in place of a rating, and left out of its key issue's and plan's progress. "
        "Anything else is an error (bad-value). Only active actions are checked for progress (stale-update, "
        "missing-remedy, open-milestones).\",\n"
        "          \"type\": \"string\",\n"
        "          \"enum\": [\"active\",\"deferred\",\"cancelled\"],\n"
        "          \"default\": \"active\"\n"
        "        }");
  CHECK(property(plan, "\"due\": {\n          \"description\": \"When it is due.") ==
        R"json(        "due": {
          "description": "When it is due. A milestone due outside the plan period (outside-plan-period), or otherwise before its action starts or after the action is due (milestone-outside-action), is warned about.",
          "type": "string",
          "pattern": "^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$",
          "patternErrorMessage": "a date that exists, written YYYY-MM-DD (2004-06-30)"
        })json");
  // A list that may be written empty (`support:`), and ids as YAML may read them (`12`).
  CHECK(plan.find(R"json("type": ["array","null"],
          "items": {
            "type": ["string","number","boolean"],
            "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$",
            "patternErrorMessage": "an id: a letter or digit, then letters, digits, dots, underscores or hyphens (KI8.2, infra-2004)",
            "minimum": 0
)json") != std::string::npos);
  // Text is any scalar (`title: 2004` is the text "2004") with no control character but tab
  // and line breaks; the pattern's backslashes are JSON's.
  CHECK(plan.find(R"json("description": "The plan's title.",
          "type": ["string","number","boolean"],
          "pattern": "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$",
)json") != std::string::npos);
  // A part is referred to through allOf, so that its description is not ignored.
  CHECK(plan.find("\"allOf\": [\n            {\n              \"$ref\": \"#/definitions/rating\"\n            }\n") !=
        std::string::npos);
  CHECK(plan.find("\"pattern\": \"^(month|quarter|year|([1-9]|[1-9][0-9]|1[01][0-9]|120) months)$\"") !=
        std::string::npos);
}

TEST_CASE("render_schema: an owners register is one required key, owners, with the owner definition") {
  std::string owners = schema(SchemaKind::owners);
  CHECK(owners.find("\"title\": \"bvplan owners register\"") != std::string::npos);
  CHECK(owners.find("\n  \"required\": [\"owners\"],\n  \"additionalProperties\": false,\n") != std::string::npos);
  CHECK(owners.find("\n    \"owner\": {\n      \"type\": \"object\",") != std::string::npos);
  CHECK(owners.find("\"action\"") == std::string::npos);
  CHECK(owners.find("\"max_actions\": {") != std::string::npos);
}
