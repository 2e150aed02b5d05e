// A small positioned YAML tree of our own: what the loader builds from parser events.
#pragma once

#include <string>
#include <vector>

#include "bvplan/diagnostic.hpp"

namespace bvplan {

struct Node {
  enum class Kind { null, scalar, sequence, map };
  Kind kind = Kind::null;
  // Plain (unquoted, untagged) scalars may be numbers, booleans or null; quoted or
  // tagged ones are always text.
  bool plain = false;
  Position position;
  std::string value;
  // Sequence: the items. Map: keys and values alternate (key at 2i, value at 2i+1).
  std::vector<Node> items;

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }
  size_t map_size() const { return items.size() / 2; }
  const Node& key(size_t i) const { return items[2 * i]; }
  const Node& value_at(size_t i) const { return items[2 * i + 1]; }
  // The value for scalar key `name`, or nullptr.
  const Node* find(std::string_view name) const;
};

// "a string", "a list", "a mapping", "nothing": for wrong-type messages.
const char* describe(const Node& node);

struct Document {
  Node root;
  bool empty = true;   // no document at all (empty file, or comments only)
  bool usable = true;  // false after a syntax error: the tree is partial
};

}  // namespace bvplan
