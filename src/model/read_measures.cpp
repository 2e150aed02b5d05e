#include <algorithm>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/model/shape.hpp"

namespace bvplan {

const char* to_string(MeasureUnit unit) {
  switch (unit) {
    case MeasureUnit::number: return "number";
    case MeasureUnit::percent: return "percent";
    case MeasureUnit::money: return "money";
    case MeasureUnit::days: return "days";
  }
  return "number";
}

const char* to_string(Polarity polarity) { return polarity == Polarity::lower ? "lower" : "higher"; }

namespace {

constexpr std::string_view measure_keys[] = {"id",    "title",  "issue",    "owner",   "unit",      "every",  "source",
                                             "notes", "better", "baseline", "targets", "tolerance", "actuals"};
constexpr std::string_view measure_required[] = {"id", "title", "better"};
constexpr std::string_view baseline_keys[] = {"date", "value"};
constexpr std::string_view actual_keys[] = {"date", "value", "note"};
constexpr std::string_view actual_required[] = {"date", "value"};

// One word of `words`, or bad-value naming them.
template <typename T, size_t N>
std::optional<T> read_word(ShapeReader& reader, const Node* node, std::string_view key,
                           const std::pair<std::string_view, T> (&words)[N]) {
  auto value = reader.text(node, key);
  if (!value) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& [word, meaning] : words) {
    if (*value == word) return meaning;
    names.emplace_back(word);
  }
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  reader.error(node->position, "bad-value", fmt::format("unknown {} '{}'{}", key, *value, did_you_mean(*value, names)),
               fmt::format("use {}", list));
  return std::nullopt;
}

constexpr std::pair<std::string_view, MeasureUnit> unit_words[] = {{"percent", MeasureUnit::percent},
                                                                   {"number", MeasureUnit::number},
                                                                   {"money", MeasureUnit::money},
                                                                   {"days", MeasureUnit::days}};
constexpr std::pair<std::string_view, Polarity> polarity_words[] = {{"higher", Polarity::higher},
                                                                    {"lower", Polarity::lower}};

// `{date, value}` or, for actuals, `{date, value, note}`.
std::optional<MeasurePoint> read_point(ShapeReader& reader, const Node& node, std::string_view what, KeyNames keys) {
  if (!reader.expect_map(node, what)) return std::nullopt;
  bool complete = reader.check_keys(node, what, keys, actual_required);
  MeasurePoint out;
  bool has_date = reader.read_date(node, "date", out.date, out.position);
  auto value = reader.number(node.find("value"), "value");
  reader.read_text(node, "note", out.note);
  if (!complete || !has_date || !value) return std::nullopt;
  out.value = *value;
  return out;
}

void read_measure_targets(ShapeReader& reader, const Node* targets, Measure& out) {
  if (!targets || !reader.expect_map(*targets, "'targets'")) return;
  for (size_t i = 0; i < targets->map_size(); ++i) {
    auto when = reader.date(&targets->key(i), "targets");
    auto value = reader.number(&targets->value_at(i), "target");
    if (when && value) out.targets.push_back({*when, *value, targets->key(i).position, {}});
  }
  std::stable_sort(out.targets.begin(), out.targets.end(),
                   [](const MeasurePoint& a, const MeasurePoint& b) { return a.date < b.date; });
}

void read_reference(ShapeReader& reader, const Node& node, std::string_view key, std::string& id, Position& at) {
  if (auto ref = reader.reference(node.find(key), key)) {
    id = ref->id;
    at = ref->position;
  }
}

Measure read_measure(ShapeReader& reader, const Node& node) {
  Measure out;
  out.position = node.position;  // until its id is read
  if (!reader.expect_map(node, "a measure")) return out;
  bool complete = reader.check_keys(node, "a measure", measure_keys, measure_required);
  bool has_title = reader.read_text(node, "title", out.title);
  bool has_id = reader.read_id(node, "id", out.id, out.position);
  read_reference(reader, node, "issue", out.issue, out.issue_position);
  read_reference(reader, node, "owner", out.owner, out.owner_position);
  if (auto unit = read_word(reader, node.find("unit"), "unit", unit_words)) out.unit = *unit;
  if (const Node* every = node.find("every"))
    if (auto cadence = reader.cadence(every)) out.every_months = cadence->months;
  reader.read_text(node, "source", out.source);
  reader.read_text(node, "notes", out.notes);
  auto better = read_word(reader, node.find("better"), "better", polarity_words);
  if (better) out.better = *better;
  if (const Node* baseline = node.find("baseline"))
    out.baseline = read_point(reader, *baseline, "'baseline'", baseline_keys);
  read_measure_targets(reader, node.find("targets"), out);
  if (const Node* tolerance = node.find("tolerance")) {
    if (auto t = reader.at_least(tolerance, "tolerance", 0, "a percentage")) out.tolerance = *t;
    out.tolerance_position = tolerance->position;
  }
  std::span<const Node> actuals = reader.optional_list(node.find("actuals"), "'actuals'");
  out.actuals.reserve(actuals.size());
  for (const Node& item : actuals)
    if (auto a = read_point(reader, item, "an actual", actual_keys)) out.actuals.push_back(std::move(*a));
  out.well_formed = complete && has_id && has_title && better;
  return out;
}

}  // namespace

std::vector<Measure> read_measures(ShapeReader& reader, const Node* node) {
  std::vector<Measure> out;
  std::span<const Node> items = reader.optional_list(node, "'measures'");
  out.reserve(items.size());
  for (const Node& item : items) out.push_back(read_measure(reader, item));
  return out;
}

}  // namespace bvplan
