// A JSON writer: objects, arrays, keys, strings and numbers, with the commas placed by the
// writer. Arrays are written on one line or one element per line, the layouts bvplan's
// JSON outputs have always had.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/formats/output.hpp"

namespace bvplan {

// How an array is laid out: elements side by side (the default), or each on a line of
// its own indented by `indent` spaces, with the closing bracket on a line of its own
// when `closing_line` (and the array is not empty).
struct JsonLayout {
  bool lines = false;
  int indent = 0;
  bool closing_line = false;
};

class JsonWriter {
public:
  explicit JsonWriter(Output& out) : out_(out) {}
  // Indented for people to read: each key of an object on a line of its own, two spaces
  // deeper than its object; an array laid out in `lines` indented the same way.
  struct Indented {};
  JsonWriter(Output& out, Indented) : out_(out), indented_(true) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array(JsonLayout layout = {});
  JsonWriter& end_array();
  // `name` is written as it is: keys are bvplan's own, never plan text.
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view text);  // quoted and escaped by json_quote
  JsonWriter& number(std::string_view text);  // a number already written, such as "12.5"
  JsonWriter& number(long long value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // The string, or null when there is none.
  JsonWriter& string_or_null(const std::optional<std::string>& text);
  // The number text, or null when there is none.
  JsonWriter& number_or_null(const std::optional<std::string>& text);
  // An array of strings on one line.
  JsonWriter& strings(const std::vector<std::string>& texts);

private:
  struct Frame {
    bool array;
    bool first = true;
    JsonLayout layout;
  };
  void before_value();
  // A line break, then two spaces for each open object or array above `depth`.
  void new_line(size_t depth);

  Output& out_;
  std::vector<Frame> frames_;
  bool indented_ = false;
};

}  // namespace bvplan
