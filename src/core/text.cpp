#include "bvplan/core/text.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bvplan/core/utf8.hpp"

namespace bvplan {

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = 3;
  for (const std::string& candidate : candidates) {
    size_t d = edit_distance(word, candidate);
    if (d < best_distance && d < word.size() && d < candidate.size()) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", match);
}

namespace {

// Appends the non-ASCII character at text[i] in the form `json_quote` and `escape_control`
// share: a C1 control (U+0080 to U+009F, which some terminals obey) as \u00XX, any other
// UTF-8 character as it is, and a byte that is not UTF-8 as U+FFFD (JSON) or \xNN.
// Returns the bytes consumed.
enum class NotUtf8 { replacement, hex };
size_t append_non_ascii(std::string& out, std::string_view text, size_t i, NotUtf8 not_utf8) {
  size_t n = utf8_length(text, i);
  if (n == 0) {
    if (not_utf8 == NotUtf8::replacement)
      out += "\\ufffd";
    else
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(static_cast<unsigned char>(text[i])));
    return 1;
  }
  if (n == 2 && text[i] == '\xC2' && static_cast<unsigned char>(text[i + 1]) < 0xA0)
    out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(text[i + 1])));
  else
    out.append(text.substr(i, n));
  return n;
}

}  // namespace

void append_with_comma(std::string& list, std::string_view item) {
  if (!list.empty()) list += ',';
  list += item;
}

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      // JSON is UTF-8: a byte that is not (a file name, say) becomes U+FFFD.
      i += append_non_ascii(out, text, i, NotUtf8::replacement) - 1;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        else
          out += c;
    }
  }
  out += '"';
  return out;
}

std::string escape_control(std::string_view text, Keep keep) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      i += append_non_ascii(out, text, i, NotUtf8::hex) - 1;
      continue;
    }
    switch (c) {
      case '\n': out += keep == Keep::tab_and_newline ? "\n" : "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += keep != Keep::none ? "\t" : "\\t"; break;
      case 0x1B: out += "\\e"; break;
      default:
        if (c < 0x20 || c == 0x7F)
          out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        else
          out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {

// Bytes of the white space at text[i] as .NET's Char.IsWhiteSpace (String.TrimStart, which
// the GitHub Actions runner applies) sees it, or 0.
size_t white_space_length(std::string_view text, size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return 1;
  if (c < 0x80) return 0;
  auto [code, n] = decode_utf8(text, i);
  bool space = code == 0x85 || code == 0xA0 || code == 0x1680 || (code >= 0x2000 && code <= 0x200A) || code == 0x2028 ||
               code == 0x2029 || code == 0x202F || code == 0x205F || code == 0x3000;
  return space ? n : 0;
}

size_t command_start(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    size_t n = white_space_length(line, i);
    if (n == 0) break;
    i += n;
  }
  std::string_view rest = line.substr(i);
  return rest.substr(0, 2) == "::" || rest.substr(0, 3) == "##[" ? i : std::string_view::npos;
}

}  // namespace

bool starts_workflow_command(std::string_view line) { return command_start(line) != std::string_view::npos; }

size_t guard_line_start(std::string& line) {
  size_t at = command_start(line);
  if (at != std::string::npos)
    line.replace(at, 1, fmt::format("\\x{:02x}", static_cast<unsigned>(static_cast<unsigned char>(line[at]))));
  return at;
}

std::string guard_line_starts(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t from = 0;
  while (from <= text.size()) {
    size_t to = std::min(text.find_first_of("\r\n", from), text.size());
    std::string line(text.substr(from, to - from));
    guard_line_start(line);
    out += line;
    if (to < text.size()) out += text[to];
    from = to + 1;
  }
  return out;
}

bool is_valid_id(std::string_view text) {
  auto alnum = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (text.empty() || !alnum(text[0])) return false;
  return std::all_of(text.begin() + 1, text.end(),
                     [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

namespace {

// White space and characters that show nothing (Unicode White_Space, Default_Ignorable and
// format characters that have no glyph).
bool is_invisible(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0xAD || c == 0x34F || c == 0x61C ||
         c == 0x115F || c == 0x1160 || c == 0x1680 || c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F) ||
         (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 ||
         c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) ||
         (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

}  // namespace

bool is_blank(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    auto [c, length] = decode_utf8(text, i);
    if (length == 0 || !is_invisible(c)) return false;
    i += length;
  }
  return true;
}

}  // namespace bvplan
