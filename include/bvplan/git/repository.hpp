// Reading a plan's own history from git, in-process with libgit2 (never by running git).
// Part of the command layer's view of the outside world: compute never sees it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"

namespace bvplan {

struct CommitInfo {
  std::string id;        // full hex id
  std::string short_id;  // first 7 characters
  Date date;             // the committer's date, in the committer's own time zone
  std::string summary;   // first line of the message
};

// One version of a file: a commit that changed it (its blob differs from every parent's).
struct FileVersion {
  CommitInfo commit;
  std::string path;  // the file's path in that commit (it may have been renamed since)
  std::string blob;  // blob id
};

// A file in a revision's tree.
struct TreeFile {
  std::string path;  // relative to the repository's root
  std::string blob;  // blob id
};

// The version of libgit2 bvplan was built with ("1.5.1").
std::string libgit2_version();

// Thrown by GitRepository::open when the path is in no git repository, so that a command
// with another way (history --source plan) can say so.
class NotInRepository : public Error {
public:
  using Error::Error;
};

class GitRepository {
public:
  // Opens the repository holding `path` (a file or folder). Throws Error with what to do:
  // not inside a repository; a repository owned by another user (safe.directory).
  static std::unique_ptr<GitRepository> open(const std::string& path);
  ~GitRepository();
  GitRepository(const GitRepository&) = delete;
  GitRepository& operator=(const GitRepository&) = delete;

  // The working tree's root (canonical, no trailing slash).
  const std::string& workdir() const;
  // `file` (as the user named it) relative to the repository's root, as git names it.
  std::string relative_path(const std::string& file) const;
  // True when the repository is a shallow clone.
  bool shallow() const;
  // True when a walk stopped at a shallow boundary or a missing commit.
  bool truncated();

  // The commits that changed `path`, newest first, following renames.
  std::vector<FileVersion> file_history(const std::string& path);
  // A blob's bytes.
  std::string read_blob(const std::string& blob);
  // A blob's size in bytes, read from its header (the blob itself is not loaded).
  size_t blob_size(const std::string& blob);

  // A revision (HEAD, a branch, a tag, an id, HEAD~2...). Throws Error when unknown.
  CommitInfo resolve(const std::string& revision);
  bool is_revision(const std::string& text);
  // The file's version at a revision: under `path`, or else under a path it had before a
  // rename (the paths file_history follows from HEAD). nullopt when neither is there.
  std::optional<TreeFile> file_entry_at(const std::string& revision, const std::string& path);
  // Every plan file in the revision's tree, sorted by path: *.yaml and *.yml, except
  // owners registers and anything in a hidden folder (as for folders on disk).
  std::vector<TreeFile> plan_files_at(const std::string& revision);
  // The files renamed from `from`'s tree to `to`'s (git_diff_find_similar): new path -> old.
  std::map<std::string, std::string> renames(const std::string& from, const std::string& to);
  // Whether the file on disk differs from its version at HEAD (or HEAD lacks it).
  bool differs_from_head(const std::string& path);

private:
  struct Impl;
  explicit GitRepository(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace bvplan
