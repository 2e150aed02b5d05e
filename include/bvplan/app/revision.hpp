// The plans of one git revision, and finding a plan's version there.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bvplan/app/check.hpp"
#include "bvplan/app/plan_set.hpp"
#include "bvplan/figures/compute.hpp"
#include "bvplan/git/repository.hpp"
#include "bvplan/reports/diff.hpp"

namespace bvplan {

// The repository holding the first plan file (or the current folder).
std::unique_ptr<GitRepository> open_repository(const std::vector<std::string>& files);

// A path in the repository (relative to its root) as the user sees it: from the current folder.
std::string shown_path(const GitRepository& repo, const std::string& path);

// A plan's text from git (or anywhere) through load and validate, named `name`.
CheckedPlan check_text(std::string text, const std::string& name, const OwnersRegister& inherited, Date as_of);

// The plans of one git revision: its plan files, the id each declares (each read once),
// and a plan's version there, found by path, by following renames, or by id. A file over
// the size limit is not read; its finding goes to `messages` the first time.
class RevisionPlans {
public:
  RevisionPlans(GitRepository& repo, std::string revision, size_t max_bytes, MessageSink messages);

  const CommitInfo& commit() const { return commit_; }
  const std::string& revision() const { return revision_; }

  // "plans/x.yaml@abc1234": a file as it was at this revision, in messages.
  std::string name(const TreeFile& file) const;

  const std::vector<TreeFile>& files();

  // The plan file at this revision that holds plan `id`: the file at `path`, or at a path
  // it had before a rename (`renamed_from`), when it declares `id` or cannot be read as a
  // plan (its errors then speak for it); else the first plan file declaring `id`. An
  // empty `id` (the plan now cannot be read) matches by path only. When nothing
  // matches, the result says why (and what the file at the path holds).
  std::optional<TreeFile> find(const std::string& path, const std::string& id, MissingVersion& missing,
                               const std::string& renamed_from = "");

  // This revision as figures name it.
  PlanVersion version() const { return {revision_, commit_.short_id, commit_.date}; }

  // The plan in `file`, checked with `inherited` owners as of `as_of`; a file over the size
  // limit is not read: its finding is the plan's only one.
  CheckedPlan load(const TreeFile& file, const OwnersRegister& inherited, Date as_of);

  // The id the plan in `file` declares; nullopt when it cannot be read as a plan.
  std::optional<std::string> id_of(const TreeFile& file);

private:
  std::optional<Diagnostic> too_big(const TreeFile& file);

  GitRepository& repo_;
  std::string revision_;
  CommitInfo commit_;
  size_t max_bytes_;
  MessageSink messages_;
  std::optional<std::vector<TreeFile>> files_;
  std::map<std::string, std::optional<std::string>> ids_;  // blob -> plan id
  std::set<std::string> reported_;
};

// The plan's file moved (renamed, or deleted and added again elsewhere) between versions.
PlanChange file_moved(const std::string& id, const std::string& from, const std::string& to);

}  // namespace bvplan
