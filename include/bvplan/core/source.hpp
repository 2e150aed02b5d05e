// A plan's bytes (read by io or git), their encoding checks, and what is needed to point
// into them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/core/diagnostic.hpp"

namespace bvplan {

inline constexpr size_t default_max_file_bytes = 64u * 1024u * 1024u;

struct SourceFile {
  SourceFile() = default;
  SourceFile(std::string path_, std::string text_) : path(std::move(path_)), text(std::move(text_)) {}

  std::string path;  // as the user named it, used in messages
  std::string text;  // the file's bytes, without a UTF-8 byte-order mark

  // The text of 1-based line `line`, without its line end; empty past the end.
  std::string_view line_text(unsigned line) const;

private:
  mutable std::vector<size_t> line_starts_;
};

// Character columns (what editors show) from byte offsets, counted incrementally: asking
// for offsets in increasing order along a line costs time linear in the line, so a file
// on one line (a minified flow list) is not counted from its start for every value.
class ColumnCounter {
public:
  explicit ColumnCounter(std::string_view text) : text_(text) {}
  // The 1-based character column of byte `offset` on the line starting at byte
  // `line_start` (UTF-8 continuation bytes do not count). Offsets past the end are
  // clamped to it.
  unsigned column(size_t line_start, size_t offset);
  // Bytes looked at so far: the work done, for tests.
  size_t bytes_counted() const { return bytes_counted_; }

private:
  std::string_view text_;
  size_t line_start_ = static_cast<size_t>(-1);  // the line of the last answer
  size_t offset_ = 0;                            // its offset
  unsigned characters_ = 0;                      // characters from line_start_ to offset_
  size_t bytes_counted_ = 0;
};

// Checks bytes before they reach the YAML parser: NUL bytes and invalid UTF-8 are
// errors at their position. Strips a UTF-8 byte-order mark. Returns the findings.
Diagnostics check_encoding(SourceFile& source);

// The finding for a file of `size` bytes over the limit of `max_bytes` (for files on disk
// and blobs read from git alike).
Diagnostic too_big_finding(const std::string& path, unsigned long long size, size_t max_bytes);

}  // namespace bvplan
