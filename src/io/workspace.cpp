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

static PlanFiles collect_all_plan_files(const std::vector<std::string>& paths, size_t max_entries);

PlanFiles collect_plan_files(const std::vector<std::string>& paths, size_t max_entries) {
  PlanFiles out = collect_all_plan_files(paths, max_entries);
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
// folders are not followed, so no loop is walked. `budget`, when not null, is the number of
// entries that may still be looked at; the walk stops when it runs out.
static void walk_folder(const std::string& top, std::vector<std::string>& found, std::vector<std::string>& problems,
                        size_t* budget) {
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
      if (budget) {
        if (*budget == 0) return;
        --*budget;
      }
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
static PlanFiles collect_all_plan_files(const std::vector<std::string>& paths, size_t max_entries) {
  PlanFiles out;
  size_t budget = max_entries;
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
    walk_folder(path, found, problems, max_entries ? &budget : nullptr);
    if (max_entries && budget == 0) out.cut = true;
    // Sorted: the order of a folder's entries depends on the file system.
    std::sort(found.begin(), found.end());
    std::sort(problems.begin(), problems.end());
    out.files.insert(out.files.end(), found.begin(), found.end());
    out.unreadable.insert(out.unreadable.end(), problems.begin(), problems.end());
  }
  return out;
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

std::string path_from_current_folder(const std::string& root, const std::string& path) {
  std::error_code ec;
  fs::path here = fs::current_path(ec);
  if (ec) return path;
  std::string out = (fs::path(root) / path).lexically_relative(fs::weakly_canonical(here, ec)).generic_string();
  return out.empty() ? path : out;
}

}  // namespace bvplan
