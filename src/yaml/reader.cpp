// The only translation unit that includes yaml-cpp.
#include "bvplan/yaml/reader.hpp"

#include <algorithm>
#include <istream>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "bvplan/yaml/syntax_hints.hpp"
#include "bvplan/yaml/watched_buffer.hpp"

namespace bvplan {

namespace {

// yaml-cpp's marks are 0-based and count bytes; bvplan reports 1-based lines and
// columns in characters, as editors show them. Marks arrive in document order, so the
// counter's incremental count keeps this linear on a long line.
Position to_position(ColumnCounter& columns, const SourceFile& source, const YAML::Mark& mark) {
  if (mark.is_null() || mark.pos < 0 || mark.column < 0) return {};
  size_t end = std::min(static_cast<size_t>(mark.pos), source.text.size());
  size_t start = end >= static_cast<size_t>(mark.column) ? end - static_cast<size_t>(mark.column) : 0;
  return {static_cast<unsigned>(mark.line + 1), columns.column(start, end)};
}

Position to_position(const SourceFile& source, const YAML::Mark& mark) {
  ColumnCounter columns(source.text);
  return to_position(columns, source, mark);
}

// Thrown from the handler to stop the parse at once (nesting too deep).
struct StopParse {
  Position position;
};

// Thrown from the handler when the buffer has cut the input short.
struct InputCut {};

class TreeBuilder : public YAML::EventHandler {
public:
  TreeBuilder(const SourceFile& source, WatchedBuffer& buffer, DocumentStorage& storage, Diagnostics& diagnostics)
      : source_(source), buffer_(buffer), storage_(storage), diagnostics_(diagnostics), columns_(source.text) {}

  Node root;
  bool saw_document = false;
  size_t document_start = 0;

  void OnDocumentStart(const YAML::Mark& mark) override {
    watch(mark, false);
    saw_document = true;
    document_start = static_cast<size_t>(mark.pos);
  }
  void OnDocumentEnd() override { watch(); }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check_anchor(mark, anchor);
    add(make(Node::Kind::null, mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    report(position_of(mark), "yaml-alias", "aliases (*name) are not allowed in a plan",
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
    if (node.plain && node.text != nullptr && node.text == source_.text.data() + at)
      check_cut_by_comment(node, at + value.size());
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
  // `title: Replace local PI #12 and #13` is the text "Replace local PI" and a comment:
  // warn when a plain value of several words is followed, one space on, by a comment glued
  // to its first word ('#12', '#tag'). A comment written "# like this" or set apart by more
  // than one space, and any comment after an id, number, date or boolean, is taken as meant.
  void check_cut_by_comment(const Node& node, size_t end) {
    const std::string& text = source_.text;
    // One space, as in running text; a comment set apart by more is taken as meant.
    size_t hash = end + 1;
    if (hash + 1 >= text.size() || text[end] != ' ' || text[hash] != '#') return;
    char first = text[hash + 1];
    if (first == ' ' || first == '\t' || first == '\r' || first == '\n' || first == '#') return;
    std::string_view value = node.value();
    // Running text has a space in it; ids, numbers, dates and single words do not.
    if (value.find(' ') == std::string_view::npos) return;
    bool letters = std::any_of(value.begin(), value.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (static_cast<unsigned char>(c) & 0x80);
    });
    if (!letters || value == "true" || value == "false" || value == "null") return;
    size_t line_end = text.find('\n', hash);
    if (line_end == std::string::npos) line_end = text.size();
    std::string_view whole(text.data() + (node.text - text.data()),
                           line_end - static_cast<size_t>(node.text - text.data()));
    while (!whole.empty() && (whole.back() == ' ' || whole.back() == '\r' || whole.back() == '\t'))
      whole.remove_suffix(1);
    std::string_view comment(text.data() + hash, line_end - hash);
    while (!comment.empty() && (comment.back() == ' ' || comment.back() == '\r')) comment.remove_suffix(1);
    Position at = node.position;
    for (size_t i = static_cast<size_t>(node.text - text.data()); i < hash; ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++at.column;
    diagnostics_.push_back({source_.path, at, Severity::warning, "text-cut-by-comment",
                            fmt::format("the text stops at '{}': YAML reads '{}' as a comment", value, comment),
                            fmt::format("quote the text to keep it: {}", double_quoted(whole))});
  }

  // A container being read: its node, and its finished items until it closes, when they
  // move side by side into the flat node array.
  struct Frame {
    Node node;
    std::vector<Node> items;
  };

  const SourceFile& source_;
  WatchedBuffer& buffer_;
  DocumentStorage& storage_;
  Diagnostics& diagnostics_;
  std::vector<Frame> stack_;
  std::vector<std::vector<Node>> spare_;  // item vectors kept for reuse
  ColumnCounter columns_;

  Position position_of(const YAML::Mark& mark) { return to_position(columns_, source_, mark); }

  // Every event passes here: tells the buffer how far the parser has come, and stops
  // once the buffer has cut the input (what follows is not the file's).
  void watch(const YAML::Mark& mark, bool opens_container) {
    watch();
    if (mark.pos >= 0)
      buffer_.on_event(static_cast<size_t>(mark.pos), opens_container, stack_.size() + (opens_container ? 1 : 0));
  }
  void watch() {
    if (buffer_.stopped()) throw InputCut{};
  }

  Node make(Node::Kind kind, const YAML::Mark& mark) {
    watch(mark, kind == Node::Kind::sequence || kind == Node::Kind::map);
    Node node;
    node.kind = kind;
    node.position = position_of(mark);
    return node;
  }

  void report(Position position, const char* rule, std::string message, std::string hint) {
    diagnostics_.push_back({source_.path, position, Severity::error, rule, std::move(message), std::move(hint)});
  }

  void check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor)
      report(position_of(mark), "yaml-alias", "anchors (&name) are not allowed in a plan",
             "write the value out in full; bvplan refuses anchors and aliases");
  }

  void open(const YAML::Mark& mark, YAML::anchor_t anchor, Node::Kind kind) {
    check_anchor(mark, anchor);
    if (stack_.size() >= max_nesting_depth) throw StopParse{position_of(mark)};
    Frame frame{make(kind, mark), {}};
    if (!spare_.empty()) {
      frame.items = std::move(spare_.back());
      spare_.pop_back();
    }
    stack_.push_back(std::move(frame));
  }

  void close() {
    watch();
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
      report(node.position, "yaml-alias", "merge keys (<<) are not allowed in a plan", "write the keys out in full");
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
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key_text(a) < key_text(b); });
    size_t group = 0;  // the first key of the run of equal keys being looked at
    for (size_t k = 1; k < n; ++k) {
      if (key_text(order[group]) != key_text(order[k])) group = k;
      const Node& first = items[order[group]];
      const Node& again = items[order[k]];
      if (group == k || !first.is_scalar() || !again.is_scalar()) continue;
      report(again.position, "duplicate-key",
             fmt::format("duplicate key '{}' (first at line {}, column {})", key_text(order[k]), first.position.line,
                         first.position.column),
             "remove one of them; YAML keeps only one value per key");
    }
  }
};

// The byte at `offset` as a line and character column.
Position position_at(const SourceFile& source, size_t offset) {
  offset = std::min(offset, source.text.size());
  unsigned line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (source.text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  ColumnCounter columns(source.text);
  return {line, columns.column(line_start, offset)};
}

Diagnostic nesting_finding(const SourceFile& source, Position at) {
  return {source.path,
          at,
          Severity::error,
          "yaml-syntax",
          fmt::format("nesting deeper than {} levels", max_nesting_depth),
          "a plan needs only a few levels; check for unbalanced brackets"};
}

// What to say when the buffer cut the input: nesting too deep if the brackets read past
// the last event open more than max_nesting_depth containers (counted plainly: this only
// chooses the words), else too much held in brackets where a key could start.
Diagnostic cut_finding(const SourceFile& source, const WatchedBuffer& buffer) {
  size_t depth = buffer.event_depth();
  size_t from = buffer.event_pos() + (buffer.event_opened() ? 1 : 0);
  size_t first_open = std::string::npos;
  for (size_t i = from; i < buffer.served() && i < source.text.size(); ++i) {
    char c = source.text[i];
    if (c == '[' || c == '{') {
      if (depth >= max_nesting_depth) return nesting_finding(source, position_at(source, i));
      if (first_open == std::string::npos) first_open = i;
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return {source.path,
          position_at(source, first_open == std::string::npos ? from : first_open),
          Severity::error,
          "yaml-syntax",
          fmt::format("too much in brackets where a key could start (over {} brackets, commas, "
                      "colons and quotes before the parser can place them)",
                      max_pending_punctuation),
          "a long [...] list is fine after 'key: '; after '- ' or inside other brackets, "
          "write it one '- ' item per line"};
}

// The parser's own error, at its mark, with a hint where one fits.
Diagnostic parser_finding(const SourceFile& source, const YAML::Exception& e) {
  if (dynamic_cast<const YAML::DeepRecursion*>(&e))
    return {source.path,
            to_position(source, e.mark),
            Severity::error,
            "yaml-syntax",
            "nesting too deep for the YAML parser",
            "a plan needs only a few levels; check for unbalanced brackets"};
  Position at = to_position(source, e.mark);
  if (at.line == 0) at = {1, 1};
  return {source.path, at, Severity::error, "yaml-syntax", e.msg, syntax_hint(source, at, e.msg)};
}

// The first character that is not blank or a comment (1:1 when there is none).
Position first_content(const SourceFile& source) {
  unsigned line = 1, column = 1;
  bool comment = false;
  for (char c : source.text) {
    if (c == '\n') {
      ++line;
      column = 1;
      comment = false;
      continue;
    }
    if (!comment && c == '#') comment = true;
    if (!comment && c != ' ' && c != '\r' && c != '\t') return {line, column};
    ++column;
  }
  return {1, 1};
}

Diagnostic unreadable_finding(const SourceFile& source) {
  return {source.path,
          first_content(source),
          Severity::error,
          "yaml-syntax",
          "unexpected text; the parser cannot make sense of this file",
          "a plan is a YAML mapping starting with 'bvplan: 1'"};
}

Diagnostic second_document_finding(const SourceFile& source, size_t document_start) {
  unsigned line = 1;
  for (size_t i = 0; i < document_start && i < source.text.size(); ++i)
    if (source.text[i] == '\n') ++line;
  return {source.path,
          {line, 1},
          Severity::error,
          "yaml-syntax",
          "more than one YAML document in the file",
          "keep one plan per file; remove the '---' separator or split the file"};
}

}  // namespace

Document read_yaml(const SourceFile& source, Diagnostics& diagnostics) {
  Document document;
  WatchedBuffer buffer(source.text, max_pending_punctuation);
  std::istream input(&buffer);
  TreeBuilder builder(source, buffer, *document.storage, diagnostics);
  try {
    YAML::Parser parser(input);
    if (!parser.HandleNextDocument(builder) || !builder.saw_document) {
      if (buffer.stopped()) throw InputCut{};
      return document;
    }
    if (buffer.stopped()) throw InputCut{};
    document.empty = false;
    document.root = builder.root;
    // One document per file. yaml-cpp 0.7 can also return null documents forever
    // without consuming input (a file holding just ","): a second document that starts
    // where the first did is no progress, and a syntax error.
    size_t first_start = builder.document_start;
    builder.saw_document = false;
    DocumentStorage scratch;
    TreeBuilder second(source, buffer, scratch, diagnostics);
    bool another = parser.HandleNextDocument(second) && second.saw_document;
    if (buffer.stopped()) throw InputCut{};
    if (another) {
      // A second document starting where the first did: the file is not YAML a plan can be read from.
      bool stuck = second.document_start == first_start;
      diagnostics.push_back(stuck ? unreadable_finding(source)
                                  : second_document_finding(source, second.document_start));
      if (stuck) document.usable = false;
    }
  } catch (const InputCut&) {
    document.usable = false;
    diagnostics.push_back(cut_finding(source, buffer));
  } catch (const StopParse& stop) {
    document.usable = false;
    diagnostics.push_back(nesting_finding(source, stop.position));
  } catch (const YAML::Exception& e) {
    document.usable = false;
    // After the input was cut short, the parser's error is an artefact: say why it was cut.
    diagnostics.push_back(buffer.stopped() ? cut_finding(source, buffer) : parser_finding(source, e));
  }
  return document;
}

}  // namespace bvplan
