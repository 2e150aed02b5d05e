// --baseline and --compare: each plan's version at a revision, set into its figures as
// data (the version, the changes since, or why there is none); formats say it in words.
#include <algorithm>
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
  MissingVersion missing;  // why there is no plan
};

// The plan at `path` (now `shown`) as it was at `at`; says why there is none.
Then plan_at(RevisionPlans& at, GitRepository& repo, const std::string& path, const PlanFigures& figures,
             const std::string& shown, const char* consequence, const MessageSink& messages) {
  const CommitInfo& commit = at.commit();
  Then out;
  out.file = at.find(path, figures.plan->id, out.missing);
  if (!out.file) {
    messages(fmt::format("bvplan: note: {}: {}, so {}\n", shown, describe(out.missing, at.version()), consequence));
    return out;
  }
  CheckedPlan plan = at.load(
      *out.file, OwnersRegister{figures.owners ? *figures.owners : Owners{}, figures.plan->year_start}, commit.date);
  if (!plan.plan || plan.has_errors()) {
    out.missing = MissingVersion{MissingVersion::Why::had_errors, figures.plan->id, "", ""};
    messages(fmt::format("bvplan: warning: {} has errors at {} ({}); nothing to compare with\n",
                         shown_path(repo, out.file->path), at.revision(), commit.short_id));
    return out;
  }
  out.plan = std::move(plan);
  return out;
}

void add_baseline(PlanFigures& figures, RevisionPlans& at, GitRepository& repo, const std::string& path,
                  const std::string& shown, const MessageSink& messages) {
  Baseline& baseline = figures.baseline.emplace(Baseline{at.version(), std::nullopt, {}});
  Then then = plan_at(at, repo, path, figures, shown, "it has no baseline", messages);
  if (!then.plan) {
    baseline.missing = then.missing;
    return;
  }
  const Plan& old = *then.plan->plan;
  apply_baseline(figures, old);
  if (then.file->path != path)
    baseline.changes.push_back(file_moved(figures.plan->id, shown_path(repo, then.file->path), shown));
  std::vector<PlanChange> changes = diff_plans(old, *figures.plan);
  baseline.changes.insert(baseline.changes.end(), changes.begin(), changes.end());
}

void add_comparison(PlanFigures& figures, RevisionPlans& at, GitRepository& repo, const std::string& path,
                    const std::string& shown, const MessageSink& messages) {
  const CommitInfo& commit = at.commit();
  figures.compared_with = at.version();
  Then then = plan_at(at, repo, path, figures, shown, "it is shown as new", messages);
  if (!then.plan) {
    figures.direction = Direction::added;
    for (ActionFigures& a : figures.actions) a.direction = Direction::added;
    return;
  }
  const Plan& old = *then.plan->plan;
  // The version as of its commit date, the report it stood for; never later than this
  // report's date (a plan committed after the event would otherwise look far behind).
  Date when = std::min(commit.date, figures.as_of);
  PlanFigures earlier = compute_plan(old, when, cadence_window(shortest_cadence(old), when), figures.owners);
  apply_comparison(figures, earlier);
}

}  // namespace

void apply_baseline_and_comparison(FigureSet& figures, const RevisionOptions& options, const MessageSink& messages) {
  if (options.baseline.empty() && options.compare.empty()) return;
  auto repo = open_repository(figures.paths);
  std::optional<RevisionPlans> baseline, compare;
  if (!options.baseline.empty()) baseline.emplace(*repo, options.baseline, options.max_file_size, messages);
  if (!options.compare.empty()) compare.emplace(*repo, options.compare, options.max_file_size, messages);
  // A plan brought into git after the fact: its versions are dated when they were committed.
  auto after_the_date = [&](const RevisionPlans& at, const char* option) {
    if (at.commit().date <= figures.as_of) return;
    messages(fmt::format(
        "bvplan: note: {} {} was committed on {}, after the date reported on ({}); the paper calls it the plan "
        "as committed that day. If the plan came into git later than its progress, the dates of its own "
        "updates are its record: 'bvplan history --source plan'\n",
        option, at.revision(), to_long(at.commit().date), to_long(figures.as_of)));
  };
  if (baseline) after_the_date(*baseline, "--baseline");
  if (compare) after_the_date(*compare, "--compare");
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
