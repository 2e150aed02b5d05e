// Where rendered text goes: a buffer that is handed on in chunks (to a file, standard
// output) or kept whole (tests, the string-returning renderers).
#pragma once

#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace bvplan {

class Output {
public:
  using Sink = std::function<void(std::string_view)>;

  // Keeps everything written; take() returns it.
  Output() = default;
  // Hands the text to `sink` whenever about `chunk` bytes are waiting, and in finish().
  explicit Output(Sink sink, size_t chunk = 64 * 1024);
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view text) {
    if (sink_ && text.size() >= chunk_) return write_through(text);
    buffer_.append(text);
    spill();
  }
  void put(char c) {
    buffer_ += c;
    spill();
  }
  template <typename... Args>
  void format(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    spill();
  }

  // Hands what is left to the sink.
  void finish();
  // The whole text of an Output without a sink.
  std::string take() { return std::move(buffer_); }
  // Bytes written so far.
  size_t size() const { return handed_ + buffer_.size(); }

private:
  // A text bigger than a chunk goes to the sink as it is, never copied.
  void write_through(std::string_view text);
  void spill() {
    if (sink_ && buffer_.size() >= chunk_) finish();
  }

  Sink sink_;
  size_t chunk_ = 0;
  size_t handed_ = 0;
  std::string buffer_;
};

// Runs `render(Output&)` into a string: the string-returning form of a renderer.
template <typename Render>
std::string render_to_string(Render&& render) {
  Output out;
  render(out);
  return out.take();
}

}  // namespace bvplan
