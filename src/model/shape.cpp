#include "bvplan/model/shape.hpp"

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
  if (auto cadence = parse_cadence(*value)) return cadence;
  error(node->position, "bad-value", fmt::format("unknown cadence '{}'", *value),
        "use month, quarter, 6 months, year, or N months");
  return std::nullopt;
}

}  // namespace bvplan
