#include "bvplan/app/diff.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "bvplan/app/revision.hpp"

namespace bvplan {

namespace {

// One side of a diff: a plan file and the plan in it (when it could be read).
struct DiffSide {
  std::string path;   // relative to the repository's root
  std::string shown;  // as in messages and the output
  std::optional<CheckedPlan> checked;
  std::string id() const { return checked && checked->plan ? checked->plan->id : ""; }
};

// The parts of the repository asked about: a file itself, or everything in a folder.
struct Scope {
  std::vector<std::string> paths;
  bool contains(const std::string& path) const {
    for (const std::string& s : paths)
      if (s == "." || path == s ||
          (path.size() > s.size() && path.compare(0, s.size(), s) == 0 && path[s.size()] == '/'))
        return true;
    return false;
  }
};

// The plans in the working tree.
std::vector<DiffSide> working_tree(GitRepository& repo, const DiffRequest& request, OwnerRegisters& registers,
                                   Date as_of) {
  std::vector<DiffSide> out;
  for (const std::string& file : request.files) {
    if (file == "-") continue;
    std::optional<Diagnostic> too_big;
    SourceFile source = read_source_file(file, request.max_file_size, too_big);
    DiffSide side{repo.relative_path(file), file, CheckedPlan{}};
    if (too_big)
      side.checked->diagnostics.push_back(*too_big);
    else
      side.checked = check_plan(source, registers.for_plan(file), as_of);
    out.push_back(std::move(side));
  }
  return out;
}

// The plans in scope in a revision's tree, except those in `skip`.
std::vector<DiffSide> tree_plans(GitRepository& repo, RevisionPlans& at, const Scope& scope, OwnerRegisters& registers,
                                 Date as_of, const std::set<std::string>& skip = {}) {
  std::vector<DiffSide> out;
  for (const TreeFile& f : at.files())
    if (scope.contains(f.path) && !skip.count(f.path)) {
      std::string shown = shown_path(repo, f.path);
      out.push_back({f.path, shown, at.load(f, registers.for_plan(shown), as_of)});
    }
  return out;
}

// Each newer plan's earlier version, by path, renames or id; `matched` gets their paths.
std::vector<std::optional<DiffSide>> earlier_versions(GitRepository& repo, RevisionPlans& from,
                                                      const std::vector<DiffSide>& after,
                                                      const std::map<std::string, std::string>& renames,
                                                      OwnerRegisters& registers, Date as_of,
                                                      std::set<std::string>& matched) {
  std::vector<std::optional<DiffSide>> before(after.size());
  for (size_t i = 0; i < after.size(); ++i) {
    MissingVersion missing;
    auto renamed = renames.find(after[i].path);
    std::optional<TreeFile> f =
        from.find(after[i].path, after[i].id(), missing, renamed == renames.end() ? "" : renamed->second);
    if (!f || !matched.insert(f->path).second) continue;
    std::string shown = shown_path(repo, f->path);
    before[i] = DiffSide{f->path, shown, from.load(*f, registers.for_plan(after[i].shown), as_of)};
  }
  return before;
}

// The diff of one plan present on the newer side (added, or changed since `before`).
PlanDiff plan_diff(const std::optional<DiffSide>& before, const DiffSide& after) {
  const Plan& plan = *after.checked->plan;
  PlanDiff diff{plan.id, plan.title, after.shown, plan.currency, PlanDiff::Presence::added, {}, {}};
  if (!before) return diff;
  const Plan& old = *before->checked->plan;
  diff.presence = PlanDiff::Presence::both;
  if (before->path != after.path) diff.changes.push_back(file_moved(plan.id, before->shown, after.shown));
  std::vector<PlanChange> changes = diff_plans(old, plan);
  diff.changes.insert(diff.changes.end(), changes.begin(), changes.end());
  diff.progress = diff_progress(old, plan);
  return diff;
}

}  // namespace

PlanDiffs diff_revisions(GitRepository& repo, const DiffRequest& request, const MessageSink& messages) {
  Scope scope;
  for (const std::string& p : request.scope) scope.paths.push_back(repo.relative_path(p));
  const std::vector<std::string>& revisions = request.revisions;
  RevisionPlans from(repo, revisions.empty() ? "HEAD" : revisions[0], request.max_file_size, messages);
  std::optional<RevisionPlans> to;
  if (revisions.size() > 1) to.emplace(repo, revisions[1], request.max_file_size, messages);
  PlanDiffs out;
  out.from = DiffEnd{from.revision(), from.commit().id, from.commit().date};
  if (to) out.to = DiffEnd{to->revision(), to->commit().id, to->commit().date};
  out.registers = OwnerRegisters(request.max_file_size);
  if (!request.owners_file.empty()) out.registers.set_explicit(request.owners_file);
  Date as_of = from.commit().date;  // only warnings depend on it, and diff shows none

  // The newer side: the plans in the working tree, or in the second revision's tree; then
  // their earlier versions, and the rest of the earlier plans in scope were removed.
  std::vector<DiffSide> after =
      to ? tree_plans(repo, *to, scope, out.registers, as_of) : working_tree(repo, request, out.registers, as_of);
  std::map<std::string, std::string> renames;
  if (to) renames = repo.renames(from.revision(), to->revision());
  std::set<std::string> matched;
  std::vector<std::optional<DiffSide>> before =
      earlier_versions(repo, from, after, renames, out.registers, as_of, matched);
  std::vector<DiffSide> removed = tree_plans(repo, from, scope, out.registers, as_of, matched);

  auto broken = [&](const std::optional<DiffSide>& side, const std::string& where) {
    if (!side || (side->checked->plan && !side->checked->has_errors())) return false;
    messages(fmt::format("bvplan: error: '{}' has errors in {}; run bvplan check on it\n", side->shown, where));
    out.errors = true;
    return true;
  };
  std::string newer = to ? to->revision() : "the working tree";
  for (size_t i = 0; i < after.size(); ++i)
    if (!broken(before[i], from.revision()) && !broken(after[i], newer))
      out.diffs.push_back(plan_diff(before[i], after[i]));
  for (const DiffSide& side : removed) {
    if (broken(side, from.revision())) continue;
    const Plan& plan = *side.checked->plan;
    out.diffs.push_back({plan.id, plan.title, side.shown, plan.currency, PlanDiff::Presence::removed, {}, {}});
  }
  return out;
}

}  // namespace bvplan
