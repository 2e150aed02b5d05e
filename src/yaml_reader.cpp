// The only translation unit that includes yaml-cpp.
#include "bvplan/yaml_reader.hpp"

#include <algorithm>
#include <istream>
#include <streambuf>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

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
    used = 0;
    capacity = size;
  }
  T* out = blocks.back().get() + used;
  used += n;
  return out;
}

Node* DocumentStorage::allocate_nodes(size_t n) { return nodes_.take(n, 16384); }

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

namespace {

// Lets yaml-cpp read the file's bytes in place instead of a copy in a stringstream.
class MemoryBuffer : public std::streambuf {
public:
  explicit MemoryBuffer(const std::string& text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

// yaml-cpp's marks are 0-based and count bytes; bvplan reports 1-based lines and
// columns in characters, as editors show them.
Position to_position(const SourceFile& source, const YAML::Mark& mark) {
  if (mark.is_null() || mark.pos < 0 || mark.column < 0) return {};
  size_t end = std::min(static_cast<size_t>(mark.pos), source.text.size());
  size_t start = end >= static_cast<size_t>(mark.column) ? end - static_cast<size_t>(mark.column) : 0;
  unsigned characters = 0;
  for (size_t i = start; i < end; ++i)
    if ((static_cast<unsigned char>(source.text[i]) & 0xC0) != 0x80) ++characters;
  return {static_cast<unsigned>(mark.line + 1), characters + 1};
}

// Thrown from the handler to stop the parse at once (nesting too deep).
struct StopParse {
  Position position;
};

class TreeBuilder : public YAML::EventHandler {
public:
  TreeBuilder(const SourceFile& source, DocumentStorage& storage, Diagnostics& diagnostics)
      : source_(source), storage_(storage), diagnostics_(diagnostics) {}

  Node root;
  bool saw_document = false;
  size_t document_start = 0;

  void OnDocumentStart(const YAML::Mark& mark) override {
    saw_document = true;
    document_start = static_cast<size_t>(mark.pos);
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    add(make(Node::Kind::null, mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    report(to_position(source_, mark), "yaml-alias", "aliases (*name) are not allowed in a plan",
           "write the value out in full; bvplan refuses anchors and aliases");
    Node node = make(Node::Kind::null, mark);
    node.refused = true;
    add(node);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_anchor(mark, anchor);
    Node node = make(Node::Kind::scalar, mark);
    node.plain = tag == "?";
    // Most scalars are spelled in the source exactly as their value: view them there.
    size_t at = static_cast<size_t>(mark.pos);
    if (mark.pos >= 0 && source_.text.compare(at, value.size(), value) == 0)
      node.text = source_.text.data() + at;
    else
      node.text = storage_.copy_text(value);
    node.count = static_cast<std::uint32_t>(value.size());
    add(node);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor, Node::Kind::sequence);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor, Node::Kind::map);
  }
  void OnMapEnd() override {
    check_duplicate_keys(stack_.back().items);
    close();
  }

private:
  // A container being read: its node, and its finished items until it closes, when they
  // move side by side into the flat node array.
  struct Frame {
    Node node;
    std::vector<Node> items;
  };

  const SourceFile& source_;
  DocumentStorage& storage_;
  Diagnostics& diagnostics_;
  std::vector<Frame> stack_;
  std::vector<std::vector<Node>> spare_;  // item vectors kept for reuse

  Node make(Node::Kind kind, const YAML::Mark& mark) const {
    Node node;
    node.kind = kind;
    node.position = to_position(source_, mark);
    return node;
  }

  void report(Position position, const char* rule, std::string message, std::string hint) {
    diagnostics_.push_back(
        {source_.path, position, Severity::error, rule, std::move(message), std::move(hint)});
  }

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor)
      report(to_position(source_, mark), "yaml-alias", "anchors (&name) are not allowed in a plan",
             "write the value out in full; bvplan refuses anchors and aliases");
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, Node::Kind kind) {
    check_anchor(mark, anchor);
    if (stack_.size() >= max_nesting_depth) throw StopParse{to_position(source_, mark)};
    Frame frame{make(kind, mark), {}};
    if (!spare_.empty()) {
      frame.items = std::move(spare_.back());
      spare_.pop_back();
    }
    stack_.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    frame.node.count = static_cast<std::uint32_t>(frame.items.size());
    Node* items = storage_.allocate_nodes(frame.items.size());
    std::copy(frame.items.begin(), frame.items.end(), items);
    frame.node.first = items;
    frame.items.clear();
    spare_.push_back(std::move(frame.items));
    add(frame.node);
  }

  void add(Node node) {
    if (stack_.empty()) {
      root = node;
      return;
    }
    Frame& parent = stack_.back();
    bool is_key = parent.node.is_map() && parent.items.size() % 2 == 0;
    if (is_key && node.is_scalar() && node.plain && node.value() == "<<")
      report(node.position, "yaml-alias", "merge keys (<<) are not allowed in a plan",
             "write the keys out in full");
    // An empty value carries the position of the next token, possibly lines later:
    // report it at its key instead.
    if (!is_key && parent.node.is_map() && node.is_null() && !parent.items.empty())
      node.position = parent.items.back().position;
    parent.items.push_back(node);
  }

  void check_duplicate_keys(const std::vector<Node>& items) {
    size_t n = items.size() / 2;
    if (n < 2) return;
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i) order[i] = 2 * i;
    auto key_text = [&](size_t i) { return items[i].value(); };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return key_text(a) < key_text(b); });
    size_t group = 0;  // the first key of the run of equal keys being looked at
    for (size_t k = 1; k < n; ++k) {
      if (key_text(order[group]) != key_text(order[k])) group = k;
      const Node& first = items[order[group]];
      const Node& again = items[order[k]];
      if (group == k || !first.is_scalar() || !again.is_scalar()) continue;
      report(again.position, "duplicate-key",
             fmt::format("duplicate key '{}' (first at line {}, column {})", key_text(order[k]),
                         first.position.line, first.position.column),
             "remove one of them; YAML keeps only one value per key");
    }
  }
};

std::string syntax_hint(const SourceFile& source, Position position, const std::string& what) {
  std::string_view line = source.line_text(position.line);
  for (char c : line) {
    if (c == '\t') return "indent with spaces; YAML does not allow tabs for indentation";
    if (c != ' ') break;
  }
  if (what.find("end of map not found") != std::string::npos ||
      what.find("illegal map value") != std::string::npos)
    return "check the indentation and that each 'key: value' has a space after the colon";
  return "";
}

}  // namespace

Document read_yaml(const SourceFile& source, Diagnostics& diagnostics) {
  Document document;
  MemoryBuffer buffer(source.text);
  std::istream input(&buffer);
  TreeBuilder builder(source, *document.storage, diagnostics);
  try {
    YAML::Parser parser(input);
    if (!parser.HandleNextDocument(builder) || !builder.saw_document) return document;
    document.empty = false;
    document.root = builder.root;
    // One document per file. yaml-cpp 0.7 can also return null documents forever
    // without consuming input (a file holding just ","): a second document that starts
    // where the first did is no progress, and a syntax error.
    size_t first_start = builder.document_start;
    builder.saw_document = false;
    DocumentStorage scratch;
    TreeBuilder second(source, scratch, diagnostics);
    if (parser.HandleNextDocument(second) && second.saw_document) {
      Position at{};
      if (second.document_start == first_start) {
        // Find the first character that is not blank or a comment to point at.
        at = {1, 1};
        unsigned line = 1, column = 1;
        bool comment = false;
        for (char c : source.text) {
          if (c == '\n') { ++line; column = 1; comment = false; continue; }
          if (!comment && c == '#') comment = true;
          if (!comment && c != ' ' && c != '\r' && c != '\t') { at = {line, column}; break; }
          ++column;
        }
        diagnostics.push_back({source.path, at, Severity::error, "yaml-syntax",
                               "unexpected text; the parser cannot make sense of this file",
                               "a plan is a YAML mapping starting with 'bvplan: 1'"});
        document.usable = false;
      } else {
        unsigned line = 1;
        for (size_t i = 0; i < second.document_start && i < source.text.size(); ++i)
          if (source.text[i] == '\n') ++line;
        diagnostics.push_back({source.path, {line, 1}, Severity::error, "yaml-syntax",
                               "more than one YAML document in the file",
                               "keep one plan per file; remove the '---' separator or split the file"});
      }
    }
  } catch (const StopParse& stop) {
    document.usable = false;
    diagnostics.push_back({source.path, stop.position, Severity::error, "yaml-syntax",
                           fmt::format("nesting deeper than {} levels", max_nesting_depth),
                           "a plan needs only a few levels; check for unbalanced brackets"});
  } catch (const YAML::DeepRecursion& e) {
    document.usable = false;
    diagnostics.push_back({source.path, to_position(source, e.mark), Severity::error, "yaml-syntax",
                           "nesting too deep for the YAML parser",
                           "a plan needs only a few levels; check for unbalanced brackets"});
  } catch (const YAML::Exception& e) {
    document.usable = false;
    Position at = to_position(source, e.mark);
    if (at.line == 0) at = {1, 1};
    diagnostics.push_back({source.path, at, Severity::error, "yaml-syntax", e.msg,
                           syntax_hint(source, at, e.msg)});
  }
  return document;
}

}  // namespace bvplan
