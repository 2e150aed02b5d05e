// The buffer that serves a file to yaml-cpp and bounds how far its scanner reads ahead.
// Used by reader.cpp only; header-only, as it is called for every event.
#pragma once

#include <algorithm>
#include <cstddef>
#include <deque>
#include <streambuf>
#include <string>

namespace bvplan {

// Serves the file's bytes to yaml-cpp in place (no copy in a stringstream), chunk by
// chunk, and watches how far its scanner reads ahead of the events it has produced.
//
// yaml-cpp 0.7 keeps every token after a possible key in a queue until it can tell
// whether it is a key, and only then hands them to the parser. Text where a key may start
// that holds many tokens (`- [0,0,...]`, `[[0,0,...]]`, unbalanced `[[[[...`) is queued
// whole: about 140 to 235 bytes per input byte before any check of ours can run. Every
// token but a plain scalar starts with one of the characters counted below, and plain
// scalars are separated by them, so counting those characters between the last event
// and the read position bounds the queue. Lines that start with `#` hold no tokens (a
// comment, or text inside one scalar) and are not counted. Past the limit the buffer
// ends the input and the reader reports.
class WatchedBuffer : public std::streambuf {
public:
  WatchedBuffer(const std::string& text, size_t limit) : text_(text), limit_(limit) {
    // Reads only the text: the get area is never written through.
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin);
  }

  // An event at byte `pos` has reached the handler: the queue before it is empty.
  // `depth` is the number of containers open after it.
  void on_event(size_t pos, bool opens_container, size_t depth) {
    if (pos < event_pos_) return;
    event_pos_ = pos;
    event_opened_ = opens_container;
    event_depth_ = depth;
  }
  bool stopped() const { return stopped_; }
  size_t event_pos() const { return event_pos_; }
  bool event_opened() const { return event_opened_; }
  size_t event_depth() const { return event_depth_; }
  size_t served() const { return next_; }

protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (stopped_ || next_ >= text_.size()) return traits_type::eof();
    while (served_.size() > 1 && served_[1].start <= event_pos_) served_.pop_front();
    if (!served_.empty() && counted_ - served_.front().counted_before > limit_) {
      stopped_ = true;
      return traits_type::eof();
    }
    size_t end = std::min(text_.size(), next_ + chunk);
    served_.push_back({next_, counted_});
    for (size_t i = next_; i < end; ++i) count(text_[i]);
    char* base = const_cast<char*>(text_.data());
    setg(base + next_, base + next_, base + end);
    next_ = end;
    return traits_type::to_int_type(*gptr());
  }

private:
  static constexpr size_t chunk = 4096;
  struct Served {
    size_t start;           // the chunk's first byte
    size_t counted_before;  // characters counted before it
  };

  void count(char c) {
    if (c == '\n') {
      line_blank_ = true;
      comment_line_ = false;
    } else if (comment_line_ || (line_blank_ && (c == ' ' || c == '\t' || c == '\r'))) {
    } else if (line_blank_ && c == '#') {
      comment_line_ = true;
    } else {
      line_blank_ = false;
      switch (c) {
        case '[':
        case ']':
        case '{':
        case '}':
        case ',':
        case ':':
        case '?':
        case '!':
        case '&':
        case '*':
        case '"':
        case '\'': ++counted_; break;
        default: break;
      }
    }
  }

  const std::string& text_;
  size_t limit_;
  size_t next_ = 0;  // the next byte to serve
  size_t counted_ = 0;
  bool line_blank_ = true, comment_line_ = false;
  std::deque<Served> served_;  // chunks from the one holding the last event on
  size_t event_pos_ = 0;
  bool event_opened_ = false;
  size_t event_depth_ = 0;
  bool stopped_ = false;
};
}  // namespace bvplan
