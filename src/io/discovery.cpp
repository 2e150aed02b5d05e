#include "bvplan/io/discovery.hpp"

#include <filesystem>

namespace bvplan {

namespace fs = std::filesystem;

namespace {

class RealFileSystem : public FileSystem {
public:
  bool is_regular_file(const std::string& path) const override {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
  }
  bool exists(const std::string& path) const override {
    std::error_code ec;
    return fs::exists(path, ec);
  }
  std::string current_folder() const override {
    std::error_code ec;
    fs::path folder = fs::current_path(ec);
    return ec ? std::string() : folder.string();
  }
};

// The register in `folder` or the nearest folder above it, as the user would name it.
std::optional<std::string> find_upwards(const FileSystem& files, const fs::path& folder, const fs::path& here) {
  for (fs::path dir = folder;; dir = dir.parent_path()) {
    for (const char* name : {"owners.yaml", "owners.yml"}) {
      if (files.is_regular_file((dir / name).string())) {
        // Report paths relative to where the user is, as they named the plan: lexically,
        // without resolving symbolic links (as the plan's own path is shown).
        fs::path shown = here.empty() ? fs::path() : (dir / name).lexically_relative(here);
        return shown.empty() ? (dir / name).string() : shown.string();
      }
    }
    if (files.exists((dir / ".git").string()) || dir == dir.parent_path()) return std::nullopt;
  }
}

}  // namespace

const FileSystem& real_file_system() {
  static const RealFileSystem files;
  return files;
}

std::optional<std::string> RegisterDiscovery::nearest(const std::string& plan_path) {
  // Without a current folder (deleted while in use) standard input has no folder, and
  // paths are shown absolute.
  fs::path here = files_->current_folder();
  fs::path folder;
  if (plan_path == "-")
    folder = here;
  else if (fs::path(plan_path).is_absolute())
    folder = fs::path(plan_path).parent_path();
  else if (!here.empty())
    folder = (here / plan_path).parent_path();  // as std::filesystem::absolute
  // "plans/../x.yaml" lives in the folder above plans, not in plans: walk up from the
  // folder the path names, not from its last component.
  folder = folder.lexically_normal();
  if (!folder.empty() && !folder.has_filename() && folder != folder.root_path()) folder = folder.parent_path();
  std::string key = folder.string();
  auto cached = nearest_.find(key);
  if (cached != nearest_.end()) return cached->second;
  std::optional<std::string> found = folder.empty() ? std::nullopt : find_upwards(*files_, folder, here);
  nearest_.emplace(key, found);
  return found;
}

}  // namespace bvplan
