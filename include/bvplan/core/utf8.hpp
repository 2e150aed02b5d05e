// The one UTF-8 decoder: what is valid UTF-8 (RFC 3629) and which character it spells.
#pragma once

#include <cstddef>
#include <string_view>

namespace bvplan {

// The length (1 to 4) of the valid UTF-8 sequence starting at `text[i]`, or 0 when the
// bytes there are not UTF-8: a stray continuation byte, a sequence cut short, an overlong
// form, a surrogate or a code point above U+10FFFF. Inline: encoding checks call it for
// every byte of every plan.
inline size_t utf8_length(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > text.size()) return 0;
  unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
  unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  return n;
}

struct Utf8Character {
  char32_t code = 0;
  size_t length = 0;  // bytes; 0 when the bytes are not UTF-8 (then `code` is 0)
};

// The character starting at `text[i]`, as utf8_length judges it.
Utf8Character decode_utf8(std::string_view text, size_t i);

}  // namespace bvplan
