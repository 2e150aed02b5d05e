// The owners registers plans inherit, each read and checked once per run.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/source.hpp"
#include "bvplan/io/discovery.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

// Loads the owners registers plans inherit: the nearest owners.yaml from a plan's folder
// up to the repository root (a folder holding .git), and an explicit --owners file.
// Each register is read once; its findings are reported once.
class OwnerRegisters {
public:
  explicit OwnerRegisters(size_t max_file_bytes, const FileSystem& files = real_file_system())
      : max_file_bytes_(max_file_bytes), discovery_(files) {}
  // Throws Error when `path` cannot be read.
  void set_explicit(const std::string& path);
  // The owners a plan at `plan_path` inherits (registers merged; explicit file wins), and
  // the year start (the explicit file's, else the nearest register's).
  OwnersRegister for_plan(const std::string& plan_path);
  // Findings in the registers read so far, and their texts for excerpts.
  Diagnostics take_diagnostics();
  const SourceFile* source(const std::string& file) const;
  // The registers read so far.
  std::vector<std::string> files() const;

private:
  struct Loaded {
    SourceFile source;
    OwnersRegister owners;
  };
  const Loaded& load(const std::string& path);
  size_t max_file_bytes_;
  RegisterDiscovery discovery_;
  std::map<std::string, Loaded> loaded_;
  std::optional<std::string> explicit_;
  Diagnostics diagnostics_;
};

}  // namespace bvplan
