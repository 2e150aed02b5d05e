// A small positioned YAML tree of our own: what the loader builds from parser events.
//
// Compact on purpose (a 20,000-action plan has over a million nodes): nodes live in one
// flat array with each container's items side by side, and a scalar's text is a view of
// the source when it is spelled there byte for byte, or of one shared arena otherwise.
// A Document therefore must not outlive the SourceFile it was read from.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/diagnostic.hpp"

namespace bvplan {

struct DocumentStorage;

struct Node {
  enum class Kind : std::uint8_t { null, scalar, sequence, map };
  Kind kind = Kind::null;
  // Plain (unquoted, untagged) scalars may be numbers, booleans or null; quoted or
  // tagged ones are always text.
  bool plain = false;
  // An alias or anchored value already reported as yaml-alias: later checks stay quiet
  // about it rather than pile up consequences of the same mistake.
  bool refused = false;
  bool in_source = false;  // scalar text is in the source, not the arena
  Position position;
  std::uint32_t first = 0;  // scalar: offset of its text; container: index of its first item
  std::uint32_t count = 0;  // scalar: length of its text; container: number of items
  const DocumentStorage* storage = nullptr;

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }

  // A scalar's text (empty for other kinds).
  std::string_view value() const;
  // A sequence's items; a map's keys and values alternating (key at 2i, value at 2i+1).
  std::span<const Node> items() const;
  size_t map_size() const { return is_map() ? count / 2 : 0; }
  const Node& key(size_t i) const { return items()[2 * i]; }
  const Node& value_at(size_t i) const { return items()[2 * i + 1]; }
  // The value for scalar key `name`, or nullptr.
  const Node* find(std::string_view name) const;
};

struct DocumentStorage {
  std::vector<Node> nodes;
  std::string arena;
  std::string_view source;
};

// "a single value", "a list", "a mapping", "nothing": for wrong-type messages.
const char* describe(const Node& node);

struct Document {
  std::unique_ptr<DocumentStorage> storage = std::make_unique<DocumentStorage>();
  Node root;
  bool empty = true;   // no document at all (empty file, or comments only)
  bool usable = true;  // false after a syntax error: the tree is partial
};

}  // namespace bvplan
