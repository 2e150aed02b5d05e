#include "bvplan/io/workspace.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <set>

#include <fmt/format.h>

namespace bvplan {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

bool is_plan_name(const fs::path& p) {
  std::string ext = p.extension().string();
  std::string name = p.filename().string();
  return (ext == ".yaml" || ext == ".yml") && name != "owners.yaml" && name != "owners.yml";
}

}  // namespace

static PlanFiles collect_all_plan_files(const std::vector<std::string>& paths);

PlanFiles collect_plan_files(const std::vector<std::string>& paths) {
  PlanFiles out = collect_all_plan_files(paths);
  // A plan named twice (two paths, a folder and a file in it, a link) is read once, so
  // nothing is counted twice; standard input can be read only once.
  std::set<std::string> seen;
  std::vector<std::string> unique;
  bool stdin_seen = false;
  for (const std::string& file : out.files) {
    if (file == "-") {
      if (stdin_seen)
        out.unreadable.push_back("standard input ('-') can be read only once");
      else
        unique.push_back(file);
      stdin_seen = true;
      continue;
    }
    std::error_code ec;
    std::string key = fs::weakly_canonical(file, ec).string();
    if (seen.insert(ec ? file : key).second) unique.push_back(file);
  }
  out.files = std::move(unique);
  return out;
}

// The current folder, or an empty path when it cannot be known (deleted while in use).
static fs::path current_folder() {
  std::error_code ec;
  fs::path folder = fs::current_path(ec);
  return ec ? fs::path() : folder;
}

// Adds the plan files below `top` to `found`, and a problem naming the path for each
// folder that cannot be listed and each entry that cannot be looked at (a link in a loop,
// a link into a folder without permission, a plan file's dangling link). Links to
// folders are not followed, so no loop is walked.
static void walk_folder(const std::string& top, std::vector<std::string>& found, std::vector<std::string>& problems) {
  auto shown = [&](const fs::path& p) {
    // "plans/a.yaml", not "./plans/a.yaml", for the current folder.
    std::string name = p.string();
    if (top == "." && name.rfind("./", 0) == 0) name.erase(0, 2);
    return name;
  };
  std::vector<fs::path> pending{fs::path(top)};
  while (!pending.empty()) {
    fs::path folder = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& path = it->path();
      if (is_hidden(path)) continue;
      std::error_code entry_error;
      fs::file_status own = it->symlink_status(entry_error);
      if (!entry_error && fs::is_directory(own)) {
        pending.push_back(path);
        continue;
      }
      if (!entry_error && !fs::is_symlink(own)) {
        if (fs::is_regular_file(own) && is_plan_name(path)) found.push_back(shown(path));
        continue;
      }
      fs::file_status target = entry_error ? fs::file_status() : it->status(entry_error);
      if (entry_error) {
        // A dangling link not named like a plan is no plan: leave it be.
        bool dangling = entry_error == std::errc::no_such_file_or_directory;
        if (!dangling || is_plan_name(path))
          problems.push_back(fmt::format("cannot read '{}': {}", shown(path), entry_error.message()));
        continue;
      }
      if (fs::is_regular_file(target) && is_plan_name(path)) found.push_back(shown(path));
    }
    if (ec) problems.push_back(fmt::format("cannot read folder '{}': {}", shown(folder), ec.message()));
  }
}

// Every path expanded, in order, duplicates included.
static PlanFiles collect_all_plan_files(const std::vector<std::string>& paths) {
  PlanFiles out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.files.push_back(path);
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.unreadable.push_back(
          fmt::format("cannot read '{}': {}", path, ec ? ec.message() : "No such file or directory"));
      continue;
    }
    if (!fs::is_directory(status)) {
      out.files.push_back(path);
      continue;
    }
    if (fs::path(path).is_relative() && current_folder().empty()) {
      // A deleted folder still lists, empty: say why nothing is found.
      out.unreadable.push_back(fmt::format(
          "cannot read '{}': the current folder no longer exists (deleted?); change to another folder", path));
      continue;
    }
    std::vector<std::string> found, problems;
    walk_folder(path, found, problems);
    // Sorted: the order of a folder's entries depends on the file system.
    std::sort(found.begin(), found.end());
    std::sort(problems.begin(), problems.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
    out.unreadable.insert(out.unreadable.end(), problems.begin(), problems.end());
  }
  return out;
}

const OwnerRegisters::Loaded& OwnerRegisters::load(const std::string& path) {
  auto it = loaded_.find(path);
  if (it != loaded_.end()) return it->second;
  std::optional<Diagnostic> too_big;
  Loaded entry{read_source_file(path, max_file_bytes_, too_big), {}};
  if (too_big)
    diagnostics_.push_back(*too_big);
  else
    entry.owners = load_owners_text(entry.source, diagnostics_);
  return loaded_.emplace(path, std::move(entry)).first->second;
}

void OwnerRegisters::set_explicit(const std::string& path) {
  load(path);
  explicit_ = path;
}

Owners OwnerRegisters::for_plan(const std::string& plan_path) {
  // Without a current folder (deleted while in use) standard input has no folder, and
  // paths are shown absolute.
  fs::path here = current_folder();
  std::error_code absolute_error;
  fs::path folder = plan_path == "-" ? here : fs::absolute(plan_path, absolute_error).parent_path();
  if (absolute_error) folder.clear();
  std::string key = folder.string();
  auto cached = nearest_.find(key);
  if (cached == nearest_.end() && folder.empty()) cached = nearest_.emplace(key, std::nullopt).first;
  if (cached == nearest_.end()) {
    std::optional<std::string> found;
    for (fs::path dir = folder;; dir = dir.parent_path()) {
      std::error_code ec;
      for (const char* name : {"owners.yaml", "owners.yml"}) {
        if (fs::is_regular_file(dir / name, ec)) {
          // Report paths relative to where the user is, as they named the plan: lexically,
          // without resolving symbolic links (as the plan's own path is shown).
          fs::path shown = here.empty() ? fs::path() : (dir / name).lexically_relative(here);
          found = shown.empty() ? (dir / name).string() : shown.string();
          break;
        }
      }
      if (found || fs::exists(dir / ".git", ec) || dir == dir.parent_path()) break;
    }
    cached = nearest_.emplace(key, found).first;
  }
  Owners owners;
  if (cached->second) owners = load(*cached->second).owners;
  if (explicit_)
    for (const auto& [id, owner] : load(*explicit_).owners) owners.insert_or_assign(id, owner);
  return owners;
}

Diagnostics OwnerRegisters::take_diagnostics() {
  Diagnostics out = std::move(diagnostics_);
  diagnostics_.clear();
  return out;
}

std::vector<std::string> OwnerRegisters::files() const {
  std::vector<std::string> out;
  for (const auto& [path, loaded] : loaded_) out.push_back(path);
  return out;
}

const SourceFile* OwnerRegisters::source(const std::string& file) const {
  auto it = loaded_.find(file);
  return it == loaded_.end() ? nullptr : &it->second.source;
}

Date today() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    errno = 0;
    long long seconds = std::strtoll(epoch, &end, 10);
    // Years 0000 to 9999 only, as dates are written YYYY-MM-DD.
    if (errno != 0 || *end != '\0' || seconds < -62167219200LL || seconds > 253402300799LL)
      throw Error(
          fmt::format("SOURCE_DATE_EPOCH must be a UNIX time in seconds in the years 0000 to 9999, not '{}'", epoch));
    return date_from_unix(seconds);
  }
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Date::from_ymd(local.tm_year + 1900, static_cast<unsigned>(local.tm_mon + 1),
                        static_cast<unsigned>(local.tm_mday));
}

SourceFile read_standard_input(const std::string& name, size_t max_bytes, std::optional<Diagnostic>& too_big) {
  SourceFile source;
  source.path = name;
  char buffer[65536];
  size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, stdin)) > 0) {
    source.text.append(buffer, got);
    if (source.text.size() > max_bytes) {
      too_big = Diagnostic{name,
                           {},
                           Severity::error,
                           "yaml-syntax",
                           fmt::format("input is over the limit of {} bytes", max_bytes),
                           "split the plan, or raise the limit with --max-file-size"};
      source.text.clear();
      return source;
    }
  }
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
