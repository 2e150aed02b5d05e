#include "bvplan/formats/yaml_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace bvplan {

namespace {

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words YAML 1.1 or 1.2 read as null or a boolean.
bool reserved_word(std::string_view text) {
  static constexpr std::array<std::string_view, 12> words = {"null", "~",   "true", "false", "yes",  "no",
                                                             "on",   "off", "y",    "n",     ".inf", ".nan"};
  std::string low = lower(text);
  return std::find(words.begin(), words.end(), low) != words.end() || low == "-.inf" || low == "+.inf";
}

// Anything that starts like a number ("12", "-3.5", "+1", ".5", "0x1F", "1e3", "1_000"):
// quoted rather than risk YAML reading it as one.
bool looks_numeric(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  if (i < text.size() && text[i] == '.') ++i;
  if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != ':' && c != '-' && c != '+')
      return false;
  }
  return true;
}

std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (is_control(u))
          out += fmt::format("\\x{:02X}", u);
        else
          out += c;
    }
  }
  out += '"';
  return out;
}

std::string literal_block(std::string_view text, unsigned indent, std::string_view newline) {
  // The indentation indicator counts from the key's indentation, two less than the lines'.
  std::string out = "|";
  if (text.front() == ' ') out += '2';
  size_t trailing = 0;
  while (trailing < text.size() && text[text.size() - 1 - trailing] == '\n') ++trailing;
  if (trailing == 0)
    out += '-';
  else if (trailing > 1)
    out += '+';
  std::string_view body = text.substr(0, text.size() - trailing);
  std::string pad(indent, ' ');
  size_t start = 0;
  while (true) {
    size_t end = body.find('\n', start);
    std::string_view line = body.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    out += newline;
    if (!line.empty()) {
      out += pad;
      out += line;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  for (size_t i = 1; i < trailing; ++i) out += newline;
  return out;
}

}  // namespace

bool yaml_plain_safe(std::string_view text, YamlContext context) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':') return false;
  static constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
  if (indicators.find(text.front()) != std::string_view::npos) return false;
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) return false;
  if (text.find('\t') != std::string_view::npos) return false;
  for (char c : text)
    if (is_control(static_cast<unsigned char>(c))) return false;
  if (context == YamlContext::flow && text.find_first_of(",[]{}") != std::string_view::npos) return false;
  return !reserved_word(text) && !looks_numeric(text);
}

std::string yaml_text(std::string_view text, YamlContext context, unsigned indent, std::string_view newline) {
  if (yaml_plain_safe(text, context)) return std::string(text);
  bool line_breaks = text.find('\n') != std::string_view::npos;
  bool other_controls = std::any_of(text.begin(), text.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return is_control(u) && c != '\n';
  });
  if (line_breaks && context == YamlContext::block && !other_controls &&
      text.find_first_not_of('\n') != std::string_view::npos)
    return literal_block(text, indent, newline);
  if (line_breaks || other_controls) return double_quoted(text);
  return single_quoted(text);
}

}  // namespace bvplan
