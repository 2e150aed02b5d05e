#include "bvplan/yaml/fields.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"

namespace bvplan {

std::optional<unsigned> control_character(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7F) return u;
    if (u == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) < 0xA0)
      return static_cast<unsigned char>(text[i + 1]);
  }
  return std::nullopt;
}

namespace {

// Whether `v` is -?(0|[1-9][0-9]*)(\.[0-9]+)?.
bool is_plain_decimal(std::string_view v) {
  size_t i = 0;
  if (i < v.size() && v[i] == '-') ++i;
  size_t digits = i;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
  bool ok = i > digits && !(v[digits] == '0' && i - digits > 1);
  if (ok && i < v.size() && v[i] == '.') {
    size_t fraction = ++i;
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    ok = i > fraction;
  }
  return ok && i == v.size();
}

// The significant digits of a plain decimal.
size_t significant_digits(std::string_view v) {
  size_t first = v.find_first_not_of("-0.");
  size_t significant = 0;
  for (size_t k = first == std::string_view::npos ? v.size() : first; k < v.size(); ++k)
    if (v[k] != '.') ++significant;
  return significant;
}

}  // namespace

void FieldReader::error(Position at, const char* rule, std::string message, std::string hint) {
  diagnostics_.push_back({file_, at, Severity::error, rule, std::move(message), std::move(hint)});
}

bool FieldReader::expect_map(const Node& node, std::string_view what) {
  if (node.is_map()) return true;
  if (node.refused) return false;
  error(node.position, "wrong-type",
        fmt::format("{} must be a mapping of keys to values, found {}", what, describe(node)),
        "write it as indented 'key: value' lines");
  return false;
}

bool FieldReader::expect_list(const Node& node, std::string_view what) {
  if (node.is_sequence()) return true;
  if (node.refused) return false;
  error(node.position, "wrong-type", fmt::format("{} must be a list, found {}", what, describe(node)),
        "write each item on its own line starting with '- '");
  return false;
}

bool FieldReader::check_keys(const Node& map, std::string_view what, KeyNames known, KeyNames required) {
  for (size_t i = 0; i < map.map_size(); ++i) {
    const Node& key = map.key(i);
    if (!key.is_scalar()) {
      error(key.position, "wrong-type", fmt::format("keys in {} must be plain names", what));
      continue;
    }
    if (std::find(known.begin(), known.end(), key.value()) != known.end()) continue;
    std::vector<std::string> names(known.begin(), known.end());
    error(key.position, "unknown-key",
          fmt::format("unknown key '{}' in {}{}", key.value(), what, did_you_mean(key.value(), names)),
          fmt::format("the keys allowed here are: {}", fmt::join(names, ", ")));
  }
  bool all = true;
  for (std::string_view name : required) {
    if (!map.find(name)) {
      error(map.position, "missing-key", fmt::format("{} has no '{}'", what, name),
            fmt::format("add '{}:' to {}", name, what));
      all = false;
    }
  }
  return all;
}

std::optional<std::string> FieldReader::text(const Node* node, std::string_view key) {
  if (!node || node->refused) return std::nullopt;
  if (node->is_scalar()) {
    std::string_view v = node->value();
    // Control characters (a vertical tab pasted from a word processor, or a "\v" escape)
    // break papers, spreadsheets and calendars, and an ESC or a C1 control (U+0080 to
    // U+009F, e.g. U+009B, a terminal's CSI) drives terminals; only tab and line breaks
    // are text.
    if (auto bad = control_character(v)) {
      error(node->position, "bad-value", fmt::format("'{}' contains the control character U+{:04X}", key, *bad),
            "remove it (it is invisible in most editors; retype the text around it)");
      return std::nullopt;
    }
    return std::string(v);
  }
  if (node->is_null()) {
    error(node->position, "wrong-type", fmt::format("'{}' is empty", key),
          fmt::format("write a value after '{}:', or remove the key", key));
    return std::nullopt;
  }
  error(node->position, "wrong-type", fmt::format("'{}' must be text, found {}", key, describe(*node)),
        "quote the text if it contains special characters");
  return std::nullopt;
}

std::optional<std::string> FieldReader::id(const Node* node, std::string_view key) {
  auto value = text(node, key);
  if (!value) return std::nullopt;
  if (!is_valid_id(*value)) {
    error(node->position, "bad-value", fmt::format("malformed id '{}'", *value),
          "ids start with a letter or digit, then letters, digits, '.', '_' or '-'");
    return std::nullopt;
  }
  return value;
}

std::optional<Date> FieldReader::date(const Node* node, std::string_view key) {
  auto value = text(node, key);
  if (!value) return std::nullopt;
  if (auto parsed = parse_date(*value)) return parsed;
  bool shaped = value->size() == 10 && (*value)[4] == '-' && (*value)[7] == '-';
  error(node->position, "bad-date",
        shaped ? fmt::format("'{}' is not a date that exists", *value)
               : fmt::format("'{}' is not a date in the form YYYY-MM-DD", *value),
        shaped ? "check the day and month (months have 28 to 31 days)" : "write dates as YYYY-MM-DD, e.g. 2004-06-30");
  return std::nullopt;
}

std::optional<double> FieldReader::number(const Node* node, std::string_view key) {
  if (!node || node->refused) return std::nullopt;
  if (!node->is_scalar()) {
    error(node->position, "wrong-type", fmt::format("'{}' must be a number, found {}", key, describe(*node)));
    return std::nullopt;
  }
  std::string_view v = node->value();
  if (!node->plain) {
    error(node->position, "wrong-type", fmt::format("'{}' must be a number, found the quoted text '{}'", key, v),
          "remove the quotes");
    return std::nullopt;
  }
  if (!is_plain_decimal(v)) {
    bool numeric_looking =
        !v.empty() && (std::isdigit(static_cast<unsigned char>(v[0])) || v[0] == '-' || v[0] == '+' || v[0] == '.');
    // `complete: 90%`: the number is right, the sign is not.
    std::string_view without_percent = v.substr(0, v.size() - 1);
    while (!without_percent.empty() && without_percent.back() == ' ') without_percent.remove_suffix(1);
    bool percent_sign = v.size() > 1 && v.back() == '%' && !without_percent.empty() &&
                        std::all_of(without_percent.begin(), without_percent.end(),
                                    [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    error(node->position, numeric_looking ? "bad-value" : "wrong-type",
          fmt::format("'{}' must be a plain decimal number, found '{}'", key, v),
          percent_sign ? fmt::format("drop the '%': write '{}: {}' (percentages are plain numbers from 0 to 100)", key,
                                     without_percent)
                       : "write numbers like 1500 or 12.5: no leading zeros, exponents, signs other "
                         "than '-', currency symbols or separators");
    return std::nullopt;
  }
  // Every number with at most 15 significant digits has a double of its own (DBL_DIG),
  // so comparing doubles compares the numbers as written: 100.00000000000000001 is
  // never taken for 100. At most 15 decimal places keep a tiny number from becoming 0.
  auto too_precise = [&] {
    error(node->position, "bad-value", fmt::format("'{}' is {}: more digits than bvplan can compare exactly", key, v),
          fmt::format("write at most {} significant digits and at most {} decimal places", max_digits, max_digits));
    return std::nullopt;
  };
  size_t point = v.find('.');
  if (point != std::string_view::npos && v.size() - point - 1 > max_digits) return too_precise();
  double out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  // A trillion is beyond any council's plan; past it, figures would lose their pence.
  if (ec != std::errc() || end != v.data() + v.size() || std::fabs(out) > 1e12) {
    error(node->position, "bad-value", fmt::format("'{}' is {}, too large a number for a plan", key, v),
          "numbers in a plan are at most 1000000000000");
    return std::nullopt;
  }
  if (significant_digits(v) > max_digits) return too_precise();
  return out;
}

std::optional<double> FieldReader::at_least(const Node* node, std::string_view key, double minimum,
                                            std::string_view what) {
  auto value = number(node, key);
  if (value && *value < minimum) {
    error(node->position, "bad-value", fmt::format("'{}' is {}, but {} cannot be negative", key, node->value(), what));
    return std::nullopt;
  }
  return value;
}

std::optional<double> FieldReader::money(const Node* node, std::string_view key) {
  return at_least(node, key, 0, "an amount of money");
}

std::optional<double> FieldReader::percent(const Node* node, std::string_view key) {
  auto value = number(node, key);
  if (value && (*value < 0 || *value > 100)) {
    error(node->position, "bad-value", fmt::format("'{}' is {}, outside 0 to 100 percent", key, node->value()));
    return std::nullopt;
  }
  return value;
}

std::optional<unsigned> FieldReader::whole(const Node* node, std::string_view key) {
  auto value = at_least(node, key, 0, "a count");
  if (!value) return std::nullopt;
  if (node->value().find('.') != std::string::npos || *value > 1e6) {
    error(node->position, "bad-value", fmt::format("'{}' must be a whole number, found {}", key, node->value()));
    return std::nullopt;
  }
  return static_cast<unsigned>(*value);
}

std::optional<bool> FieldReader::boolean(const Node* node, std::string_view key) {
  if (!node || node->refused) return std::nullopt;
  if (node->is_scalar() && node->plain && (node->value() == "true" || node->value() == "false"))
    return node->value() == "true";
  error(node->position, "wrong-type",
        fmt::format("'{}' must be true or false, found {}", key,
                    node->is_scalar() ? fmt::format("'{}'", node->value()) : describe(*node)),
        "bvplan accepts only true and false (not yes, no, on or off)");
  return std::nullopt;
}

std::span<const Node> FieldReader::optional_list(const Node* node, std::string_view what) {
  if (!node || node->is_null() || !expect_list(*node, what)) return {};
  return node->items();
}

std::span<const Node> FieldReader::required_list(const Node* node, std::string_view what, const char* empty,
                                                 const char* hint) {
  if (!node || !expect_list(*node, what)) return {};
  if (node->items().empty()) error(node->position, "missing-key", empty, hint);
  return node->items();
}

bool FieldReader::read_text(const Node& map, std::string_view key, std::string& out) {
  auto value = text(map.find(key), key);
  if (value) out = std::move(*value);
  return value.has_value();
}

bool FieldReader::read_id(const Node& map, std::string_view key, std::string& out, Position& at) {
  const Node* node = map.find(key);
  auto value = id(node, key);
  if (!value) return false;
  out = std::move(*value);
  at = node->position;
  return true;
}

bool FieldReader::read_date(const Node& map, std::string_view key, Date& out, Position& at) {
  const Node* node = map.find(key);
  auto value = date(node, key);
  if (!value) return false;
  out = *value;
  at = node->position;
  return true;
}

}  // namespace bvplan
