#include "bvplan/io/files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "bvplan/io/output.hpp"

namespace bvplan {

namespace fs = std::filesystem;

namespace {

// Appends what is left of `file` to `text`; false (and `text` cleared) as soon as it holds
// more than `max_bytes`.
bool read_within(std::FILE* file, std::string& text, size_t max_bytes) {
  char buffer[65536];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    text.append(buffer, got);
    if (text.size() > max_bytes) {
      text.clear();
      return false;
    }
  }
  return true;
}

Diagnostic over_limit(const std::string& path, const char* what, size_t max_bytes) {
  return Diagnostic{path,
                    {},
                    Severity::error,
                    "yaml-syntax",
                    fmt::format("{} is over the limit of {} bytes", what, max_bytes),
                    "split the plan, or raise the limit with --max-file-size"};
}

}  // namespace

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
  if (!read_within(file, source.text, max_bytes)) {
    std::fclose(file);
    too_big = over_limit(path, "file", max_bytes);
    return source;
  }
  bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) throw Error(fmt::format("cannot read '{}': read error", path));
  return source;
}

SourceFile read_standard_input(const std::string& name, size_t max_bytes, std::optional<Diagnostic>& too_big) {
  SourceFile source;
  source.path = name;
  if (!read_within(stdin, source.text, max_bytes)) too_big = over_limit(name, "input", max_bytes);
  return source;
}

void write_file_atomically(const std::string& path, const std::string& text) {
  AtomicFile file(path);
  file.write(text);
  file.commit();
}

void rewrite_file(const std::string& path, const std::string& text) {
  std::error_code error;
  fs::path target = fs::canonical(path, error);
  if (error) throw Error(fmt::format("cannot write '{}': {}", path, error.message()));
  // A file its owner made read-only stays unwritten, as an editor or git would leave it.
  struct stat info;
  if (::stat(target.c_str(), &info) == 0 && (info.st_mode & 0222) == 0)
    throw Error(fmt::format("'{}' is read-only; nothing written (make it writable to update it)", path));
  if (::access(target.c_str(), W_OK) != 0)
    throw Error(fmt::format("'{}' cannot be written ({}); nothing written", path, std::strerror(errno)));
  AtomicFile file(target.string(), AtomicFile::Commit::keep_mode);
  file.write(text);
  file.commit();
}

void write_new_file(const std::string& path, const std::string& text) {
  fs::path target(path);
  std::error_code error;
  if (fs::exists(fs::symlink_status(target, error)))
    throw Error(fmt::format("'{}' already exists; bvplan does not overwrite it", path));
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), error);
    if (error)
      throw Error(fmt::format("cannot create folder '{}': {}", target.parent_path().string(), error.message()));
  }
  AtomicFile file(path, AtomicFile::Commit::create_new);
  file.write(text);
  file.commit();
}

}  // namespace bvplan
