#include "bvplan/authoring/edit.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "bvplan/core/diagnostic.hpp"
#include "bvplan/formats/yaml_text.hpp"

namespace bvplan {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The text by lines: where each starts, and the line break the file uses.
class Lines {
public:
  explicit Lines(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
    size_t first = text.find('\n');
    newline_ = first != std::string_view::npos && first > 0 && text[first - 1] == '\r' ? "\r\n" : "\n";
  }

  size_t count() const { return starts_.size(); }
  const std::string& newline() const { return newline_; }
  // Line `i` (0-based) without its line break.
  std::string_view line(size_t i) const {
    size_t end = i + 1 < starts_.size() ? starts_[i + 1] : text_.size();
    std::string_view l = text_.substr(starts_[i], end - starts_[i]);
    while (!l.empty() && (l.back() == '\n' || l.back() == '\r')) l.remove_suffix(1);
    return l;
  }
  size_t start(size_t i) const { return starts_[i]; }
  // Just past line `i`'s line break (the end of the text on the last line).
  size_t after(size_t i) const { return i + 1 < starts_.size() ? starts_[i + 1] : text_.size(); }
  bool has_break(size_t i) const { return i + 1 < starts_.size(); }
  size_t line_of(size_t offset) const {
    return static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
  }
  // The byte offset of a node's position (1-based line, 1-based character column).
  size_t offset(Position at) const {
    size_t i = at.line > 0 ? std::min<size_t>(at.line - 1, starts_.size() - 1) : 0;
    size_t at_byte = starts_[i];
    std::string_view l = line(i);
    unsigned characters = 0;
    size_t k = 0;
    for (; k < l.size(); ++k) {
      if ((static_cast<unsigned char>(l[k]) & 0xC0) == 0x80) continue;
      if (characters + 1 == at.column) break;
      ++characters;
    }
    return at_byte + k;
  }
  static unsigned indent(std::string_view l) {
    unsigned n = 0;
    while (n < l.size() && l[n] == ' ') ++n;
    return n;
  }

private:
  std::string_view text_;
  std::vector<size_t> starts_;
  std::string newline_;
};

// The last line of a block node that starts on line `first`: the lines after it indented
// at least `min_indent` (and comments so indented) belong to it; blank lines and
// shallower comments belong to it only when more of it follows.
size_t block_last_line(const Lines& lines, size_t first, unsigned min_indent) {
  size_t last = first;
  for (size_t i = first + 1; i < lines.count(); ++i) {
    std::string_view l = lines.line(i);
    size_t content = l.find_first_not_of(" \t");
    if (content == std::string_view::npos) continue;
    unsigned indent = Lines::indent(l);
    if (l[content] == '#') {
      if (indent >= min_indent) last = i;
      continue;
    }
    if (indent < min_indent) break;
    last = i;
  }
  return last;
}

// A flow collection's extent: just past its closing bracket, and just past its last
// content (before the closing bracket, after any item or comma).
struct FlowExtent {
  size_t close = 0;
  size_t content_end = 0;
};

size_t skip_quoted(std::string_view text, size_t i) {
  char quote = text[i];
  for (++i; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
  }
  return text.size();
}

FlowExtent flow_extent(std::string_view text, size_t open) {
  size_t depth = 0;
  char previous = ' ';  // the last character that was not space or comment
  FlowExtent extent;
  for (size_t i = open; i < text.size(); ++i) {
    char c = text[i];
    if (c == '#' && (i == 0 || is_space(text[i - 1]))) {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (is_space(c)) continue;
    if ((c == '\'' || c == '"') && std::string_view("[{,:?").find(previous) != std::string_view::npos) {
      i = skip_quoted(text, i) - 1;
      previous = c;
      extent.content_end = i + 1;
      continue;
    }
    if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) {
        extent.close = i + 1;
        if (extent.content_end == 0) extent.content_end = i;
        return extent;
      }
    }
    previous = c;
    if (i > open) extent.content_end = i + 1;
  }
  throw Error("the plan's flow list or mapping does not close");
}

// The end of a scalar value that starts at `at`: past its closing quote, or the plain
// text up to a comment, the line's end or (in flow) a separator.
size_t scalar_end(std::string_view text, size_t at, bool flow) {
  if (at < text.size() && (text[at] == '\'' || text[at] == '"')) return skip_quoted(text, at);
  size_t i = at;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r') {
    if (text[i] == '#' && i > at && is_space(text[i - 1])) break;
    if (flow && (text[i] == ',' || text[i] == '}' || text[i] == ']')) break;
    ++i;
  }
  while (i > at && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  return i;
}

std::string spelled(const EntryField& field, YamlContext context, unsigned indent, const std::string& newline) {
  return field.text ? yaml_text(field.value, context, indent, newline) : field.value;
}

std::string flow_entry(const std::vector<EntryField>& entry, bool spaced, const std::string& newline) {
  std::string out = spaced ? "{ " : "{";
  for (size_t i = 0; i < entry.size(); ++i) {
    if (i) out += ", ";
    out += entry[i].key + ": " + spelled(entry[i], YamlContext::flow, 0, newline);
  }
  out += spaced ? " }" : "}";
  return out;
}

// `first_prefix` starts the first line ("  - "); the other keys are indented `indent`.
std::string block_entry(const std::vector<EntryField>& entry, std::string_view first_prefix, unsigned indent,
                        const std::string& newline) {
  std::string out;
  for (size_t i = 0; i < entry.size(); ++i) {
    out += i == 0 ? std::string(first_prefix) : std::string(indent, ' ');
    out += entry[i].key + ": " + spelled(entry[i], YamlContext::block, indent + 2, newline);
    out += newline;
  }
  return out;
}

std::string splice(std::string_view text, size_t from, size_t to, std::string_view with) {
  std::string out;
  out.reserve(text.size() + with.size());
  out.append(text.substr(0, from));
  out.append(with);
  out.append(text.substr(to));
  return out;
}

bool is_flow(std::string_view text, size_t offset) {
  return offset < text.size() && (text[offset] == '{' || text[offset] == '[');
}

// How far a block list's dashes sit right of its key, as the plan's own `issues:` list
// does (0 for lists written flush with their key), else 2.
unsigned list_offset_of(const Document& document) {
  const Node& root = document.root;
  for (size_t i = 0; i < root.map_size(); ++i) {
    const Node& value = root.value_at(i);
    if (root.key(i).value() == "issues" && value.is_sequence() && value.position.line > root.key(i).position.line &&
        value.position.column >= root.key(i).position.column)
      return std::min(value.position.column - root.key(i).position.column, 8u);
  }
  return 2;
}

// Inserts `lines` (whole lines, each ending in a line break) after line `last`.
std::string insert_lines_after(std::string_view text, const Lines& lines, size_t last, std::string_view block) {
  size_t at = lines.after(last);
  std::string insert;
  if (!lines.has_break(last) && !lines.line(last).empty()) insert = lines.newline();
  insert += block;
  return splice(text, at, at, insert);
}

// Adds `key: value` (value already spelled, or `block` lines under the key) at the end of
// mapping `owner`.
std::string add_key(std::string_view text, const Lines& lines, const Node& owner, std::string_view key,
                    std::string_view flow_value, std::string_view block_value) {
  size_t owner_at = lines.offset(owner.position);
  if (is_flow(text, owner_at)) {
    FlowExtent extent = flow_extent(text, owner_at);
    std::string insert = fmt::format("{}{}: {}", text[extent.content_end - 1] == ',' ? " " : ", ", key, flow_value);
    if (owner.count == 0) insert = fmt::format("{}: {}", key, flow_value);
    return splice(text, extent.content_end, extent.content_end, insert);
  }
  unsigned indent = owner.position.column - 1;
  size_t last = block_last_line(lines, owner.position.line - 1, indent);
  return insert_lines_after(text, lines, last, fmt::format("{}{}:{}", std::string(indent, ' '), key, block_value));
}

const Node* value_of(const Node& map, std::string_view key, const Node** key_node) {
  for (size_t i = 0; i < map.map_size(); ++i)
    if (map.key(i).value() == key) {
      if (key_node) *key_node = &map.key(i);
      return &map.value_at(i);
    }
  return nullptr;
}

void find_in(const Node* list, std::string_view id, ItemKind kind, std::vector<FoundItem>& found) {
  if (!list || !list->is_sequence()) return;
  for (const Node& item : list->items()) {
    if (!item.is_map()) continue;
    const Node* item_id = item.find("id");
    if (item_id && item_id->value() == id) found.push_back({&item, kind});
    if (kind == ItemKind::action) find_in(item.find("milestones"), id, ItemKind::milestone, found);
  }
}

}  // namespace

std::vector<FoundItem> find_items(const Document& document, std::string_view id) {
  std::vector<FoundItem> found;
  const Node& root = document.root;
  if (!root.is_map()) return found;
  if (const Node* issues = root.find("issues"); issues && issues->is_sequence())
    for (const Node& issue : issues->items())
      if (issue.is_map()) find_in(issue.find("actions"), id, ItemKind::action, found);
  find_in(root.find("measures"), id, ItemKind::measure, found);
  find_in(root.find("risks"), id, ItemKind::risk, found);
  return found;
}

std::string append_entry(std::string_view text, const Document& document, const Node& owner, std::string_view list_key,
                         const std::vector<EntryField>& entry) {
  Lines lines(text);
  const std::string& nl = lines.newline();
  const Node* key_node = nullptr;
  const Node* list = value_of(owner, list_key, &key_node);
  bool owner_flow = is_flow(text, lines.offset(owner.position));

  if (!list || (list->is_null() && !owner_flow)) {
    if (list) {
      // `updates:` with nothing after it: the entries go on the lines below the key.
      size_t key_at = lines.offset(key_node->position);
      size_t colon = text.find(':', key_at);
      size_t rest = colon == std::string_view::npos ? text.size() : colon + 1;
      size_t value_end = scalar_end(text, rest, false);
      if (text.substr(rest, value_end - rest).find_first_not_of(" \t") != std::string_view::npos)
        throw Error(fmt::format("line {}: '{}' is set to nothing; remove the value after '{}:' first",
                                key_node->position.line, list_key, list_key));
      unsigned indent = key_node->position.column - 1;
      size_t key_line = key_node->position.line - 1;
      size_t last = block_last_line(lines, key_line, indent + 1);
      unsigned dash = indent + list_offset_of(document);
      std::string prefix = std::string(dash, ' ') + "- ";
      return insert_lines_after(text, lines, last, block_entry(entry, prefix, dash + 2, nl));
    }
    unsigned indent = owner.position.column - 1;
    unsigned dash = indent + list_offset_of(document);
    if (owner_flow) return add_key(text, lines, owner, list_key, "[" + flow_entry(entry, false, nl) + "]", "");
    return add_key(text, lines, owner, list_key, "",
                   nl + block_entry(entry, std::string(dash, ' ') + "- ", dash + 2, nl));
  }
  if (list->is_null())
    throw Error(fmt::format("line {}: '{}' is set to nothing; write '{}: []' first", key_node->position.line, list_key,
                            list_key));
  if (!list->is_sequence()) throw Error(fmt::format("line {}: '{}' is not a list", list->position.line, list_key));

  size_t list_at = lines.offset(list->position);
  if (is_flow(text, list_at)) {
    FlowExtent extent = flow_extent(text, list_at);
    if (list->count == 0) return splice(text, list_at + 1, list_at + 1, flow_entry(entry, false, nl));
    const Node& last = list->items().back();
    size_t last_at = lines.offset(last.position);
    bool spaced = last_at + 1 < text.size() && text[last_at] == '{' && text[last_at + 1] == ' ';
    std::string item = flow_entry(entry, spaced, nl);
    bool trailing_comma = text[extent.content_end - 1] == ',';
    std::string insert;
    if (last.position.line != list->position.line) {
      std::string indent = nl + std::string(last.position.column - 1, ' ');
      insert = trailing_comma ? indent + item + "," : "," + indent + item;
    } else {
      insert = trailing_comma ? " " + item : ", " + item;
    }
    return splice(text, extent.content_end, extent.content_end, insert);
  }

  // A block list: the new entry after the last one, written as it is.
  const Node& last = list->items().back();
  if (!last.is_map())
    throw Error(fmt::format("line {}: the entries of '{}' are not mappings", last.position.line, list_key));
  size_t last_at = lines.offset(last.position);
  size_t last_line = last.position.line - 1;
  std::string_view before = text.substr(lines.start(last_line), last_at - lines.start(last_line));
  unsigned dash = list->position.column - 1;
  std::string prefix =
      before.find_first_not_of(" -") == std::string_view::npos && before.find('-') != std::string_view::npos
          ? std::string(before)
          : std::string(dash, ' ') + "- ";
  size_t end = block_last_line(lines, last_line, dash + 1);
  if (is_flow(text, last_at)) {
    bool spaced = last_at + 1 < text.size() && text[last_at + 1] == ' ';
    return insert_lines_after(text, lines, end, prefix + flow_entry(entry, spaced, nl) + nl);
  }
  unsigned indent = last.position.column - 1;
  return insert_lines_after(text, lines, end, block_entry(entry, prefix, indent, nl));
}

std::string set_field(std::string_view text, const Node& owner, const EntryField& field) {
  Lines lines(text);
  const Node* key_node = nullptr;
  const Node* value = value_of(owner, field.key, &key_node);
  bool owner_flow = is_flow(text, lines.offset(owner.position));
  unsigned indent = owner.position.column - 1;
  YamlContext context = owner_flow ? YamlContext::flow : YamlContext::block;
  std::string spelled_value = spelled(field, context, indent + 2, lines.newline());
  if (!value) return add_key(text, lines, owner, field.key, spelled_value, " " + spelled_value + lines.newline());
  if (!value->is_scalar() && !value->is_null())
    throw Error(fmt::format("line {}: '{}' is not a single value", value->position.line, field.key));
  if (value->is_null()) {
    size_t key_at = lines.offset(key_node->position);
    size_t colon = text.find(':', key_at);
    if (colon == std::string_view::npos)
      throw Error(fmt::format("line {}: no ':' after '{}'", key_node->position.line, field.key));
    size_t rest = colon + 1;
    size_t end = scalar_end(text, rest, owner_flow);
    return splice(text, rest, end, " " + spelled_value);
  }
  size_t at = lines.offset(value->position);
  return splice(text, at, scalar_end(text, at, owner_flow), spelled_value);
}

}  // namespace bvplan
