#include "bvplan/core/source.hpp"

#include <sys/stat.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "bvplan/core/utf8.hpp"

namespace bvplan {

std::string_view SourceFile::line_text(unsigned line) const {
  if (line_starts_.empty()) {
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

SourceFile read_source_file(const std::string& path, size_t max_bytes, std::optional<Diagnostic>& too_big) {
  SourceFile source;
  source.path = path;
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) throw Error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  if (S_ISDIR(info.st_mode)) throw Error(fmt::format("cannot read '{}': it is a folder", path));
  if (S_ISREG(info.st_mode) && static_cast<unsigned long long>(info.st_size) > max_bytes) {
    too_big = too_big_finding(path, static_cast<unsigned long long>(info.st_size), max_bytes);
    return source;
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) throw Error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  // Read into a buffer of the file's size: growing it by doubling would hold up to twice
  // the file at once.
  if (S_ISREG(info.st_mode)) source.text.reserve(static_cast<size_t>(info.st_size));
  char buffer[65536];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    source.text.append(buffer, got);
    if (source.text.size() > max_bytes) {
      std::fclose(file);
      too_big = Diagnostic{path,
                           {},
                           Severity::error,
                           "yaml-syntax",
                           fmt::format("file is over the limit of {} bytes", max_bytes),
                           "split the plan, or raise the limit with --max-file-size"};
      source.text.clear();
      return source;
    }
  }
  bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) throw Error(fmt::format("cannot read '{}': read error", path));
  return source;
}

}  // namespace bvplan
