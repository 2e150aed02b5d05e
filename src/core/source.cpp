#include "bvplan/core/source.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bvplan/core/utf8.hpp"

namespace bvplan {

std::string_view SourceFile::line_text(unsigned line) const {
  if (line_starts_.empty()) {
    // Sized once (a vector grown by doubling would hold two copies at its peak).
    line_starts_.reserve(1 + static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
  if (line == 0 || line > line_starts_.size()) return {};
  size_t begin = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  return std::string_view(text).substr(begin, end - begin);
}

unsigned ColumnCounter::column(size_t line_start, size_t offset) {
  offset = std::min(offset, text_.size());
  line_start = std::min(line_start, offset);
  if (line_start != line_start_ || offset < offset_) {
    line_start_ = line_start;
    offset_ = line_start;
    characters_ = 0;
  }
  bytes_counted_ += offset - offset_;
  for (; offset_ < offset; ++offset_)
    if ((static_cast<unsigned char>(text_[offset_]) & 0xC0) != 0x80) ++characters_;
  return characters_ + 1;
}

Diagnostics check_encoding(SourceFile& source) {
  Diagnostics found;
  std::string& text = source.text;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    found.push_back({source.path,
                     {},
                     Severity::error,
                     "yaml-syntax",
                     "file is UTF-16; bvplan reads UTF-8 only",
                     "save the file as UTF-8 (most editors offer it under 'Save As')"});
    return found;
  }
  unsigned line = 1, column = 1;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\0') {
      found.push_back({source.path,
                       {line, column},
                       Severity::error,
                       "yaml-syntax",
                       "NUL byte in file; a plan must be text",
                       "check the file was not saved in a binary format"});
      return found;
    }
    size_t n = utf8_length(text, i);
    if (n == 0) {
      found.push_back({source.path,
                       {line, column},
                       Severity::error,
                       "yaml-syntax",
                       fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(c)),
                       "save the file as UTF-8"});
      return found;
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
  return found;
}

Diagnostic too_big_finding(const std::string& path, unsigned long long size, size_t max_bytes) {
  return Diagnostic{path,
                    {},
                    Severity::error,
                    "yaml-syntax",
                    fmt::format("file is {} bytes, over the limit of {} bytes", size, max_bytes),
                    "split the plan, or raise the limit with --max-file-size"};
}

}  // namespace bvplan
