// What both fuzz targets share: a fixed as-of date and the Leicester owners register, so
// plans naming its owners get past validation and reach the deeper code.
#pragma once

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "bvplan/app/check.hpp"
#include "bvplan/core/date.hpp"

namespace bvplan::fuzz {

// The examples' reporting date; never the clock, so every run is reproducible.
inline Date fixed_as_of() { return Date::from_ymd(2004, 6, 30); }

inline const OwnersRegister& register_owners() {
  static const OwnersRegister owners = [] {
    std::ifstream in(BVPLAN_SOURCE_DIR "/examples/leicester/owners.yaml", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    SourceFile source("owners.yaml", text.str());
    Diagnostics ignored;
    return load_owners_text(source, ignored);
  }();
  return owners;
}

// A strict JSON (RFC 8259) reader that only says whether `text` is one valid value: the
// oracle for every JSON renderer (a NaN or an unescaped control character would fail it).
class JsonChecker {
public:
  explicit JsonChecker(std::string_view text) : text_(text) {}
  bool valid() {
    skip_space();
    if (!value(0)) return false;
    skip_space();
    return at_ == text_.size();
  }

private:
  bool value(int depth) {
    if (depth > 200 || at_ >= text_.size()) return false;
    char c = text_[at_];
    if (c == '{') return container(depth, '}', true);
    if (c == '[') return container(depth, ']', false);
    if (c == '"') return string();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    for (std::string_view word : {"true", "false", "null"})
      if (text_.substr(at_, word.size()) == word) {
        at_ += word.size();
        return true;
      }
    return false;
  }
  bool container(int depth, char close, bool object) {
    ++at_;
    skip_space();
    if (peek() == close) return ++at_, true;
    for (;;) {
      if (object) {
        if (peek() != '"' || !string()) return false;
        skip_space();
        if (peek() != ':') return false;
        ++at_;
        skip_space();
      }
      if (!value(depth + 1)) return false;
      skip_space();
      if (peek() == close) return ++at_, true;
      if (peek() != ',') return false;
      ++at_;
      skip_space();
    }
  }
  bool string() {
    ++at_;
    while (at_ < text_.size()) {
      auto c = static_cast<unsigned char>(text_[at_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;
      if (c == '\\') {
        char e = peek();
        ++at_;
        if (e == 'u') {
          for (int i = 0; i < 4; ++i, ++at_)
            if (!std::isxdigit(static_cast<unsigned char>(peek()))) return false;
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos || e == 0) {
          return false;
        }
      }
    }
    return false;
  }
  bool number() {
    if (peek() == '-') ++at_;
    if (peek() == '0')
      ++at_;
    else if (!digits())
      return false;
    if (peek() == '.') {
      ++at_;
      if (!digits()) return false;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++at_;
      if (peek() == '+' || peek() == '-') ++at_;
      if (!digits()) return false;
    }
    return true;
  }
  bool digits() {
    size_t start = at_;
    while (peek() >= '0' && peek() <= '9') ++at_;
    return at_ > start;
  }
  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  void skip_space() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t'))
      ++at_;
  }
  std::string_view text_;
  size_t at_ = 0;
};

// Aborts (a finding for libFuzzer) when a JSON renderer's output is not valid JSON.
inline void require_json(const std::string& text, const char* renderer) {
  if (JsonChecker(text).valid()) return;
  std::fprintf(stderr, "%s wrote invalid JSON:\n%s\n", renderer, text.c_str());
  std::abort();
}

}  // namespace bvplan::fuzz
