// The only translation unit that includes libgit2.
#include "bvplan/git/repository.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <queue>
#include <sstream>

#include <fmt/format.h>
#include <git2.h>

#include "bvplan/core/diagnostic.hpp"

namespace bvplan {

namespace fs = std::filesystem;

namespace {

// libgit2's own initialisation, once per process.
struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
};

void ensure_library() { static Library library; }

std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

std::string hex(const git_oid* oid) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, oid);
  return buffer;
}

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

Date commit_date(const git_commit* commit) {
  long long seconds = static_cast<long long>(git_commit_time(commit)) + 60LL * git_commit_time_offset(commit);
  return date_from_unix(seconds);
}

CommitInfo info_of(const git_commit* commit) {
  CommitInfo info;
  info.id = hex(git_commit_id(commit));
  info.short_id = info.id.substr(0, 7);
  info.date = commit_date(commit);
  const char* summary = git_commit_summary(const_cast<git_commit*>(commit));
  info.summary = summary ? summary : "";
  return info;
}

}  // namespace

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

  std::set<std::string> shallow_roots() const {
    std::set<std::string> roots;
    std::ifstream file(fs::path(git_repository_path(repo)) / "shallow");
    std::string line;
    while (std::getline(file, line))
      if (!line.empty()) roots.insert(line);
    return roots;
  }

  void walk() {
    if (walked) return;
    walked = true;
    git_oid head;
    if (git_reference_name_to_id(&head, repo, "HEAD") != 0) return;  // no commits yet
    std::set<std::string> roots = shallow_roots();
    std::map<std::string, size_t> index;
    std::vector<git_oid> pending{head};
    std::vector<std::pair<size_t, std::vector<git_oid>>> links;
    while (!pending.empty()) {
      git_oid oid = pending.back();
      pending.pop_back();
      std::string id = hex(&oid);
      if (index.count(id)) continue;
      Commit commit;
      if (git_commit_lookup(commit.out(), repo, &oid) != 0) {
        stopped_early = true;  // a parent that is not there: history ends here
        continue;
      }
      index[id] = nodes.size();
      Node node;
      node.oid = oid;
      node.info = info_of(commit.get());
      node.time = static_cast<long long>(git_commit_time(commit.get()));
      std::vector<git_oid> parents;
      if (roots.count(id)) {
        stopped_early = stopped_early || git_commit_parentcount(commit.get()) > 0;
      } else {
        for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i) {
          parents.push_back(*git_commit_parent_id(commit.get(), i));
          pending.push_back(parents.back());
        }
      }
      links.push_back({nodes.size(), parents});
      nodes.push_back(std::move(node));
    }
    for (auto& [n, parents] : links)
      for (const git_oid& p : parents)
        if (auto it = index.find(hex(&p)); it != index.end()) nodes[n].parents.push_back(it->second);
    // Kahn's algorithm: a commit comes after all its children; among those ready, the
    // newest (then the larger id) first. Deterministic whatever the walk order was.
    std::vector<size_t> children(nodes.size(), 0);
    for (const Node& node : nodes)
      for (size_t p : node.parents) ++children[p];
    auto later = [&](size_t a, size_t b) {
      return std::tie(nodes[a].time, nodes[a].info.id) < std::tie(nodes[b].time, nodes[b].info.id);
    };
    std::priority_queue<size_t, std::vector<size_t>, decltype(later)> ready(later);
    for (size_t i = 0; i < nodes.size(); ++i)
      if (children[i] == 0) ready.push(i);
    std::vector<size_t> order;
    while (!ready.empty()) {
      size_t n = ready.top();
      ready.pop();
      order.push_back(n);
      for (size_t p : nodes[n].parents)
        if (--children[p] == 0) ready.push(p);
    }
    std::vector<size_t> position(nodes.size());
    for (size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
    std::vector<Node> sorted;
    sorted.reserve(nodes.size());
    for (size_t n : order) sorted.push_back(nodes[n]);
    for (Node& node : sorted)
      for (size_t& p : node.parents) p = position[p];
    nodes = std::move(sorted);
  }

  std::optional<std::string> blob_at(const git_oid& commit_id, const std::string& path) {
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

  // Renames between two trees: new path -> old path.
  std::map<std::string, std::string> renames_between(const git_oid& from_id, const git_oid& to_id) {
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

  // The path `path` had in `parent`, when `commit` renamed it (or nullopt).
  std::optional<std::string> renamed_from(const git_oid& parent_id, const git_oid& commit_id, const std::string& path) {
    Commit parent, commit;
    Tree old_tree, new_tree;
    Diff diff;
    if (git_commit_lookup(parent.out(), repo, &parent_id) != 0 ||
        git_commit_lookup(commit.out(), repo, &commit_id) != 0 || git_commit_tree(old_tree.out(), parent.get()) != 0 ||
        git_commit_tree(new_tree.out(), commit.get()) != 0 ||
        git_diff_tree_to_tree(diff.out(), repo, old_tree.get(), new_tree.get(), nullptr) != 0)
      return std::nullopt;
    git_diff_find_options options;
    git_diff_find_options_init(&options, GIT_DIFF_FIND_OPTIONS_VERSION);  // clang: the INIT macro leaves fields out
    options.flags = GIT_DIFF_FIND_RENAMES;
    if (git_diff_find_similar(diff.get(), &options) != 0) return std::nullopt;
    for (size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
      const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
      if (delta->status == GIT_DELTA_RENAMED && path == delta->new_file.path) return std::string(delta->old_file.path);
    }
    return std::nullopt;
  }

  git_oid resolve_oid(const std::string& revision, CommitInfo* info) {
    Object object, peeled;
    if (git_revparse_single(object.out(), repo, revision.c_str()) != 0 ||
        git_object_peel(peeled.out(), object.get(), GIT_OBJECT_COMMIT) != 0)
      throw Error(fmt::format("unknown revision '{}'{}", revision,
                              git_repository_is_shallow(repo) == 1
                                  ? "; this is a shallow clone, so older commits are missing: fetch them with "
                                    "git fetch --unshallow"
                                  : ""));
    auto* commit = reinterpret_cast<git_commit*>(peeled.get());
    if (info) *info = info_of(commit);
    return *git_commit_id(commit);
  }
};

GitRepository::GitRepository(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GitRepository::~GitRepository() = default;

std::unique_ptr<GitRepository> GitRepository::open(const std::string& path) {
  ensure_library();
  auto impl = std::make_unique<Impl>();
  std::error_code ec;
  fs::path start = fs::absolute(path, ec);
  if (!fs::is_directory(start, ec)) start = start.parent_path();
  int rc = git_repository_open_ext(&impl->repo, start.string().c_str(), 0, nullptr);
  if (rc != 0) {
    std::string message = last_error();
    if (message.find("not owned by current user") != std::string::npos ||
        message.find("safe.directory") != std::string::npos) {
      // libgit2 1.5 says only "config value 'safe.directory' was not found": find the
      // repository's root (the nearest folder holding .git) to name it.
      std::string where = start.string();
      for (fs::path dir = start;; dir = dir.parent_path()) {
        if (fs::exists(dir / ".git", ec)) {
          where = dir.string();
          break;
        }
        if (dir == dir.parent_path()) break;
      }
      while (where.size() > 1 && where.back() == '/') where.pop_back();
      throw Error(
          fmt::format("the git repository at '{}' belongs to another user, so git refuses to read it; "
                      "if you trust it, run: git config --global --add safe.directory '{}'",
                      where, where));
    }
    if (rc == GIT_ENOTFOUND)
      throw Error(
          fmt::format("'{}' is not inside a git repository; this command reads the plans' history "
                      "from git (git init, git add, git commit)",
                      path));
    throw Error(fmt::format("cannot open the git repository holding '{}': {}", path, message));
  }
  const char* workdir = git_repository_workdir(impl->repo);
  if (!workdir) throw Error(fmt::format("the git repository holding '{}' has no working tree", path));
  impl->workdir = fs::weakly_canonical(workdir, ec).string();
  while (impl->workdir.size() > 1 && impl->workdir.back() == '/') impl->workdir.pop_back();
  return std::unique_ptr<GitRepository>(new GitRepository(std::move(impl)));
}

const std::string& GitRepository::workdir() const { return impl_->workdir; }

std::string GitRepository::relative_path(const std::string& file) const {
  std::error_code ec;
  fs::path full = fs::weakly_canonical(fs::absolute(file, ec), ec);
  fs::path relative = full.lexically_relative(impl_->workdir);
  std::string out = relative.generic_string();
  if (out.empty() || out.rfind("..", 0) == 0)
    throw Error(fmt::format("'{}' is outside the git repository at '{}'", file, impl_->workdir));
  return out;
}

bool GitRepository::shallow() const { return git_repository_is_shallow(impl_->repo) == 1; }

bool GitRepository::truncated() {
  impl_->walk();
  return impl_->stopped_early;
}

std::vector<FileVersion> GitRepository::file_history(const std::string& path) {
  impl_->walk();
  std::vector<FileVersion> versions;
  std::string current = path;
  for (const Impl::Node& node : impl_->nodes) {
    std::optional<std::string> blob = impl_->blob_at(node.oid, current);
    if (!blob) continue;
    bool changed = true;
    bool any_parent_has_it = false;
    for (size_t p : node.parents) {
      std::optional<std::string> before = impl_->blob_at(impl_->nodes[p].oid, current);
      any_parent_has_it = any_parent_has_it || before.has_value();
      if (before == blob) changed = false;
    }
    if (!changed) continue;
    versions.push_back({node.info, current, *blob});
    if (!any_parent_has_it && !node.parents.empty())
      if (auto old = impl_->renamed_from(impl_->nodes[node.parents.front()].oid, node.oid, current)) current = *old;
  }
  return versions;
}

std::string GitRepository::read_blob(const std::string& blob) {
  git_oid oid;
  Blob object;
  if (git_oid_fromstr(&oid, blob.c_str()) != 0 || git_blob_lookup(object.out(), impl_->repo, &oid) != 0)
    throw Error(fmt::format("cannot read git object {}: {}", blob, last_error()));
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
  if (rc != 0) throw Error(fmt::format("cannot read git object {}: {}", blob, last_error()));
  return size;
}

CommitInfo GitRepository::resolve(const std::string& revision) {
  CommitInfo info;
  impl_->resolve_oid(revision, &info);
  return info;
}

bool GitRepository::is_revision(const std::string& text) {
  try {
    impl_->resolve_oid(text, nullptr);
    return true;
  } catch (const Error&) {
    return false;
  }
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
    throw Error(fmt::format("cannot read the files of revision '{}': {}", revision, last_error()));
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
