#include "bvplan/formats/json.hpp"

#include "bvplan/core/text.hpp"

namespace bvplan {

void JsonWriter::before_value() {
  if (frames_.empty() || !frames_.back().array) return;  // top level, or after a key
  Frame& frame = frames_.back();
  if (!frame.first) out_.put(',');
  frame.first = false;
  if (frame.layout.lines && indented_) {
    new_line(frames_.size());
  } else if (frame.layout.lines) {
    out_.put('\n');
    out_.write(std::string_view("                ", static_cast<size_t>(frame.layout.indent)));
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_.put('{');
  frames_.push_back({false, true, {}});
  return *this;
}

void JsonWriter::new_line(size_t depth) {
  out_.put('\n');
  for (size_t i = 0; i < depth; ++i) out_.write("  ");
}

JsonWriter& JsonWriter::end_object() {
  if (indented_ && !frames_.back().first) new_line(frames_.size() - 1);
  frames_.pop_back();
  out_.put('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array(JsonLayout layout) {
  before_value();
  out_.put('[');
  frames_.push_back({true, true, layout});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const Frame& frame = frames_.back();
  if (indented_ && frame.layout.lines && !frame.first)
    new_line(frames_.size() - 1);
  else if (frame.layout.closing_line && !frame.first)
    out_.put('\n');
  frames_.pop_back();
  out_.put(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  Frame& frame = frames_.back();
  if (!frame.first) out_.put(',');
  frame.first = false;
  if (indented_) new_line(frames_.size());
  out_.put('"');
  out_.write(name);
  out_.write(indented_ ? "\": " : "\":");
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  before_value();
  out_.write(json_quote(text));
  return *this;
}

JsonWriter& JsonWriter::number(std::string_view text) {
  before_value();
  out_.write(text);
  return *this;
}

JsonWriter& JsonWriter::number(long long value) {
  before_value();
  out_.format("{}", value);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) { return number(value ? "true" : "false"); }

JsonWriter& JsonWriter::null() { return number("null"); }

JsonWriter& JsonWriter::string_or_null(const std::optional<std::string>& text) { return text ? string(*text) : null(); }

JsonWriter& JsonWriter::number_or_null(const std::optional<std::string>& text) { return text ? number(*text) : null(); }

JsonWriter& JsonWriter::strings(const std::vector<std::string>& texts) {
  begin_array();
  for (const std::string& text : texts) string(text);
  return end_array();
}

}  // namespace bvplan
