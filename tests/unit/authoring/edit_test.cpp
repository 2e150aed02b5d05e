#include "bvplan/authoring/edit.hpp"

#include <filesystem>
#include <fstream>

#include <doctest/doctest.h>

#include "bvplan/model/loader.hpp"
#include "test_support.hpp"

#include "bvplan/yaml/reader.hpp"

using namespace bvplan;
using bvplan::test::load_text;

namespace {

const std::vector<EntryField> update = {
    {"date", "2004-06-30"}, {"complete", "60"}, {"summary", "Draft: circulated", true}};

// `text` with the update appended to `list` of the item `id`.
std::string append(const std::string& text, const char* id, const char* list = "updates",
                   const std::vector<EntryField>& entry = update) {
  SourceFile source{"p.yaml", text};
  Diagnostics diagnostics;
  Document document = read_yaml(source, diagnostics);
  REQUIRE(diagnostics.empty());
  std::vector<FoundItem> found = find_items(document, id);
  REQUIRE(found.size() == 1);
  std::string out = append_entry(text, document, *found[0].map, list, entry);
  SourceFile again{"p.yaml", out};
  read_yaml(again, diagnostics);
  CHECK(diagnostics.empty());
  return out;
}

std::string set(const std::string& text, const char* id, const EntryField& field) {
  SourceFile source{"p.yaml", text};
  Diagnostics diagnostics;
  Document document = read_yaml(source, diagnostics);
  REQUIRE(diagnostics.empty());
  std::vector<FoundItem> found = find_items(document, id);
  REQUIRE(found.size() == 1);
  std::string out = set_field(text, *found[0].map, field);
  SourceFile again{"p.yaml", out};
  read_yaml(again, diagnostics);
  CHECK(diagnostics.empty());
  return out;
}

// How many dated entries the item `id` has: updates, actuals, reviews, or for a
// milestone 1 when it is done on 20 June 2004.
size_t entries_of(const Plan& plan, const std::string& id) {
  for (const KeyIssue& issue : plan.issues)
    for (const Action& action : issue.actions) {
      if (action.id == id) return action.updates.size();
      for (const Milestone& m : action.milestones)
        if (m.id == id) return m.done == test::d("2004-06-20") ? 1 : 0;
    }
  for (const Measure& m : plan.measures)
    if (m.id == id) return m.actuals.size();
  for (const Risk& r : plan.risks)
    if (r.id == id) return r.reviews.size();
  return 99;
}

}  // namespace

TEST_CASE("find_items: actions, milestones, measures and risks by id") {
  SourceFile source{"p.yaml",
                    "issues:\n- id: KI1\n  actions:\n  - id: A\n    milestones: [{id: M}]\n"
                    "measures: [{id: PI}]\nrisks:\n- id: R\n- id: A\n"};
  Diagnostics diagnostics;
  Document document = read_yaml(source, diagnostics);
  CHECK(find_items(document, "A").size() == 2);
  CHECK(find_items(document, "M")[0].kind == ItemKind::milestone);
  CHECK(find_items(document, "PI")[0].kind == ItemKind::measure);
  CHECK(find_items(document, "R")[0].kind == ItemKind::risk);
  CHECK(find_items(document, "KI1").empty());
}

TEST_CASE("append_entry: after the last block entry, comments and blank lines kept") {
  std::string before =
      "issues:\n"
      "  - id: KI1   # the first issue\n"
      "    actions:\n"
      "      - id: A\n"
      "        updates:\n"
      "          # oldest first\n"
      "          - date: 2004-03-31\n"
      "            complete: 20\n"
      "            summary: |\n"
      "              Started.\n"
      "\n"
      "              Going well.\n"
      "            # more in June\n"
      "\n"
      "        # the action's own note\n"
      "      - id: B\n";
  CHECK(append(before, "A") ==
        "issues:\n"
        "  - id: KI1   # the first issue\n"
        "    actions:\n"
        "      - id: A\n"
        "        updates:\n"
        "          # oldest first\n"
        "          - date: 2004-03-31\n"
        "            complete: 20\n"
        "            summary: |\n"
        "              Started.\n"
        "\n"
        "              Going well.\n"
        "            # more in June\n"
        "          - date: 2004-06-30\n"
        "            complete: 60\n"
        "            summary: 'Draft: circulated'\n"
        "\n"
        "        # the action's own note\n"
        "      - id: B\n");
}

TEST_CASE("append_entry: flow entries in a block list stay flow, spacing followed") {
  std::string before =
      "issues:\n- id: KI1\n  actions:\n  - id: A\n    updates:\n    - { date: 2004-03-31, complete: 20 }\n";
  CHECK(append(before, "A") == before + "    - { date: 2004-06-30, complete: 60, summary: 'Draft: circulated' }\n");
}

TEST_CASE("append_entry: a flow list on one line or over several") {
  CHECK(append("issues:\n- id: KI1\n  actions:\n  - {id: A, updates: [{date: 2004-03-31, complete: 20}]}\n", "A") ==
        "issues:\n- id: KI1\n  actions:\n  - {id: A, updates: [{date: 2004-03-31, complete: 20}, {date: 2004-06-30, "
        "complete: 60, summary: 'Draft: circulated'}]}\n");
  CHECK(append("issues:\n- id: KI1\n  actions:\n  - id: A\n    updates: [\n      {date: 2004-03-31, complete: 20},  # "
               "q4\n    ]\n",
               "A") ==
        "issues:\n- id: KI1\n  actions:\n  - id: A\n    updates: [\n      {date: 2004-03-31, complete: 20},\n      "
        "{date: "
        "2004-06-30, complete: 60, summary: 'Draft: circulated'},  # q4\n    ]\n");
  CHECK(append("issues:\n- id: KI1\n  actions:\n  - id: A\n    updates: []  # none yet\n", "A") ==
        "issues:\n- id: KI1\n  actions:\n  - id: A\n    updates: [{date: 2004-06-30, complete: 60, summary: 'Draft: "
        "circulated'}]  # none yet\n");
}

TEST_CASE("append_entry: a missing list is made at the end of the item, indented as issues: is") {
  CHECK(
      append("issues:\n  - id: KI1\n    actions:\n      - id: A\n        due: 2004-12-31\n\n      - id: B\n", "A") ==
      "issues:\n  - id: KI1\n    actions:\n      - id: A\n        due: 2004-12-31\n        updates:\n          - date: "
      "2004-06-30\n            complete: 60\n            summary: 'Draft: circulated'\n\n      - id: B\n");
  // Lists flush with their key, and a last line without a line break.
  CHECK(append("issues:\n- id: KI1\n  actions:\n  - id: A\n    due: 2004-12-31", "A") ==
        "issues:\n- id: KI1\n  actions:\n  - id: A\n    due: 2004-12-31\n    updates:\n    - date: 2004-06-30\n      "
        "complete: 60\n      summary: 'Draft: circulated'\n");
  // `updates:` with nothing after it.
  CHECK(append("issues:\n- id: KI1\n  actions:\n  - id: A\n    updates:   # to come\n    due: 2004-12-31\n", "A") ==
        "issues:\n- id: KI1\n  actions:\n  - id: A\n    updates:   # to come\n    - date: 2004-06-30\n      complete: "
        "60\n      summary: 'Draft: circulated'\n    due: 2004-12-31\n");
  // An item written as a flow mapping.
  CHECK(append("issues:\n- id: KI1\n  actions:\n  - {id: A, due: 2004-12-31}\n", "A") ==
        "issues:\n- id: KI1\n  actions:\n  - {id: A, due: 2004-12-31, updates: [{date: 2004-06-30, complete: 60, "
        "summary: 'Draft: circulated'}]}\n");
}

TEST_CASE("append_entry: CRLF line ends, and text over several lines as a block scalar") {
  std::vector<EntryField> entry = {{"date", "2004-06-30"}, {"summary", "Two\nlines", true}};
  CHECK(append("issues:\r\n- id: KI1\r\n  actions:\r\n  - id: A\r\n    updates:\r\n    - date: 2004-03-31\r\n", "A",
               "updates", entry) ==
        "issues:\r\n- id: KI1\r\n  actions:\r\n  - id: A\r\n    updates:\r\n    - date: 2004-03-31\r\n    - date: "
        "2004-06-30\r\n      summary: |-\r\n        Two\r\n        lines\r\n");
}

TEST_CASE("append_entry: measures' actuals and risks' reviews") {
  CHECK(append("issues: []\nmeasures:\n  - id: PI\n    actuals:\n      - {date: 2004-03-31, value: 70}\nrisks: []\n",
               "PI", "actuals", {{"date", "2004-06-30"}, {"value", "71.5"}}) ==
        "issues: []\nmeasures:\n  - id: PI\n    actuals:\n      - {date: 2004-03-31, value: 70}\n      - {date: "
        "2004-06-30, value: 71.5}\nrisks: []\n");
}

TEST_CASE("append_entry: refuses what it cannot edit cleanly") {
  CHECK_THROWS_AS(append("issues:\n- id: KI1\n  actions:\n  - id: A\n    updates: ~\n", "A"), Error);
  CHECK_THROWS_AS(append("issues:\n- id: KI1\n  actions:\n  - id: A\n    updates: none\n", "A"), Error);
  CHECK_THROWS_AS(append("issues:\n- id: KI1\n  actions:\n  - id: A\n    updates:\n    - 2004-03-31\n", "A"), Error);
}

TEST_CASE("set_field: a milestone's done replaced, filled in or added") {
  std::string base = "issues:\n- id: KI1\n  actions:\n  - id: A\n    milestones:\n    - id: M\n      due: 2004-06-01\n";
  EntryField done{"done", "2004-06-20"};
  CHECK(set(base, "M", done) == base + "      done: 2004-06-20\n");
  CHECK(set(base + "      done: 2004-06-02  # early\n", "M", done) == base + "      done: 2004-06-20  # early\n");
  CHECK(set(base + "      done:\n", "M", done) == base + "      done: 2004-06-20\n");
  CHECK(set("issues:\n- id: KI1\n  actions:\n  - id: A\n    milestones: [{id: M, done: '2004-06-02'}]\n", "M", done) ==
        "issues:\n- id: KI1\n  actions:\n  - id: A\n    milestones: [{id: M, done: 2004-06-20}]\n");
  CHECK(set("issues:\n- id: KI1\n  actions:\n  - id: A\n    milestones: [{id: M}]\n", "M", done) ==
        "issues:\n- id: KI1\n  actions:\n  - id: A\n    milestones: [{id: M, done: 2004-06-20}]\n");
}

TEST_CASE("every item of every example plan takes an entry that reads back where it belongs") {
  namespace fs = std::filesystem;
  size_t edits = 0;
  for (const auto& file : fs::recursive_directory_iterator(fs::path(BVPLAN_SOURCE_DIR) / "examples")) {
    std::string name = file.path().filename().string();
    if (file.path().extension() != ".yaml" || name == "owners.yaml" ||
        file.path().string().find("/broken/") != std::string::npos)
      continue;
    std::ifstream in(file.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SourceFile source{name, text};
    Diagnostics diagnostics;
    Document document = read_yaml(source, diagnostics);
    LoadResult before = load_plan_text(source);
    REQUIRE(before.plan);
    std::vector<std::pair<std::string, ItemKind>> items;
    for (const KeyIssue& issue : before.plan->issues)
      for (const Action& action : issue.actions) {
        items.emplace_back(action.id, ItemKind::action);
        for (const Milestone& m : action.milestones) items.emplace_back(m.id, ItemKind::milestone);
      }
    for (const Measure& m : before.plan->measures) items.emplace_back(m.id, ItemKind::measure);
    for (const Risk& r : before.plan->risks) items.emplace_back(r.id, ItemKind::risk);
    for (const auto& [id, kind] : items) {
      std::string where = file.path().string() + " " + id;
      CAPTURE(where);
      std::vector<FoundItem> found = find_items(document, id);
      REQUIRE(found.size() == 1);
      std::string out = kind == ItemKind::milestone
                            ? set_field(text, *found[0].map, {"done", "2004-06-20"})
                            : append_entry(text, document, *found[0].map,
                                           kind == ItemKind::action    ? "updates"
                                           : kind == ItemKind::measure ? "actuals"
                                                                       : "reviews",
                                           kind == ItemKind::action ? update
                                           : kind == ItemKind::measure
                                               ? std::vector<EntryField>{{"date", "2099-01-01"}, {"value", "1"}}
                                               : std::vector<EntryField>{
                                                     {"date", "2099-01-01"}, {"likelihood", "2"}, {"impact", "2"}});
      LoadResult after = load_text(out);
      REQUIRE(after.plan);
      CHECK(count_severity(after.diagnostics, Severity::error) == count_severity(before.diagnostics, Severity::error));
      CHECK(entries_of(*after.plan, id) == (kind == ItemKind::milestone ? 1 : entries_of(*before.plan, id) + 1));
      ++edits;
    }
  }
  CHECK(edits > 50);
}

TEST_CASE("append_entry: text starting with a space over several lines, deep in the file") {
  std::string out = append("issues:\n- id: KI1\n  actions:\n  - id: A\n    updates:\n    - date: 2004-03-31\n", "A",
                           "updates", {{"date", "2004-06-30"}, {"summary", " indented\nsecond", true}});
  CHECK(
      out ==
      "issues:\n- id: KI1\n  actions:\n  - id: A\n    updates:\n    - date: 2004-03-31\n    - date: 2004-06-30\n      "
      "summary: |2-\n         indented\n        second\n");
  SourceFile source{"p.yaml", out};
  Diagnostics diagnostics;
  Document document = read_yaml(source, diagnostics);
  const Node& update = document.root.find("issues")->items()[0].find("actions")->items()[0].find("updates")->items()[1];
  CHECK(update.find("summary")->value() == " indented\nsecond");
}
