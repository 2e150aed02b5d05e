#include <algorithm>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/model/keys.hpp"
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

// One of `words` (a table of keys.hpp), meaning the entry of `meanings` in the same place,
// or bad-value naming them.
template <typename T, size_t N>
std::optional<T> read_word(ShapeReader& reader, const Node* node, std::string_view key, keys::Names words,
                           const T (&meanings)[N]) {
  auto value = reader.text(node, key);
  if (!value) return std::nullopt;
  std::vector<std::string> names;
  for (size_t i = 0; i < N && i < words.size(); ++i) {
    if (*value == words[i]) return meanings[i];
    names.emplace_back(words[i]);
  }
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  reader.error(node->position, "bad-value", fmt::format("unknown {} '{}'{}", key, *value, did_you_mean(*value, names)),
               fmt::format("use {}", list));
  return std::nullopt;
}

// In the order of keys::measure_units and keys::polarities.
constexpr MeasureUnit unit_meanings[] = {MeasureUnit::percent, MeasureUnit::number, MeasureUnit::money,
                                         MeasureUnit::days};
static_assert(std::size(unit_meanings) == std::size(keys::measure_units));
constexpr Polarity polarity_meanings[] = {Polarity::higher, Polarity::lower};
static_assert(std::size(polarity_meanings) == std::size(keys::polarities));

// `{date, value}` or, for actuals, `{date, value, note}`.
std::optional<MeasurePoint> read_point(ShapeReader& reader, const Node& node, std::string_view what, KeyNames names) {
  if (!reader.expect_map(node, what)) return std::nullopt;
  bool complete = reader.check_keys(node, what, names, keys::actual_required);
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
  bool complete = reader.check_keys(node, "a measure", keys::measure, keys::measure_required);
  bool has_title = reader.read_text(node, "title", out.title);
  bool has_id = reader.read_id(node, "id", out.id, out.position);
  read_reference(reader, node, "issue", out.issue, out.issue_position);
  read_reference(reader, node, "owner", out.owner, out.owner_position);
  if (auto unit = read_word(reader, node.find("unit"), "unit", keys::measure_units, unit_meanings)) out.unit = *unit;
  if (const Node* every = node.find("every"))
    if (auto cadence = reader.cadence(every)) out.every_months = cadence->months;
  reader.read_text(node, "source", out.source);
  reader.read_text(node, "notes", out.notes);
  auto better = read_word(reader, node.find("better"), "better", keys::polarities, polarity_meanings);
  if (better) out.better = *better;
  if (const Node* baseline = node.find("baseline"))
    out.baseline = read_point(reader, *baseline, "'baseline'", keys::baseline);
  read_measure_targets(reader, node.find("targets"), out);
  if (const Node* tolerance = node.find("tolerance")) {
    if (auto t = reader.at_least(tolerance, "tolerance", 0, "a percentage")) out.tolerance = *t;
    out.tolerance_position = tolerance->position;
  }
  std::span<const Node> actuals = reader.optional_list(node.find("actuals"), "'actuals'");
  out.actuals.reserve(actuals.size());
  for (const Node& item : actuals)
    if (auto a = read_point(reader, item, "an actual", keys::actual)) out.actuals.push_back(std::move(*a));
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
