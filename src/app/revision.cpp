#include "bvplan/app/revision.hpp"

#include <fmt/format.h>

#include "bvplan/formats/findings.hpp"
#include "bvplan/io/workspace.hpp"

namespace bvplan {

std::unique_ptr<GitRepository> open_repository(const std::vector<std::string>& files) {
  for (const std::string& f : files)
    if (f != "-") return GitRepository::open(f);
  return GitRepository::open(".");
}

std::string shown_path(const GitRepository& repo, const std::string& path) {
  return path_from_current_folder(repo.workdir(), path);
}

CheckedPlan check_text(std::string text, const std::string& name, const OwnersRegister& inherited, Date as_of) {
  SourceFile source(name, std::move(text));
  return check_plan(source, inherited, as_of);
}

RevisionPlans::RevisionPlans(GitRepository& repo, std::string revision, size_t max_bytes, MessageSink messages)
    : repo_(repo),
      revision_(std::move(revision)),
      commit_(repo.resolve(revision_)),
      max_bytes_(max_bytes),
      messages_(std::move(messages)) {}

std::string RevisionPlans::name(const TreeFile& file) const {
  return shown_path(repo_, file.path) + "@" + commit_.short_id;
}

const std::vector<TreeFile>& RevisionPlans::files() {
  if (!files_) files_ = repo_.plan_files_at(revision_);
  return *files_;
}

std::optional<TreeFile> RevisionPlans::find(const std::string& path, const std::string& id, MissingVersion& missing,
                                            const std::string& renamed_from) {
  missing = MissingVersion{MissingVersion::Why::no_version, id, "", ""};
  std::optional<TreeFile> by_path;
  if (!renamed_from.empty()) {
    for (const TreeFile& f : files())
      if (f.path == renamed_from) by_path = f;
  }
  if (!by_path) by_path = repo_.file_entry_at(revision_, path);
  if (by_path) {
    std::optional<std::string> then = id_of(*by_path);
    if (id.empty() || !then || *then == id) return by_path;
    missing.other_path = shown_path(repo_, by_path->path);
    missing.other_plan = *then;
  }
  if (id.empty()) return std::nullopt;
  for (const TreeFile& f : files())
    if (std::optional<std::string> then = id_of(f); then && *then == id) return f;
  return std::nullopt;
}

CheckedPlan RevisionPlans::load(const TreeFile& file, const OwnersRegister& inherited, Date as_of) {
  if (std::optional<Diagnostic> big = too_big(file)) {
    CheckedPlan out;
    out.diagnostics.push_back(*big);
    return out;
  }
  return check_text(repo_.read_blob(file.blob), name(file), inherited, as_of);
}

std::optional<std::string> RevisionPlans::id_of(const TreeFile& file) {
  if (auto it = ids_.find(file.blob); it != ids_.end()) return it->second;
  std::optional<std::string> id;
  if (!too_big(file)) {
    CheckedPlan plan = check_text(repo_.read_blob(file.blob), name(file), {}, commit_.date);
    if (plan.plan && !plan.plan->id.empty()) id = plan.plan->id;
  }
  ids_.emplace(file.blob, id);
  return id;
}

std::optional<Diagnostic> RevisionPlans::too_big(const TreeFile& file) {
  size_t size = repo_.blob_size(file.blob);
  if (size <= max_bytes_) return std::nullopt;
  Diagnostic finding = too_big_finding(name(file), size, max_bytes_);
  if (reported_.insert(file.path).second)
    messages_(render_findings_text({finding}, [](const std::string&) { return nullptr; }));
  return finding;
}

PlanChange file_moved(const std::string& id, const std::string& from, const std::string& to) {
  return {"plan-changed", "plan", id, "file", from, to, std::nullopt, ""};
}

}  // namespace bvplan
