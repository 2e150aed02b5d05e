// What each key of a plan file or an owners register means, as bvplan-plan(5) says it:
// the descriptions `bvplan schema` gives editors. Generated from the man page by
// scripts/make-key-docs.
#pragma once

#include <span>
#include <string_view>

namespace bvplan {

struct KeyDoc {
  std::string_view part;         // a name of keys::parts, such as "action"
  std::string_view key;          // "lead"
  std::string_view description;  // the man page entry's first paragraph
};

// Every key the man page describes, in its order.
std::span<const KeyDoc> key_docs();

// The description of `key` in `part`, or nullptr.
const KeyDoc* find_key_doc(std::string_view part, std::string_view key);

}  // namespace bvplan
