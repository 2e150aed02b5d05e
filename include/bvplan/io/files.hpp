// Reading files and standard input whole, under a size limit, and writing files atomically.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/source.hpp"

namespace bvplan {

// Reads a file whole. Throws Error when it cannot be read (missing, a directory,
// permissions) and returns a diagnostic-worthy message through `too_big` when the file
// exceeds `max_bytes`, leaving `text` empty.
SourceFile read_source_file(const std::string& path, size_t max_bytes, std::optional<Diagnostic>& too_big);

// Reads standard input whole, applying the size limit like a file; `name` is what
// messages call it (--stdin-filename).
SourceFile read_standard_input(const std::string& name, size_t max_bytes, std::optional<Diagnostic>& too_big);

// Writes `text` to `path` atomically (a temporary file beside it, then rename); a device
// or pipe is written in place. Throws Error on failure, leaving any existing file untouched.
void write_file_atomically(const std::string& path, const std::string& text);

// Replaces an existing file's bytes atomically, as an editor saving it would: a symbolic
// link is written through to its target (the link stays a link) and the file keeps its
// permissions. Throws Error on failure, leaving the file untouched.
void rewrite_file(const std::string& path, const std::string& text);

// Writes a file that must not exist yet, creating its folder when missing. Throws Error,
// and leaves the existing file as it was, when something is already there.
void write_new_file(const std::string& path, const std::string& text);

}  // namespace bvplan
