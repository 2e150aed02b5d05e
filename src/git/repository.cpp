// Opening a repository, its paths, and revisions.
#include "bvplan/git/repository.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "bvplan/core/diagnostic.hpp"
#include "libgit2.hpp"

namespace bvplan {

namespace fs = std::filesystem;

namespace {

struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
};

Date commit_date(const git_commit* commit) {
  long long seconds = static_cast<long long>(git_commit_time(commit)) + 60LL * git_commit_time_offset(commit);
  return date_from_unix(seconds);
}

// libgit2 1.5 says only "config value 'safe.directory' was not found": find the
// repository's root (the nearest folder holding .git) to name it.
[[noreturn]] void throw_not_owned(const fs::path& start) {
  std::error_code ec;
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

}  // namespace

void ensure_libgit2() { static Library library; }

std::string last_git_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown libgit2 error";
}

std::string hex(const git_oid* oid) {
  char buffer[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buffer, sizeof buffer, oid);
  return buffer;
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

git_oid GitRepository::Impl::resolve_oid(const std::string& revision, CommitInfo* info) {
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

GitRepository::GitRepository(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GitRepository::~GitRepository() = default;

std::unique_ptr<GitRepository> GitRepository::open(const std::string& path) {
  ensure_libgit2();
  auto impl = std::make_unique<Impl>();
  std::error_code ec;
  fs::path start = fs::absolute(path, ec);
  if (!fs::is_directory(start, ec)) start = start.parent_path();
  int rc = git_repository_open_ext(&impl->repo, start.string().c_str(), 0, nullptr);
  if (rc != 0) {
    std::string message = last_git_error();
    if (message.find("not owned by current user") != std::string::npos ||
        message.find("safe.directory") != std::string::npos)
      throw_not_owned(start);
    if (rc == GIT_ENOTFOUND)
      throw NotInRepository(
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

std::string libgit2_version() {
  return fmt::format("{}.{}.{}", LIBGIT2_VER_MAJOR, LIBGIT2_VER_MINOR, LIBGIT2_VER_REVISION);
}

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

}  // namespace bvplan
