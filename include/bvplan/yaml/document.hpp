// A small positioned YAML tree of our own: what the loader builds from parser events.
//
// Compact on purpose (a 20,000-action plan has over a million nodes): a node is 24 bytes;
// each container's items sit side by side in blocks that never move (so building the tree
// never copies it), and a scalar's text is a view of the source when it is spelled there
// byte for byte, or of a block of copied text otherwise. A Document therefore must not
// outlive the SourceFile it was read from.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/core/diagnostic.hpp"

namespace bvplan {

struct Node {
  enum class Kind : std::uint8_t { null, scalar, sequence, map };
  Kind kind = Kind::null;
  // Plain (unquoted, untagged) scalars may be numbers, booleans or null; quoted or
  // tagged ones are always text.
  bool plain = false;
  // An alias or anchored value already reported as yaml-alias: later checks stay quiet
  // about it rather than pile up consequences of the same mistake.
  bool refused = false;
  Position position;
  std::uint32_t count = 0;  // scalar: length of its text; container: number of items
  union {
    const char* text = nullptr;  // scalar
    const Node* first;           // container: its first item
  };

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_map() const { return kind == Kind::map; }

  // A scalar's text (empty for other kinds).
  std::string_view value() const { return is_scalar() && text ? std::string_view(text, count) : std::string_view(); }
  // A sequence's items; a map's keys and values alternating (key at 2i, value at 2i+1).
  std::span<const Node> items() const {
    return (is_sequence() || is_map()) && count ? std::span<const Node>(first, count) : std::span<const Node>();
  }
  size_t map_size() const { return is_map() ? count / 2 : 0; }
  const Node& key(size_t i) const { return items()[2 * i]; }
  const Node& value_at(size_t i) const { return items()[2 * i + 1]; }
  // The value for scalar key `name`, or nullptr.
  const Node* find(std::string_view name) const;
};

// Where a document's nodes and copied text live: blocks that are never moved or resized.
class DocumentStorage {
public:
  // Room for `n` nodes side by side.
  Node* allocate_nodes(size_t n);
  // A stable copy of `text`.
  const char* copy_text(std::string_view text);
  // Frees every block of nodes allocated before the one holding `node`. A container's
  // items are allocated as it closes, after all of its descendants, so once a reader is
  // done with every node allocated before `node`, their memory goes back while the rest
  // of the tree is still read: the loader reads the plan's key issues this way, and the
  // tree and the whole model are never held at once.
  void release_nodes_before(const Node* node);

private:
  template <typename T>
  struct Blocks {
    std::vector<std::unique_ptr<T[]>> blocks;
    std::vector<size_t> sizes;  // each block's size
    size_t released = 0;        // blocks freed, from the first
    size_t used = 0, capacity = 0;
    T* take(size_t n, size_t block_size);
  };
  Blocks<Node> nodes_;
  Blocks<char> text_;
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
