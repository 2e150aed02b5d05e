#include "bvplan/yaml/syntax_hints.hpp"

#include <fmt/format.h>

namespace bvplan {

// `text` as a YAML double-quoted scalar.
std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

namespace {

// Where a line's content starts after its indentation and any "- " list markers.
size_t content_start(std::string_view line) {
  size_t i = 0;
  for (;;) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i + 1 < line.size() && line[i] == '-' && line[i + 1] == ' ')
      i += 2;
    else
      return i;
  }
}

// For a syntax error on `key: value` where the unquoted value itself holds YAML syntax
// (a ": " inside it, or a leading "[" or "{" with more text after the bracket): the hint
// to quote it, with the line written that way. Empty when that is not the case.
std::string quoting_hint(std::string_view line) {
  size_t start = content_start(line);
  size_t colon = line.find(": ", start);
  if (colon == std::string_view::npos) return "";
  std::string_view key = line.substr(start, colon - start);
  if (key.empty() || key.find_first_of("\"'[]{}#") != std::string_view::npos) return "";
  std::string_view value = line.substr(colon + 2);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
  if (value.empty() || value.front() == '"' || value.front() == '\'') return "";
  bool inner_colon = value.find(": ") != std::string_view::npos || value.back() == ':';
  bool bracket_then_text = false;
  if (value.front() == '[' || value.front() == '{') {
    char close = value.front() == '[' ? ']' : '}';
    size_t end = value.find(close);
    size_t after = end == std::string_view::npos ? end : value.find_first_not_of(' ', end + 1);
    bracket_then_text = after != std::string_view::npos && value[after] != '#';
  }
  if (!inner_colon && !bracket_then_text) return "";
  return fmt::format("put the text in quotes ({}): {}: {}",
                     bracket_then_text ? fmt::format("YAML reads a value starting with '{}' as a {}", value.front(),
                                                     value.front() == '[' ? "list" : "mapping")
                                       : "YAML reads a ': ' inside it as the start of another key",
                     key, double_quoted(value));
}

// For a list entry whose "- " is not lined up with the entry above it: that entry's
// column. 0 when the line is not a list entry or no entry is above it.
unsigned misaligned_dash_column(const SourceFile& source, unsigned line_number) {
  std::string_view line = source.line_text(line_number);
  size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos || line.compare(indent, 2, "- ") != 0) return 0;
  for (unsigned above = line_number; above-- > 1;) {
    std::string_view other = source.line_text(above);
    size_t at = other.find_first_not_of(' ');
    if (at == std::string_view::npos || other[at] == '#') continue;
    if (other.compare(at, 2, "- ") == 0 && at != indent) return static_cast<unsigned>(at + 1);
    if (at < indent) return 0;  // left the list without finding an entry
  }
  return 0;
}

}  // namespace

std::string syntax_hint(const SourceFile& source, Position position, const std::string& what) {
  std::string_view line = source.line_text(position.line);
  for (char c : line) {
    if (c == '\t') return "indent with spaces; YAML does not allow tabs for indentation";
    if (c != ' ') break;
  }
  // The common cases first: text that YAML reads as syntax, and a list entry out of line.
  if (std::string hint = quoting_hint(line); !hint.empty()) return hint;
  if (unsigned column = misaligned_dash_column(source, position.line))
    return fmt::format("line up the '- ' with the entries above it, at column {}", column);
  if (what.find("end of map not found") != std::string::npos || what.find("illegal map value") != std::string::npos)
    return "check the indentation and that each 'key: value' has a space after the colon";
  return "";
}

}  // namespace bvplan
