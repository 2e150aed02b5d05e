// The command layer's view of the outside world: files, folders, registers and the clock.
// Only the command layer (cli.cpp) uses this; compute and render never touch the disk.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bvplan/app/check.hpp"
#include "bvplan/core/date.hpp"
#include "bvplan/core/source.hpp"

namespace bvplan {

// Expands PATHs: files as given; folders to every *.yaml / *.yml below them, sorted,
// skipping owners.yaml and hidden files and folders. Paths that do not exist are
// returned in `unreadable` with a message.
struct PlanFiles {
  std::vector<std::string> files;
  std::vector<std::string> unreadable;
};
PlanFiles collect_plan_files(const std::vector<std::string>& paths);

// Loads the owners registers plans inherit: the nearest owners.yaml from a plan's folder
// up to the repository root (a folder holding .git), and an explicit --owners file.
// Each register is read once; its findings are reported once.
class OwnerRegisters {
public:
  OwnerRegisters(size_t max_file_bytes) : max_file_bytes_(max_file_bytes) {}
  // Throws Error when `path` cannot be read.
  void set_explicit(const std::string& path);
  // The owners a plan at `plan_path` inherits (registers merged; explicit file wins).
  Owners for_plan(const std::string& plan_path);
  // Findings in the registers read so far, and their texts for excerpts.
  Diagnostics take_diagnostics();
  const SourceFile* source(const std::string& file) const;
  // The registers read so far.
  std::vector<std::string> files() const;

private:
  struct Loaded {
    SourceFile source;
    Owners owners;
  };
  const Loaded& load(const std::string& path);
  size_t max_file_bytes_;
  std::map<std::string, Loaded> loaded_;
  std::map<std::string, std::optional<std::string>> nearest_;  // folder -> register path
  std::optional<std::string> explicit_;
  Diagnostics diagnostics_;
};

// "Today": SOURCE_DATE_EPOCH when set (a UNIX time), else the local calendar date.
// Throws Error when SOURCE_DATE_EPOCH is not a number.
Date today();

// Reads standard input whole, applying the size limit like a file.
SourceFile read_standard_input(const std::string& name, size_t max_bytes, std::optional<Diagnostic>& too_big);

// Writes `text` to `path` atomically (a temporary file beside it, then rename).
// Throws Error on failure, leaving any existing file untouched.
void write_file_atomically(const std::string& path, const std::string& text);

}  // namespace bvplan
