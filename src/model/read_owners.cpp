#include <fmt/format.h>

#include "bvplan/core/period.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/model/keys.hpp"
#include "bvplan/model/shape.hpp"

namespace bvplan {

namespace {

Owner read_owner(ShapeReader& reader, const Node& key, const Node& value) {
  Owner out;
  out.id = std::string(key.value());
  out.file = reader.file();
  out.position = key.position;
  if (!is_valid_id(key.value()))
    reader.error(key.position, "bad-value", fmt::format("malformed owner id '{}'", key.value()),
                 "ids start with a letter or digit, then letters, digits, '.', '_' or '-'");
  if (value.is_scalar()) {
    // The short form `SPS: Strategic & Performance Services` is the owner's name.
    if (auto name = reader.text(&value, "name")) out.name = *name;
    return out;
  }
  if (!value.is_map()) {
    reader.error(
        value.position, "wrong-type",
        fmt::format("owner '{}' must be a name or a mapping with 'name', found {}", key.value(), describe(value)));
    return out;
  }
  reader.check_keys(value, fmt::format("owner '{}'", key.value()), keys::owner, keys::owner_required);
  reader.read_text(value, "name", out.name);
  reader.read_text(value, "role", out.role);
  out.max_actions = reader.whole(value.find("max_actions"), "max_actions");
  out.days_per_month = reader.at_least(value.find("days_per_month"), "days_per_month", 0, "a number of days");
  return out;
}

}  // namespace

Owners read_owners(ShapeReader& reader, const Node& node, bool plan_local) {
  Owners out;
  if (node.is_null()) return out;
  if (!reader.expect_map(node, "'owners'")) return out;
  for (size_t i = 0; i < node.map_size(); ++i) {
    if (!node.key(i).is_scalar()) {
      reader.error(node.key(i).position, "wrong-type", "owner ids in 'owners' must be plain names");
      continue;
    }
    Owner o = read_owner(reader, node.key(i), node.value_at(i));
    o.plan_local = plan_local;
    out.emplace(o.id, std::move(o));
  }
  return out;
}

OwnersRegister read_owners_register(ShapeReader& reader, const Node& root) {
  OwnersRegister out;
  if (!reader.expect_map(root, "an owners register")) return out;
  reader.check_keys(root, "the owners register", keys::owners_register, keys::owners_register_required);
  if (const Node* o = root.find("owners")) out.owners = read_owners(reader, *o, false);
  out.year_start = read_year_start(reader, root.find("year_start"));
  return out;
}

std::optional<unsigned> read_year_start(ShapeReader& reader, const Node* node) {
  auto value = reader.text(node, "year_start");
  if (!value) return std::nullopt;
  if (std::optional<unsigned> month = month_from_name(*value)) return month;
  std::string lower = *value;
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::vector<std::string> months;
  for (unsigned m = 1; m <= 12; ++m) {
    std::string name(month_name(m));
    name[0] = static_cast<char>(name[0] - 'A' + 'a');
    months.push_back(std::move(name));
  }
  reader.error(node->position, "bad-value",
               fmt::format("year_start '{}' is not the name of a month{}", *value, did_you_mean(lower, months)),
               "write the month the year starts in: april for the financial year (1 April to 31 March), "
               "january for calendar years");
  return std::nullopt;
}

}  // namespace bvplan
