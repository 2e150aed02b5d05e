// libFuzzer target: bytes taken as a plan and, when it checks without errors (as `report`
// would insist), every figure and every rendering of it at several as-of dates: status,
// the committee paper (one plan and a portfolio of two), CSV at each level, JSON, explain
// for every id, workload, savings, calendar (.ics too), history, diff and the charts. Every JSON output
// must be valid JSON. See scripts/fuzz.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bvplan/app/check.hpp"
#include "bvplan/figures/compute.hpp"
#include "bvplan/formats/charts.hpp"
#include "bvplan/formats/diff.hpp"
#include "bvplan/formats/history.hpp"
#include "bvplan/formats/portfolio.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/reports/diff.hpp"
#include "bvplan/reports/history.hpp"
#include "bvplan/reports/portfolio.hpp"
#include "fuzz_support.hpp"

using namespace bvplan;

namespace {

// Figures as `report --as-of` computes them, next report included.
PlanFigures figures_at(const CheckedPlan& checked, Date as_of) {
  const Plan& plan = *checked.plan;
  PlanFigures figures = compute_plan(plan, as_of, cadence_window(shortest_cadence(plan), as_of), &checked.owners);
  if (auto next = next_report(plan, as_of)) {
    figures.next_report = next->date;
    figures.next_report_body = next->body;
  }
  return figures;
}

// `step` is the workload's period: by month once per input, by quarter at the other dates.
void render_all(const CheckedPlan& checked, Date as_of, const CheckedPlan& earlier_checked, HistoryStep step) {
  const Plan& plan = *checked.plan;
  PlanFigures figures = figures_at(checked, as_of);
  PlanFigures earlier = figures_at(earlier_checked, plan.start);
  apply_baseline(figures, *earlier_checked.plan);
  figures.baseline =
      Baseline{PlanVersion{"HEAD~2", "0123456", plan.start}, std::nullopt, diff_plans(*earlier_checked.plan, plan)};
  apply_comparison(figures, earlier);
  figures.compared_with = PlanVersion{"HEAD~1", "89abcde", plan.start};
  earlier.baseline = Baseline{PlanVersion{"v1", "0123456", plan.start},
                              MissingVersion{MissingVersion::Why::no_version, plan.id, "a.yaml", "other"},
                              {}};
  std::vector<PlanFigures> one{figures};
  std::vector<PlanFigures> two{figures, earlier};

  for (bool color : {false, true}) render_status(two, StatusOptions{color});
  render_markdown(one, MarkdownOptions{true, {}, {}});
  render_markdown(two, MarkdownOptions{false, compute_savings(two),
                                       compute_savings_by_year(two, fuzz::fixed_as_of(), plan.year_start)});
  for (CsvLevel level :
       {CsvLevel::plan, CsvLevel::issue, CsvLevel::action, CsvLevel::milestone, CsvLevel::measure, CsvLevel::risk})
    render_csv(one, CsvOptions{level, level == CsvLevel::plan});
  fuzz::require_json(render_json(two, figures.as_of, figures.window), "render_json");
  render_explain(one, plan.id);
  render_explain(one, "no-such-id");
  for (const KeyIssue& issue : plan.issues) {
    render_explain(one, issue.id);
    for (const Action& action : issue.actions) {
      render_explain(one, action.id);
      for (const Milestone& milestone : action.milestones) render_explain(one, milestone.id);
    }
  }
  for (const Measure& measure : plan.measures) render_explain(one, measure.id);
  for (const Risk& risk : plan.risks) render_explain(one, risk.id);

  std::vector<const Plan*> plans{&plan};
  Workload workload = compute_workload(plans, checked.owners, as_of, periods_between(plan.start, plan.end, step));
  workload_findings(workload);
  render_workload_markdown(workload);
  render_workload_csv(workload);
  fuzz::require_json(render_workload_json(workload), "render_workload_json");
  Savings savings = compute_savings(two);
  savings.as_of = as_of;
  render_savings_markdown(savings);
  render_savings_csv(savings);
  fuzz::require_json(render_savings_json(savings), "render_savings_json");
  if (step == HistoryStep::month) {  // once per input: the calendar does not depend on the date
    Calendar calendar = compute_calendar(plans, std::nullopt, std::nullopt);
    render_calendar_markdown(calendar);
    render_calendar_csv(calendar);
    fuzz::require_json(render_calendar_json(calendar), "render_calendar_json");
    render_calendar_ics(calendar, as_of);
  }

  // `history` evaluates the plan at each quarter end its git history spans: two years here.
  std::vector<HistoryPoint> points;
  Date since = std::max(plan.start, as_of.plus_days(-730));
  for (Date end : period_ends(since, std::max(since, as_of), HistoryStep::quarter))
    points.push_back(history_point(figures_at(checked, end), "0123456"));
  points.push_back(history_point(figures, "89abcde"));
  render_history_markdown(points);
  render_history_csv(points);
  fuzz::require_json(render_history_json(points), "render_history_json");
  render_history_svg(points);
  gantt_svg(figures);
  gantt_svg(two);
  gantt_svgs(figures);
  rag_summary_svg(figures);
}

void render_diffs(const Plan& before, const Plan& after) {
  DiffEnd from{"HEAD~1", "0123456789abcdef0123456789abcdef01234567", before.start};
  DiffEnd to{"HEAD", "89abcdef0123456789abcdef0123456789abcdef", after.end};
  std::vector<PlanDiff> diffs;
  for (auto presence : {PlanDiff::Presence::both, PlanDiff::Presence::added, PlanDiff::Presence::removed}) {
    PlanDiff diff;
    diff.id = after.id;
    diff.title = after.title;
    diff.file = after.file;
    diff.currency = after.currency;
    diff.presence = presence;
    diffs.push_back(std::move(diff));
  }
  diffs[0].changes = diff_plans(before, after);
  for (const PlanChange& change : diffs[0].changes) describe(change, after.currency);
  diffs[0].progress = diff_progress(before, after);
  for (const ProgressReport& report : diffs[0].progress) describe(report);
  PlanDiff backwards = diffs[0];
  backwards.changes = diff_plans(after, before);
  diffs.push_back(std::move(backwards));
  render_diff_markdown(diffs, from, to);
  fuzz::require_json(render_diff_json(diffs, from, std::nullopt), "render_diff_json");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    SourceFile source("plan.yaml", text);
    CheckedPlan first = check_plan(source, fuzz::register_owners(), fuzz::fixed_as_of());
    if (!first.plan) return 0;
    const Plan& plan = *first.plan;
    // Work and output grow with the plan's span (workload, calendar: a 1000-year plan takes
    // seconds here, and `check` time and memory grow as actions x quarters: reported in
    // issue 8's fuzzing note). Kept to plans of up to 50 years, so runs find other things.
    if (plan.end.days_since(plan.start) > 50 * 366) return 0;
    HistoryStep step = HistoryStep::month;  // the first clean date also renders by month
    if (!first.has_errors()) {
      // Against itself, and against itself without key issues: everything added or removed.
      Plan empty = plan;
      empty.issues.clear();
      render_diffs(empty, plan);
      render_diffs(plan, plan);
      render_all(first, fuzz::fixed_as_of(), first, step);
      step = HistoryStep::quarter;
    }
    // `report --as-of` at the plan's own dates: only those it checks cleanly at.
    const Date middle = plan.start.plus_days(plan.end.days_since(plan.start) / 2);
    for (Date as_of : {plan.start, middle, plan.end, plan.end.plus_days(400)}) {
      if (as_of == fuzz::fixed_as_of()) continue;
      SourceFile again("plan.yaml", text);
      CheckedPlan checked = check_plan(again, fuzz::register_owners(), as_of);
      if (!checked.plan || checked.has_errors()) continue;
      render_all(checked, as_of, first.has_errors() ? checked : first, step);
      step = HistoryStep::quarter;
    }
  } catch (const Error&) {
    // A stop with a message: what the command line reports and exits 2 on.
  }
  return 0;
}
