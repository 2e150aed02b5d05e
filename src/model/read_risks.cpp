#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/model/keys.hpp"
#include "bvplan/model/shape.hpp"

namespace bvplan {

namespace {

// A whole number from `low` to `high`; `what` says what it is in the message.
std::optional<int> whole_between(ShapeReader& reader, const Node* node, std::string_view key, int low, int high,
                                 std::string_view what) {
  auto value = reader.number(node, key);
  if (!value) return std::nullopt;
  if (node->value().find('.') != std::string_view::npos || *value < low || *value > high) {
    reader.error(
        node->position, "bad-value",
        fmt::format("'{}' is {}, but {} is a whole number from {} to {}", key, node->value(), what, low, high));
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

// `likelihood` and `impact` of `map`, both 1 to 5; nullopt unless both are read.
std::optional<RiskRating> read_rating(ShapeReader& reader, const Node& map) {
  auto likelihood = whole_between(reader, map.find("likelihood"), "likelihood", 1, 5, "a likelihood");
  auto impact = whole_between(reader, map.find("impact"), "impact", 1, 5, "an impact");
  if (!likelihood || !impact) return std::nullopt;
  return RiskRating{*likelihood, *impact};
}

std::optional<RiskReview> read_review(ShapeReader& reader, const Node& node) {
  if (!reader.expect_map(node, "a risk review")) return std::nullopt;
  bool complete = reader.check_keys(node, "a risk review", keys::review, keys::review_required);
  RiskReview out;
  bool has_date = reader.read_date(node, "date", out.date, out.position);
  auto rating = read_rating(reader, node);
  reader.read_text(node, "note", out.note);
  if (!complete || !has_date || !rating) return std::nullopt;
  out.rating = *rating;
  return out;
}

std::optional<RiskRating> read_target(ShapeReader& reader, const Node* node) {
  if (!node || !reader.expect_map(*node, "a risk's 'target'")) return std::nullopt;
  if (!reader.check_keys(*node, "a risk's 'target'", keys::rating, keys::rating)) return std::nullopt;
  return read_rating(reader, *node);
}

void read_status(ShapeReader& reader, const Node* node, Risk& out) {
  auto status = reader.text(node, "status");
  if (!status) return;
  // In the order of keys::risk_statuses.
  constexpr RiskStatus meanings[] = {RiskStatus::open, RiskStatus::closed};
  static_assert(std::size(meanings) == std::size(keys::risk_statuses));
  for (size_t i = 0; i < std::size(meanings); ++i)
    if (*status == keys::risk_statuses[i]) {
      out.status = meanings[i];
      return;
    }
  reader.error(node->position, "bad-value",
               fmt::format("unknown risk status '{}'{}", *status, did_you_mean(*status, {"open", "closed"})),
               "use open or closed");
}

Risk read_risk(ShapeReader& reader, const Node& node) {
  Risk out;
  if (!reader.expect_map(node, "a risk")) return out;
  bool complete = reader.check_keys(node, "a risk", keys::risk, keys::risk_required);
  out.position = node.position;
  bool has_id = reader.read_id(node, "id", out.id, out.position);
  bool has_title = reader.read_text(node, "title", out.title);
  auto owner = reader.reference(node.find("owner"), "owner");
  if (owner) out.owner = *owner;
  auto inherent = read_rating(reader, node);
  if (inherent) out.inherent = *inherent;
  reader.read_text(node, "controls", out.controls);
  out.mitigated_by = reader.references(node.find("mitigated_by"), "mitigated_by");
  out.target = read_target(reader, node.find("target"));
  for (const Node& item : reader.optional_list(node.find("reviews"), "'reviews'"))
    if (auto r = read_review(reader, item)) out.reviews.push_back(std::move(*r));
  read_status(reader, node.find("status"), out);
  out.well_formed = complete && has_id && has_title && owner && inherent;
  return out;
}

}  // namespace

std::vector<Risk> read_risks(ShapeReader& reader, const Node* node) {
  std::vector<Risk> out;
  std::span<const Node> items = reader.optional_list(node, "'risks'");
  out.reserve(items.size());
  for (const Node& item : items) out.push_back(read_risk(reader, item));
  return out;
}

void read_risk_bands(ShapeReader& reader, const Node* node, RiskBands& bands) {
  if (!node || !reader.expect_map(*node, "'risk_bands'")) return;
  reader.check_keys(*node, "'risk_bands'", keys::risk_bands, {});
  RiskBands read = bands;
  if (auto m = whole_between(reader, node->find("medium"), "medium", 1, 25, "a risk score")) read.medium = *m;
  if (auto h = whole_between(reader, node->find("high"), "high", 1, 25, "a risk score")) read.high = *h;
  if (read.medium > read.high) {
    reader.error(node->position, "bad-value",
                 fmt::format("risk band medium from {} is above high from {}", read.medium, read.high),
                 "medium must be at most high, e.g. medium: 8, high: 15");
    return;
  }
  bands = read;
}

}  // namespace bvplan
