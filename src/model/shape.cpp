#include "bvplan/model/shape.hpp"

#include <charconv>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"

namespace bvplan {

std::optional<Reference> ShapeReader::reference(const Node* node, std::string_view key) {
  if (node && node->is_scalar() && !node->value().empty() && !is_valid_id(node->value()))
    malformed_references_.push_back(Reference{std::string(node->value()), node->position});
  auto value = id(node, key);
  if (!value) return std::nullopt;
  return Reference{*value, node->position};
}

std::vector<Reference> ShapeReader::references(const Node* node, std::string_view key) {
  std::vector<Reference> out;
  std::span<const Node> items = optional_list(node, fmt::format("'{}'", key));
  out.reserve(items.size());
  for (const Node& item : items)
    if (auto ref = reference(&item, key)) out.push_back(std::move(*ref));
  return out;
}

std::optional<Cadence> ShapeReader::cadence(const Node* node) {
  auto value = text(node, "every");
  if (!value) return std::nullopt;
  const std::string& v = *value;
  if (v == "month") return Cadence{1};
  if (v == "quarter") return Cadence{3};
  if (v == "year") return Cadence{12};
  auto space = v.find(' ');
  if (space != std::string::npos && v.substr(space) == " months") {
    int n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + space, n);
    if (ec == std::errc() && end == v.data() + space && n >= 1 && n <= 120 && v[0] != '0') return Cadence{n};
  }
  error(node->position, "bad-value", fmt::format("unknown cadence '{}'", v),
        "use month, quarter, 6 months, year, or N months");
  return std::nullopt;
}

}  // namespace bvplan
