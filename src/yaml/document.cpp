#include <algorithm>
#include <functional>

#include "bvplan/yaml/document.hpp"

namespace bvplan {

template <typename T>
T* DocumentStorage::Blocks<T>::take(size_t n, size_t block_size) {
  if (n == 0) return nullptr;
  if (blocks.empty() || capacity - used < n) {
    // A new block, doubling from 1/256 of a full one so a small file costs little (each
    // node is constructed: a full first block cost more than parsing a short plan); a
    // request larger than a block gets one of its own size.
    size_t next = blocks.empty() ? block_size / 256 : std::min(capacity * 2, block_size);
    size_t size = std::max(n, next);
    blocks.push_back(std::make_unique_for_overwrite<T[]>(size));
    sizes.push_back(size);
    used = 0;
    capacity = size;
  }
  T* out = blocks.back().get() + used;
  used += n;
  return out;
}

Node* DocumentStorage::allocate_nodes(size_t n) { return nodes_.take(n, 16384); }

void DocumentStorage::release_nodes_before(const Node* node) {
  std::less<const Node*> before;
  for (size_t i = nodes_.released; i < nodes_.blocks.size(); ++i) {
    const Node* start = nodes_.blocks[i].get();
    if (!before(node, start) && before(node, start + nodes_.sizes[i])) {
      for (; nodes_.released < i; ++nodes_.released) nodes_.blocks[nodes_.released].reset();
      return;
    }
  }
}

const char* DocumentStorage::copy_text(std::string_view text) {
  char* out = text_.take(text.size(), 65536);
  if (out) std::copy(text.begin(), text.end(), out);
  return out;
}

const Node* Node::find(std::string_view name) const {
  for (size_t i = 0; i < map_size(); ++i)
    if (key(i).is_scalar() && key(i).value() == name) return &value_at(i);
  return nullptr;
}

const char* describe(const Node& node) {
  switch (node.kind) {
    case Node::Kind::null: return "nothing";
    case Node::Kind::scalar: return "a single value";
    case Node::Kind::sequence: return "a list";
    case Node::Kind::map: return "a mapping";
  }
  return "nothing";
}

}  // namespace bvplan
