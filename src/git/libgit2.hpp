// What the git layer's files share: libgit2 itself, owned handles, and the repository's
// state (GitRepository::Impl). Private to src/git/; the only header that includes libgit2.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <git2.h>

#include "bvplan/git/repository.hpp"

namespace bvplan {

// libgit2's own initialisation, once per process.
void ensure_libgit2();
std::string last_git_error();
std::string hex(const git_oid* oid);
CommitInfo info_of(const git_commit* commit);

template <typename T, void (*Free)(T*)>
struct Owned {
  T* ptr = nullptr;
  Owned() = default;
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() {
    if (ptr) Free(ptr);
  }
  T** out() { return &ptr; }
  T* get() const { return ptr; }
};

using Commit = Owned<git_commit, git_commit_free>;
using Tree = Owned<git_tree, git_tree_free>;
using TreeEntry = Owned<git_tree_entry, git_tree_entry_free>;
using Object = Owned<git_object, git_object_free>;
using Blob = Owned<git_blob, git_blob_free>;
using Diff = Owned<git_diff, git_diff_free>;

struct GitRepository::Impl {
  git_repository* repo = nullptr;
  std::string workdir;  // canonical, no trailing slash

  // Commits reachable from HEAD, children before parents, newer first among equals.
  struct Node {
    git_oid oid;
    CommitInfo info;
    long long time = 0;
    std::vector<size_t> parents;  // indexes into `nodes`
  };
  std::vector<Node> nodes;
  bool walked = false;
  bool stopped_early = false;
  std::map<std::string, std::optional<std::string>> entry_cache;  // "commit:path" -> blob

  ~Impl() {
    if (repo) git_repository_free(repo);
  }

  // history.cpp: fills `nodes` on first use.
  void walk();
  // trees.cpp
  std::optional<std::string> blob_at(const git_oid& commit_id, const std::string& path);
  // Renames between two commits' trees: new path -> old path.
  std::map<std::string, std::string> renames_between(const git_oid& from_id, const git_oid& to_id);
  // repository.cpp: a revision's commit id (and its info); throws Error when unknown.
  git_oid resolve_oid(const std::string& revision, CommitInfo* info);

private:
  std::vector<std::pair<size_t, std::vector<git_oid>>> read_commits();
  void sort_children_first();
};

}  // namespace bvplan
