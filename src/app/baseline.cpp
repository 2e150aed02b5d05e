// --baseline and --compare. The prose written into PlanFigures here (`baseline`,
// `changes_since_baseline`, `compared_with`) is kept in this one file on purpose: it is
// to become data that the formats render.
#include <optional>

#include <fmt/format.h>

#include "bvplan/app/figures.hpp"
#include "bvplan/app/revision.hpp"
#include "bvplan/formats/diff.hpp"
#include "bvplan/reports/diff.hpp"

namespace bvplan {

namespace {

// A plan's version at one revision, for --baseline or --compare.
struct Then {
  std::optional<CheckedPlan> plan;  // absent: no version there, or it had errors
  std::optional<TreeFile> file;
  std::string why;  // why there is no plan
};

// The plan at `path` (now `shown`) as it was at `at`; says why there is none.
Then plan_at(RevisionPlans& at, GitRepository& repo, const std::string& path, const PlanFigures& figures,
             const std::string& shown, const char* consequence, const MessageSink& messages) {
  const CommitInfo& commit = at.commit();
  Then out;
  std::string elsewhere;
  out.file = at.find(path, figures.plan->id, elsewhere);
  if (!out.file) {
    out.why = no_version(figures.plan->id, at, elsewhere);
    messages(fmt::format("bvplan: note: {}: {}, so {}\n", shown, out.why, consequence));
    return out;
  }
  CheckedPlan plan = at.load(*out.file, figures.owners ? *figures.owners : Owners{}, commit.date);
  if (!plan.plan || plan.has_errors()) {
    out.why = fmt::format("the plan had errors at {}, so nothing is compared with it", at.revision());
    messages(fmt::format("bvplan: warning: {} has errors at {} ({}); nothing to compare with\n",
                         shown_path(repo, out.file->path), at.revision(), commit.short_id));
    return out;
  }
  out.plan = std::move(plan);
  return out;
}

void add_baseline(PlanFigures& figures, RevisionPlans& at, GitRepository& repo, const std::string& path,
                  const std::string& shown, const MessageSink& messages) {
  const CommitInfo& commit = at.commit();
  figures.baseline = fmt::format("{} ({}, {})", at.revision(), commit.short_id, to_long(commit.date));
  Then then = plan_at(at, repo, path, figures, shown, "it has no baseline", messages);
  if (!then.plan) {
    figures.changes_since_baseline.push_back(then.why);
    return;
  }
  const Plan& old = *then.plan->plan;
  apply_baseline(figures, old);
  if (then.file->path != path)
    figures.changes_since_baseline.push_back(
        describe(file_moved(figures.plan->id, shown_path(repo, then.file->path), shown), ""));
  for (const PlanChange& change : diff_plans(old, *figures.plan))
    figures.changes_since_baseline.push_back(describe(change, figures.plan->currency));
}

void add_comparison(PlanFigures& figures, RevisionPlans& at, GitRepository& repo, const std::string& path,
                    const std::string& shown, const MessageSink& messages) {
  const CommitInfo& commit = at.commit();
  figures.compared_with = fmt::format("{} ({}, as of {})", at.revision(), commit.short_id, to_iso(commit.date));
  Then then = plan_at(at, repo, path, figures, shown, "it is shown as new", messages);
  if (!then.plan) {
    figures.direction = Direction::added;
    for (ActionFigures& a : figures.actions) a.direction = Direction::added;
    return;
  }
  const Plan& old = *then.plan->plan;
  PlanFigures earlier =
      compute_plan(old, commit.date, cadence_window(shortest_cadence(old), commit.date), figures.owners);
  apply_comparison(figures, earlier);
}

}  // namespace

void apply_baseline_and_comparison(FigureSet& figures, const RevisionOptions& options, const MessageSink& messages) {
  if (options.baseline.empty() && options.compare.empty()) return;
  auto repo = open_repository(figures.paths);
  std::optional<RevisionPlans> baseline, compare;
  if (!options.baseline.empty()) baseline.emplace(*repo, options.baseline, options.max_file_size, messages);
  if (!options.compare.empty()) compare.emplace(*repo, options.compare, options.max_file_size, messages);
  for (size_t i = 0; i < figures.plans.size(); ++i) {
    PlanFigures& plan = figures.plans[i];
    const std::string& file = figures.paths[i];
    if (file == "-") {
      messages(fmt::format("bvplan: warning: {} came from standard input; it has no git history to compare\n",
                           plan.plan->file));
      continue;
    }
    std::string path = repo->relative_path(file);
    if (baseline) add_baseline(plan, *baseline, *repo, path, file, messages);
    if (compare) add_comparison(plan, *compare, *repo, path, file, messages);
  }
}

}  // namespace bvplan
