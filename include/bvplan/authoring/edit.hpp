// Editing a plan's YAML text in place: a new entry at the end of a list, a value set on a
// mapping. Every byte outside the edit stays as it was (comments, key order, quoting,
// blank lines, line endings); the new text follows the style around it (block or flow
// lists, indentation, CRLF). Pure: text and its tree in, text out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bvplan/model/plan.hpp"
#include "bvplan/yaml/document.hpp"

namespace bvplan {

// One field of a new entry: a date or number already spelled as YAML, or text (spelled by
// yaml_text for the place it goes).
struct EntryField {
  std::string key;
  std::string value;
  bool text = false;
};

struct FoundItem {
  const Node* map = nullptr;  // the item's mapping
  ItemKind kind = ItemKind::action;
};

// Every item of the plan tree whose `id:` is `id`: actions and their milestones under
// `issues:`, `measures:`, `risks:`. Several when the plan repeats the id.
std::vector<FoundItem> find_items(const Document& document, std::string_view id);

// `text` with `entry` appended to the end of the list `list_key` of mapping `owner` (a
// node of `document`, the tree read from `text`), the list created at the end of the
// mapping when it is absent or empty (its dashes indented from the key as the plan's
// `issues:` list is). Throws Error when the layout cannot be edited without disturbing
// other text (a list written as something other than entries).
std::string append_entry(std::string_view text, const Document& document, const Node& owner, std::string_view list_key,
                         const std::vector<EntryField>& entry);

// `text` with `owner`'s `field.key` set to `field.value`: the value replaced when the key is
// there, else the key added at the end of the mapping.
std::string set_field(std::string_view text, const Node& owner, const EntryField& field);

}  // namespace bvplan
