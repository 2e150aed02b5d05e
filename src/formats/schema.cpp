#include "bvplan/formats/schema.hpp"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "bvplan/core/period.hpp"
#include "bvplan/formats/json.hpp"
#include "bvplan/model/key_docs.hpp"
#include "bvplan/model/keys.hpp"

namespace bvplan {

namespace {

// The kinds of value of bvplan-plan(5)'s VALUES, and the shapes that hold parts.
enum class Kind {
  text,             // any scalar, kept as written
  id,               // [A-Za-z0-9][A-Za-z0-9._-]*
  date,             // YYYY-MM-DD
  boolean,          // true or false
  number,           // a plain decimal within a trillion either way
  money,            // a number, not negative
  percent,          // 0 to 100
  days,             // a number, not negative
  whole,            // 0 to 1000000, no point
  cadence,          // month, quarter, year, N months
  currency,         // three capitals
  month,            // a month's name, in any case
  version,          // the format version: 1
  rating,           // a risk's likelihood or impact: 1 to 5
  band,             // a risk score: 1 to 25
  weight,           // above 0
  words,            // one of `words`
  texts,            // a text, or a list of texts
  ids,              // a list of ids; empty: none
  owners,           // owner id -> name or owner
  percent_by_date,  // date -> percent
  number_by_date,   // date -> number
  part,             // a mapping: the part named `part`
  list,             // a list of `part`s; empty: none
  nonempty_list,    // a list of at least one `part`
};

struct KeyType {
  std::string_view part;
  std::string_view key;
  Kind kind;
  std::string_view of = {};        // the part of `part`, `list` and `nonempty_list`
  keys::Names words = {};          // the values of `words`
  std::string_view fallback = {};  // the default, as JSON, where bvplan-plan(5) gives one
};

// Each key of keys::parts, with its kind as model/read_*.cpp reads it.
constexpr KeyType types[] = {
    {"file", "bvplan", Kind::version},
    {"file", "plan", Kind::part, "plan"},
    {"file", "owners", Kind::owners},
    {"file", "issues", Kind::nonempty_list, "issue"},
    {"file", "measures", Kind::list, "measure"},
    {"file", "risks", Kind::list, "risk"},

    {"plan", "id", Kind::id},
    {"plan", "title", Kind::text},
    {"plan", "start", Kind::date},
    {"plan", "end", Kind::date},
    {"plan", "review", Kind::text},
    {"plan", "owner", Kind::id},
    {"plan", "budget", Kind::money},
    {"plan", "currency", Kind::currency, {}, {}, "\"GBP\""},
    {"plan", "savings_target", Kind::money},
    {"plan", "monitoring", Kind::list, "monitoring"},
    {"plan", "rag", Kind::part, "rag"},
    {"plan", "risk_bands", Kind::part, "risk_bands"},
    {"plan", "year_start", Kind::month},

    {"monitoring", "body", Kind::text},
    {"monitoring", "every", Kind::cadence},

    {"rag", "green", Kind::percent, {}, {}, "90"},
    {"rag", "amber", Kind::percent, {}, {}, "70"},

    {"risk_bands", "medium", Kind::band, {}, {}, "8"},
    {"risk_bands", "high", Kind::band, {}, {}, "15"},

    {"owner", "name", Kind::text},
    {"owner", "role", Kind::text},
    {"owner", "max_actions", Kind::whole},
    {"owner", "days_per_month", Kind::days},

    {"issue", "id", Kind::id},
    {"issue", "title", Kind::text},
    {"issue", "description", Kind::text},
    {"issue", "external_support", Kind::part, "external_support"},
    {"issue", "monitored_by", Kind::texts},
    {"issue", "actions", Kind::nonempty_list, "action"},

    {"external_support", "from", Kind::date},
    {"external_support", "to", Kind::date},
    {"external_support", "provider", Kind::text},
    {"external_support", "note", Kind::text},

    {"action", "id", Kind::id},
    {"action", "title", Kind::text},
    {"action", "lead", Kind::id},
    {"action", "start", Kind::date},
    {"action", "due", Kind::date},
    {"action", "support", Kind::ids},
    {"action", "weight", Kind::weight, {}, {}, "1"},
    {"action", "budget", Kind::money},
    {"action", "savings_target", Kind::money},
    {"action", "effort_days", Kind::days},
    {"action", "external", Kind::boolean, {}, {}, "false"},
    {"action", "depends_on", Kind::ids},
    {"action", "status", Kind::words, {}, keys::action_statuses, "\"active\""},
    {"action", "targets", Kind::percent_by_date},
    {"action", "milestones", Kind::list, "milestone"},
    {"action", "updates", Kind::list, "update"},
    {"action", "rebaselined", Kind::list, "rebaseline"},
    {"action", "notes", Kind::text},

    {"milestone", "id", Kind::id},
    {"milestone", "title", Kind::text},
    {"milestone", "due", Kind::date},
    {"milestone", "done", Kind::date},

    {"update", "date", Kind::date},
    {"update", "complete", Kind::percent},
    {"update", "completed", Kind::date},
    {"update", "spent", Kind::money},
    {"update", "staff_days", Kind::days},
    {"update", "savings", Kind::money},
    {"update", "summary", Kind::text},
    {"update", "remedy", Kind::text},
    {"update", "benefits", Kind::text},
    {"update", "next", Kind::text},
    {"update", "changes", Kind::text},

    {"rebaseline", "date", Kind::date},
    {"rebaseline", "from", Kind::date},
    {"rebaseline", "to", Kind::date},
    {"rebaseline", "reason", Kind::text},
    {"rebaseline", "approved_by", Kind::text},

    {"measure", "id", Kind::id},
    {"measure", "title", Kind::text},
    {"measure", "issue", Kind::id},
    {"measure", "owner", Kind::id},
    {"measure", "unit", Kind::words, {}, keys::measure_units, "\"number\""},
    {"measure", "every", Kind::cadence, {}, {}, "\"quarter\""},
    {"measure", "source", Kind::text},
    {"measure", "notes", Kind::text},
    {"measure", "better", Kind::words, {}, keys::polarities},
    {"measure", "baseline", Kind::part, "baseline"},
    {"measure", "targets", Kind::number_by_date},
    {"measure", "tolerance", Kind::days, {}, {}, "5"},  // a number at least 0, as days are
    {"measure", "actuals", Kind::list, "actual"},

    {"baseline", "date", Kind::date},
    {"baseline", "value", Kind::number},

    {"actual", "date", Kind::date},
    {"actual", "value", Kind::number},
    {"actual", "note", Kind::text},

    {"risk", "id", Kind::id},
    {"risk", "title", Kind::text},
    {"risk", "owner", Kind::id},
    {"risk", "likelihood", Kind::rating},
    {"risk", "impact", Kind::rating},
    {"risk", "controls", Kind::text},
    {"risk", "mitigated_by", Kind::ids},
    {"risk", "target", Kind::part, "rating"},
    {"risk", "reviews", Kind::list, "review"},
    {"risk", "status", Kind::words, {}, keys::risk_statuses, "\"open\""},

    {"rating", "likelihood", Kind::rating},
    {"rating", "impact", Kind::rating},

    {"review", "date", Kind::date},
    {"review", "likelihood", Kind::rating},
    {"review", "impact", Kind::rating},
    {"review", "note", Kind::text},

    {"register", "owners", Kind::owners},
    {"register", "year_start", Kind::month},
};

constexpr std::string_view id_pattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
// A day that exists, 0000-01-01 to 9999-12-31, Gregorian leap years included: JSON Schema's
// "format": "date" would refuse the year 0000, which bvplan reads.
constexpr std::string_view date_pattern =
    "^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|"
    "02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-"
    "29)$";
constexpr std::string_view text_message =
    "no control character but tab and line breaks (a vertical tab or escape pasted from a word processor)";
// Text holds no control character but tab and line breaks (bad-value).
constexpr std::string_view text_pattern = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$";
constexpr std::string_view cadence_pattern = "^(month|quarter|year|([1-9]|[1-9][0-9]|1[01][0-9]|120) months)$";
constexpr std::string_view trillion = "1000000000000";

// The twelve month names in any case, as the loader reads them: ^([Jj][Aa][Nn]...|...)$.
std::string month_pattern() {
  std::string out = "^(";
  for (unsigned m = 1; m <= 12; ++m) {
    if (m > 1) out += '|';
    for (char c : month_name(m)) {
      char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      char upper = static_cast<char>(lower - 'a' + 'A');
      out += fmt::format("[{}{}]", upper, lower);
    }
  }
  return out + ")$";
}

const KeyType* find_type(std::string_view part, std::string_view key) {
  for (const KeyType& type : types)
    if (type.part == part && type.key == key) return &type;
  return nullptr;
}

const keys::Part* find_part(std::string_view name) {
  for (const keys::Part& part : keys::parts)
    if (part.name == name) return &part;
  return nullptr;
}

constexpr JsonLayout one_per_line = {true, 0, true};

void strings(JsonWriter& json, keys::Names words) {
  json.begin_array();
  for (std::string_view word : words) json.string(word);
  json.end_array();
}

void text_type(JsonWriter& json) {
  // A number or true is text too: `title: 2004` is the text "2004".
  json.key("type").begin_array().string("string").string("number").string("boolean").end_array();
  json.key("pattern").string(text_pattern);
  json.key("patternErrorMessage").string(text_message);
}

void id_type(JsonWriter& json) {
  // `id: 12` is the id "12", `id: 1.1` the id "1.1" (as YAML reads them, numbers).
  json.key("type").begin_array().string("string").string("number").string("boolean").end_array();
  json.key("pattern").string(id_pattern);
  json.key("patternErrorMessage")
      .string("an id: a letter or digit, then letters, digits, dots, underscores or hyphens (KI8.2, infra-2004)");
  json.key("minimum").number(0);
}

void date_type(JsonWriter& json) {
  json.key("type").string("string");
  json.key("pattern").string(date_pattern);
  json.key("patternErrorMessage").string("a date that exists, written YYYY-MM-DD (2004-06-30)");
}

void number_type(JsonWriter& json, std::string_view minimum, std::string_view maximum) {
  json.key("type").string("number");
  json.key("minimum").number(minimum);
  json.key("maximum").number(maximum);
}

void ref(JsonWriter& json, std::string_view part) { json.key("$ref").string(fmt::format("#/definitions/{}", part)); }

// The keywords of `type`'s kind, inside the property's object.
void kind_keywords(JsonWriter& json, const KeyType& type) {
  switch (type.kind) {
    case Kind::text: return text_type(json);
    case Kind::id: return id_type(json);
    case Kind::date: return date_type(json);
    case Kind::boolean: json.key("type").string("boolean"); return;
    case Kind::number: return number_type(json, "-1000000000000", trillion);
    case Kind::money:
    case Kind::days: return number_type(json, "0", trillion);
    case Kind::percent: return number_type(json, "0", "100");
    case Kind::whole:
      json.key("type").string("integer");
      json.key("minimum").number(0);
      json.key("maximum").number(1000000);
      return;
    case Kind::cadence:
      json.key("type").string("string");
      json.key("pattern").string(cadence_pattern);
      json.key("patternErrorMessage").string("month, quarter, year, or N months from 1 to 120 (6 months)");
      json.key("examples").begin_array().string("month").string("quarter").string("year").string("6 months");
      json.end_array();
      return;
    case Kind::month:
      json.key("type").string("string");
      json.key("pattern").string(month_pattern());
      json.key("patternErrorMessage").string("the name of a month, such as april (the financial year)");
      json.key("examples").begin_array().string("april").string("january").end_array();
      return;
    case Kind::currency:
      json.key("type").string("string");
      json.key("pattern").string("^[A-Z]{3}$");
      json.key("patternErrorMessage").string("a three-letter ISO 4217 code in capitals (GBP, EUR, USD)");
      return;
    case Kind::version:
      json.key("type").string("integer");
      json.key("enum").begin_array().number(1).end_array();
      return;
    case Kind::rating:
    case Kind::band:
      json.key("type").string("integer");
      json.key("minimum").number(1);
      json.key("maximum").number(type.kind == Kind::rating ? 5 : 25);
      return;
    case Kind::weight:
      json.key("type").string("number");
      json.key("exclusiveMinimum").number(0);
      json.key("maximum").number(trillion);
      return;
    case Kind::words:
      json.key("type").string("string");
      json.key("enum");
      strings(json, type.words);
      return;
    case Kind::texts:
      json.key("type").begin_array().string("string").string("number").string("boolean").string("array");
      json.end_array();
      json.key("pattern").string(text_pattern);
      json.key("patternErrorMessage").string(text_message);
      json.key("items").begin_object();
      text_type(json);
      json.end_object();
      return;
    case Kind::ids:
      json.key("type").begin_array().string("array").string("null").end_array();
      json.key("items").begin_object();
      id_type(json);
      json.end_object();
      return;
    case Kind::owners:
      json.key("type").begin_array().string("object").string("null").end_array();
      json.key("propertyNames").begin_object().key("pattern").string(id_pattern).end_object();
      json.key("additionalProperties").begin_object().key("anyOf").begin_array(one_per_line);
      json.begin_object();
      text_type(json);
      json.end_object();
      json.begin_object();
      ref(json, "owner");
      json.end_object();
      json.end_array().end_object();
      return;
    case Kind::percent_by_date:
    case Kind::number_by_date:
      json.key("type").string("object");
      json.key("propertyNames").begin_object().key("pattern").string(date_pattern).end_object();
      json.key("additionalProperties").begin_object();
      if (type.kind == Kind::percent_by_date)
        number_type(json, "0", "100");
      else
        number_type(json, "-1000000000000", trillion);
      json.end_object();
      return;
    case Kind::part:
      // Beside $ref, draft-07 ignores every other keyword, the description included.
      json.key("allOf").begin_array(one_per_line).begin_object();
      ref(json, type.of);
      json.end_object().end_array();
      return;
    case Kind::list:
    case Kind::nonempty_list:
      if (type.kind == Kind::list) {
        json.key("type").begin_array().string("array").string("null").end_array();
      } else {
        json.key("type").string("array");
        json.key("minItems").number(1);
      }
      json.key("items").begin_object();
      ref(json, type.of);
      json.end_object();
      return;
  }
}

// `"properties": {...}, "required": [...], "additionalProperties": false` for a part.
void part_keywords(JsonWriter& json, const keys::Part& part) {
  json.key("type").string("object");
  json.key("properties").begin_object();
  for (std::string_view key : part.keys) {
    json.key(key).begin_object();
    if (const KeyDoc* doc = find_key_doc(part.name, key)) json.key("description").string(doc->description);
    if (const KeyType* type = find_type(part.name, key)) {
      kind_keywords(json, *type);
      if (!type->fallback.empty()) json.key("default").number(type->fallback);
    }
    json.end_object();
  }
  json.end_object();
  if (!part.required.empty()) {
    json.key("required");
    strings(json, part.required);
  }
  json.key("additionalProperties").boolean(false);
}

// The parts `root` leads to, in keys::parts' order.
std::vector<const keys::Part*> parts_under(std::string_view root) {
  std::vector<std::string_view> found = {root};
  for (size_t i = 0; i < found.size(); ++i) {
    const keys::Part* part = find_part(found[i]);
    if (!part) continue;
    for (std::string_view key : part->keys) {
      const KeyType* type = find_type(part->name, key);
      if (!type) continue;
      std::string_view next = type->kind == Kind::owners ? "owner" : type->of;
      if (!next.empty() && std::find(found.begin(), found.end(), next) == found.end()) found.push_back(next);
    }
  }
  std::vector<const keys::Part*> out;
  for (const keys::Part& part : keys::parts)
    if (part.name != root && std::find(found.begin(), found.end(), part.name) != found.end()) out.push_back(&part);
  return out;
}

}  // namespace

void render_schema(SchemaKind kind, Output& out) {
  bool plan = kind == SchemaKind::plan;
  const keys::Part* root = find_part(plan ? "file" : "register");
  JsonWriter json(out, JsonWriter::Indented{});
  json.begin_object();
  json.key("$schema").string("http://json-schema.org/draft-07/schema#");
  json.key("title").string(plan ? "bvplan plan file, format version 1" : "bvplan owners register");
  json.key("description")
      .string(plan ? "A Best Value improvement plan, one plan per file, as bvplan-plan(5) describes it."
                   : "Owners shared by several plans (owners.yaml), as bvplan-plan(5) describes it under OWNERS.");
  part_keywords(json, *root);
  json.key("definitions").begin_object();
  for (const keys::Part* part : parts_under(root->name)) {
    json.key(part->name).begin_object();
    part_keywords(json, *part);
    json.end_object();
  }
  json.end_object();
  json.end_object();
  out.put('\n');
}

std::vector<std::string> schema_gaps() {
  std::vector<std::string> out;
  for (const keys::Part& part : keys::parts) {
    for (std::string_view key : part.keys) {
      if (!find_type(part.name, key)) out.push_back(fmt::format("{}.{}: the loader reads it; no type", part.name, key));
      if (!find_key_doc(part.name, key))
        out.push_back(fmt::format("{}.{}: the loader reads it; bvplan-plan(5) does not describe it", part.name, key));
    }
    for (std::string_view key : part.required)
      if (std::find(part.keys.begin(), part.keys.end(), key) == part.keys.end())
        out.push_back(fmt::format("{}.{}: required, but not a key", part.name, key));
  }
  auto read = [](std::string_view part, std::string_view key) {
    const keys::Part* found = find_part(part);
    return found && std::find(found->keys.begin(), found->keys.end(), key) != found->keys.end();
  };
  for (const KeyType& type : types) {
    if (!read(type.part, type.key))
      out.push_back(fmt::format("{}.{}: a type, but the loader does not read it", type.part, type.key));
    if (!type.of.empty() && !find_part(type.of))
      out.push_back(fmt::format("{}.{}: no part named {}", type.part, type.key, type.of));
  }
  for (const KeyDoc& doc : key_docs())
    if (!read(doc.part, doc.key))
      out.push_back(
          fmt::format("{}.{}: described in bvplan-plan(5), but the loader does not read it", doc.part, doc.key));
  return out;
}

}  // namespace bvplan
