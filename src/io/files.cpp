#include "bvplan/io/files.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

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
  fs::path target(path);
  std::error_code status_error;
  fs::file_status status = fs::status(target, status_error);
  if (!status_error && fs::exists(status) && !fs::is_regular_file(status)) {
    // A device or pipe (/dev/stdout, /dev/full, a FIFO): never replace it by renaming.
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) throw Error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
    bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    ok = (std::fflush(file) == 0) && ok;
    int saved = errno;
    ok = (std::fclose(file) == 0) && ok;
    if (!ok) throw Error(fmt::format("cannot write '{}': {}", path, std::strerror(saved ? saved : errno)));
    return;
  }
  fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  // Appended piece by piece: `"." + std::string&&` sets off GCC 12's -Wrestrict false
  // positive (GCC bug 105651) in release builds.
  std::string temp_name = ".";
  temp_name += target.filename().string();
  temp_name += ".XXXXXX";
  std::string temp_template = (folder / temp_name).string();
  std::vector<char> name(temp_template.begin(), temp_template.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) throw Error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  const char* data = text.data();
  size_t left = text.size();
  bool ok = true;
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      ok = false;
      break;
    }
    data += n;
    left -= static_cast<size_t>(n);
  }
  int saved = errno;
  if (ok && ::fsync(fd) != 0) {
    ok = false;
    saved = errno;
  }
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  if (ok) ::chmod(name.data(), 0644);
  if (!ok || std::rename(name.data(), path.c_str()) != 0) {
    if (ok) saved = errno;
    ::unlink(name.data());
    throw Error(fmt::format("cannot write '{}': {}", path, std::strerror(saved)));
  }
}

}  // namespace bvplan
