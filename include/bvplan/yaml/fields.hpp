// Typed field readers: a node of the positioned tree to text, an id, a date, a number,
// money, a percentage, a count, a boolean or a list, each reporting what it cannot read
// (wrong-type, bad-value, bad-date, unknown-key, missing-key) as a finding.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/yaml/document.hpp"

namespace bvplan {

// The keys a mapping may hold, or must hold.
using KeyNames = std::span<const std::string_view>;

// The significant digits and the decimal places a number in a plan may have (see
// bvplan-plan(5), VALUES).
inline constexpr size_t max_digits = 15;

// The first control character in `text` other than tab and line breaks: C0, DEL, or a C1
// control (U+0080 to U+009F, two bytes in UTF-8).
std::optional<unsigned> control_character(std::string_view text);

// Reads the fields of one file's tree, appending findings about `file` to `diagnostics`.
// Every reader takes the node (nullptr when the key is absent: nothing to read, nothing
// reported) and the key it was written under, for messages. A node already reported as
// refused (an alias) reads as absent.
class FieldReader {
public:
  FieldReader(std::string file, Diagnostics& diagnostics) : file_(std::move(file)), diagnostics_(diagnostics) {}

  const std::string& file() const { return file_; }
  void error(Position at, const char* rule, std::string message, std::string hint = {});

  // wrong-type unless `node` is a mapping (a list); returns whether it is one.
  bool expect_map(const Node& node, std::string_view what);
  bool expect_list(const Node& node, std::string_view what);
  // unknown-key for each key of `map` not in `known` (with a likely correction), then
  // missing-key for each of `required` absent. Returns false when a required key is missing.
  bool check_keys(const Node& map, std::string_view what, KeyNames known, KeyNames required);

  // Text without control characters (tab and line breaks excepted).
  std::optional<std::string> text(const Node* node, std::string_view key);
  // Text that is an id: [A-Za-z0-9][A-Za-z0-9._-]*.
  std::optional<std::string> id(const Node* node, std::string_view key);
  // YYYY-MM-DD, a date that exists.
  std::optional<Date> date(const Node* node, std::string_view key);
  // A plain decimal: -?(0|[1-9][0-9]*)(\.[0-9]+)?, at most max_digits significant digits
  // and decimal places, at most 10^12 either way.
  std::optional<double> number(const Node* node, std::string_view key);
  // A number not below `minimum`; `what` names it in the message ("a number of days").
  std::optional<double> at_least(const Node* node, std::string_view key, double minimum, std::string_view what);
  std::optional<double> money(const Node* node, std::string_view key);
  // A number from 0 to 100.
  std::optional<double> percent(const Node* node, std::string_view key);
  // A whole number from 0 to 1,000,000.
  std::optional<unsigned> whole(const Node* node, std::string_view key);
  // `true` or `false`, plain.
  std::optional<bool> boolean(const Node* node, std::string_view key);
  // The items of a list that may be left empty (`key:` alone): none when absent or empty,
  // none after wrong-type when it is not a list.
  std::span<const Node> optional_list(const Node* node, std::string_view what);
  // The items of a list that must hold one at least: none after wrong-type when it is not
  // a list (`key:` alone included); missing-key (`empty`, `hint`) when it is empty.
  std::span<const Node> required_list(const Node* node, std::string_view what, const char* empty, const char* hint);

  // `map`'s value for `key` read into `out` (and its position into `at`); false, leaving
  // them as they were, when it is absent or cannot be read.
  bool read_text(const Node& map, std::string_view key, std::string& out);
  bool read_id(const Node& map, std::string_view key, std::string& out, Position& at);
  bool read_date(const Node& map, std::string_view key, Date& out, Position& at);

private:
  std::string file_;
  Diagnostics& diagnostics_;
};

}  // namespace bvplan
