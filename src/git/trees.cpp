// Trees and blobs: a file's blob at a commit, renames between trees, plan files in a
// revision, blob contents and sizes.
#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "bvplan/core/diagnostic.hpp"
#include "libgit2.hpp"

namespace bvplan {

namespace fs = std::filesystem;

std::optional<std::string> GitRepository::Impl::blob_at(const git_oid& commit_id, const std::string& path) {
  std::string key = hex(&commit_id) + ":" + path;
  if (auto it = entry_cache.find(key); it != entry_cache.end()) return it->second;
  std::optional<std::string> found;
  Commit commit;
  Tree tree;
  TreeEntry entry;
  if (git_commit_lookup(commit.out(), repo, &commit_id) == 0 && git_commit_tree(tree.out(), commit.get()) == 0 &&
      git_tree_entry_bypath(entry.out(), tree.get(), path.c_str()) == 0 &&
      git_tree_entry_type(entry.get()) == GIT_OBJECT_BLOB)
    found = hex(git_tree_entry_id(entry.get()));
  entry_cache.emplace(key, found);
  return found;
}

std::map<std::string, std::string> GitRepository::Impl::renames_between(const git_oid& from_id, const git_oid& to_id) {
  std::map<std::string, std::string> out;
  Commit from, to;
  Tree old_tree, new_tree;
  Diff diff;
  if (git_commit_lookup(from.out(), repo, &from_id) != 0 || git_commit_lookup(to.out(), repo, &to_id) != 0 ||
      git_commit_tree(old_tree.out(), from.get()) != 0 || git_commit_tree(new_tree.out(), to.get()) != 0 ||
      git_diff_tree_to_tree(diff.out(), repo, old_tree.get(), new_tree.get(), nullptr) != 0)
    return out;
  git_diff_find_options options;
  git_diff_find_options_init(&options, GIT_DIFF_FIND_OPTIONS_VERSION);  // clang: the INIT macro leaves fields out
  options.flags = GIT_DIFF_FIND_RENAMES;
  if (git_diff_find_similar(diff.get(), &options) != 0) return out;
  for (size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (delta->status == GIT_DELTA_RENAMED) out.emplace(delta->new_file.path, delta->old_file.path);
  }
  return out;
}

std::string GitRepository::read_blob(const std::string& blob) {
  git_oid oid;
  Blob object;
  if (git_oid_fromstr(&oid, blob.c_str()) != 0 || git_blob_lookup(object.out(), impl_->repo, &oid) != 0)
    throw Error(fmt::format("cannot read git object {}: {}", blob, last_git_error()));
  const char* data = static_cast<const char*>(git_blob_rawcontent(object.get()));
  return std::string(data, static_cast<size_t>(git_blob_rawsize(object.get())));
}

size_t GitRepository::blob_size(const std::string& blob) {
  git_oid oid;
  git_odb* odb = nullptr;
  size_t size = 0;
  git_object_t type;
  int rc = git_oid_fromstr(&oid, blob.c_str());
  if (rc == 0) rc = git_repository_odb(&odb, impl_->repo);
  if (rc == 0) rc = git_odb_read_header(&size, &type, odb, &oid);
  if (odb) git_odb_free(odb);
  if (rc != 0) throw Error(fmt::format("cannot read git object {}: {}", blob, last_git_error()));
  return size;
}

std::optional<TreeFile> GitRepository::file_entry_at(const std::string& revision, const std::string& path) {
  git_oid commit = impl_->resolve_oid(revision, nullptr);
  if (std::optional<std::string> blob = impl_->blob_at(commit, path)) return TreeFile{path, *blob};
  std::set<std::string> tried{path};
  for (const FileVersion& version : file_history(path))
    if (tried.insert(version.path).second)
      if (std::optional<std::string> blob = impl_->blob_at(commit, version.path)) return TreeFile{version.path, *blob};
  return std::nullopt;
}

namespace {

int collect_plan_entry(const char* root, const git_tree_entry* entry, void* payload) {
  std::string name = git_tree_entry_name(entry);
  if (name.size() > 1 && name[0] == '.') return 1;  // hidden: skipped, with everything below it
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) return 0;
  auto ends_with = [&](const char* tail) {
    std::string t = tail;
    return name.size() > t.size() && name.compare(name.size() - t.size(), t.size(), t) == 0;
  };
  if ((!ends_with(".yaml") && !ends_with(".yml")) || name == "owners.yaml" || name == "owners.yml") return 0;
  static_cast<std::vector<TreeFile>*>(payload)->push_back({std::string(root) + name, hex(git_tree_entry_id(entry))});
  return 0;
}

}  // namespace

std::vector<TreeFile> GitRepository::plan_files_at(const std::string& revision) {
  git_oid id = impl_->resolve_oid(revision, nullptr);
  Commit commit;
  Tree tree;
  std::vector<TreeFile> files;
  if (git_commit_lookup(commit.out(), impl_->repo, &id) != 0 || git_commit_tree(tree.out(), commit.get()) != 0 ||
      git_tree_walk(tree.get(), GIT_TREEWALK_PRE, collect_plan_entry, &files) != 0)
    throw Error(fmt::format("cannot read the files of revision '{}': {}", revision, last_git_error()));
  std::sort(files.begin(), files.end(), [](const TreeFile& a, const TreeFile& b) { return a.path < b.path; });
  return files;
}

std::map<std::string, std::string> GitRepository::renames(const std::string& from, const std::string& to) {
  return impl_->renames_between(impl_->resolve_oid(from, nullptr), impl_->resolve_oid(to, nullptr));
}

bool GitRepository::differs_from_head(const std::string& path) {
  git_oid head;
  if (git_reference_name_to_id(&head, impl_->repo, "HEAD") != 0) return true;
  std::optional<std::string> blob = impl_->blob_at(head, path);
  if (!blob) return true;
  git_oid on_disk;
  std::string full = (fs::path(impl_->workdir) / path).string();
  if (git_odb_hashfile(&on_disk, full.c_str(), GIT_OBJECT_BLOB) != 0) return true;
  return hex(&on_disk) != *blob;
}

}  // namespace bvplan
