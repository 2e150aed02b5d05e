// Finding the owners register a plan inherits, behind a small file system interface so
// that discovery can be tested without a disk.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

namespace bvplan {

// What discovery asks of the file system. Paths are as std::filesystem spells them.
class FileSystem {
public:
  virtual ~FileSystem() = default;
  virtual bool is_regular_file(const std::string& path) const = 0;
  virtual bool exists(const std::string& path) const = 0;
  // The current folder, absolute; empty when it cannot be known (deleted while in use).
  virtual std::string current_folder() const = 0;
};

// The disk.
const FileSystem& real_file_system();

// Files and folders held in memory, for tests. A file's or folder's parents need not be
// added; a path exists when it was added.
class MemoryFileSystem : public FileSystem {
public:
  explicit MemoryFileSystem(std::string current_folder) : current_(std::move(current_folder)) {}
  void add_file(const std::string& path) { files_.insert(path); }
  void add_folder(const std::string& path) { folders_.insert(path); }
  bool is_regular_file(const std::string& path) const override { return files_.count(path) > 0; }
  bool exists(const std::string& path) const override { return files_.count(path) || folders_.count(path); }
  std::string current_folder() const override { return current_; }

private:
  std::string current_;
  std::set<std::string> files_, folders_;
};

// The nearest owners.yaml (or owners.yml) of each plan, each folder looked up once.
class RegisterDiscovery {
public:
  explicit RegisterDiscovery(const FileSystem& files = real_file_system()) : files_(&files) {}
  // The register nearest the folder of `plan_path` ("-", standard input: the current
  // folder), looking up to the repository root (a folder holding .git) or the file
  // system's root. Named as the user would name it: relative to the current folder,
  // lexically (links not resolved), or absolute when there is no current folder.
  // nullopt when there is none, or the plan's folder cannot be known.
  std::optional<std::string> nearest(const std::string& plan_path);

private:
  const FileSystem* files_;
  std::map<std::string, std::optional<std::string>> nearest_;  // folder -> register path
};

}  // namespace bvplan
