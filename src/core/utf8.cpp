#include "bvplan/core/utf8.hpp"

namespace bvplan {

Utf8Character decode_utf8(std::string_view text, size_t i) {
  size_t n = utf8_length(text, i);
  if (n == 0) return {};
  auto c = static_cast<unsigned char>(text[i]);
  char32_t code = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return {code, n};
}

}  // namespace bvplan
