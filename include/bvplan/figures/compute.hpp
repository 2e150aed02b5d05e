// Plan model plus an as-of date to figures: target against actual, RAG, slippage, money.
// Pure: the same plan and date give the same figures. Every formula is documented in
// man/bvplan.1 (FIGURES) in the same words.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/core/number.hpp"
#include "bvplan/core/period.hpp"
#include "bvplan/figures/measures.hpp"
#include "bvplan/figures/rag.hpp"
#include "bvplan/figures/risks.hpp"
#include "bvplan/model/change.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

enum class State { not_started, in_progress, overdue, complete, deferred, cancelled };
enum class MilestoneState { pending, done, overdue };

const char* to_string(State state);
const char* to_string(MilestoneState state);

// Direction of travel against an earlier evaluation, by performance ratio; `unrated` when
// either evaluation has no figures (every action deferred or cancelled).
enum class Direction { improved, same, worse, added, unrated };
const char* to_string(Direction direction);

// Staff time logged against the effort planned. An action's days are its latest staff_days
// on or before the as-of date (0 when none); a key issue's and a plan's are the sums over
// their actions that count (not deferred or cancelled). `used` is 100 x days / effort,
// empty without effort days (or with 0 planned).
struct StaffTime {
  double days = 0;
  std::optional<double> effort;
  std::optional<double> used;
  // True when there is anything to show: effort planned or days logged.
  bool any() const { return effort.has_value() || days > 0; }
  void add(const StaffTime& other);
};
StaffTime staff_time(double days, std::optional<double> effort);

struct ActionFigures {
  const Action* action = nullptr;
  const KeyIssue* issue = nullptr;
  double target = 0;    // percent
  double actual = 0;    // percent
  double variance = 0;  // actual - target, percentage points
  State state = State::not_started;
  Rag rag = Rag::none;
  long days_late = 0;
  std::optional<Date> completed;
  std::optional<Date> forecast;
  bool forecast_after_latest = false;  // the pace so far would finish after 9999-12-31: no forecast date
  std::optional<long> forecast_slip;   // forecast - due, days
  std::optional<double> spent;
  std::optional<double> savings_delivered;
  std::optional<double> budget_used;  // percent of the action's budget
  StaffTime staff;
  const Update* latest = nullptr;  // latest update on or before the as-of date
  // With a baseline (report --baseline REV): the due date at REV and due now minus it.
  std::optional<Date> baseline_due;
  std::optional<long> baseline_slip;
  // With a comparison (--compare REV).
  std::optional<Direction> direction;
};

struct MilestoneFigures {
  const Milestone* milestone = nullptr;
  const Action* action = nullptr;
  MilestoneState state = MilestoneState::pending;
  long days_late = 0;
};

struct RagCounts {
  size_t green = 0, amber = 0, red = 0, complete = 0, none = 0;
  void add(Rag rag);
  void add(const RagCounts& other);
};

// A roll-up's target and actual are empty when no action counts (every one deferred or
// cancelled): "nothing to measure", never "0% done".
struct IssueFigures {
  const KeyIssue* issue = nullptr;
  std::optional<double> target;
  std::optional<double> actual;
  Rag rag = Rag::none;
  StaffTime staff;
};

// A plan as committed at a git revision (--baseline, --compare).
struct PlanVersion {
  std::string revision;  // as the user named it: HEAD~2, a tag, a commit id
  std::string short_id;  // the commit, abbreviated
  Date date;             // the commit's date
};

// Why a plan has no version at a revision to set its figures against.
struct MissingVersion {
  enum class Why { no_version, had_errors };
  Why why = Why::no_version;
  std::string plan;        // the plan's id
  std::string other_path;  // no_version: the file at the plan's path then ("" when none)...
  std::string other_plan;  // ...and the plan it held
};

// The plan's baseline: the version, and every change since it (the file's move first).
struct Baseline {
  PlanVersion version;
  std::optional<MissingVersion> missing;  // set: no changes can be listed
  std::vector<PlanChange> changes;
};

struct PlanFigures {
  const Plan* plan = nullptr;
  const Owners* owners = nullptr;  // every owner the plan may name, for their names
  Date as_of;
  DateRange window;              // updates dated inside it (both ends included) are "this period"
  std::optional<double> target;  // empty when no action counts, as in IssueFigures
  std::optional<double> actual;
  Rag rag = Rag::none;
  RagCounts counts;              // over the actions
  std::optional<double> budget;  // the plan's budget, or the sum of action budgets
  double spent = 0;
  std::optional<double> budget_used;
  StaffTime staff;
  std::optional<double> savings_target;  // the plan's, or the sum of action targets
  double savings_delivered = 0;
  std::vector<IssueFigures> issues;
  std::vector<ActionFigures> actions;        // in file order
  std::vector<MilestoneFigures> milestones;  // in file order
  std::vector<MeasureFigures> measures;      // in file order
  std::vector<RiskFigures> risks;            // in file order
  // With a baseline: the version it was, and every change since it.
  std::optional<Baseline> baseline;
  // With a comparison: the version compared with, and the plan's direction of travel.
  std::optional<PlanVersion> compared_with;
  std::optional<Direction> direction;
  // The next progress report due after the as-of date, and to whom (set by the caller).
  std::optional<Date> next_report;
  std::string next_report_body;
};

// Several plans at once: the weighted means over all their counted actions, and how many
// plans and actions stand at each RAG.
struct PortfolioFigures {
  std::optional<double> target;  // empty when no action counts
  std::optional<double> actual;
  RagCounts plans;
  RagCounts actions;
};
PortfolioFigures compute_portfolio(const std::vector<PlanFigures>& plans);

// Performance ratio: 100 x actual / target, or 100 when the target is 0.
double performance_ratio(double actual, double target);

// Sets each action's baseline_due and baseline_slip from the same action in `baseline`.
void apply_baseline(PlanFigures& figures, const Plan& baseline);
// Sets each action's and the plan's direction of travel against `earlier`: improved or
// worse when the performance ratio, rounded to a whole percent, went up or down.
void apply_comparison(PlanFigures& figures, const PlanFigures& earlier);

// Where `as_of` falls on an action's target curve: before its start, from its due date
// on, or between two points (linear). `explain` shows it; target_percent uses it.
struct TargetSegment {
  enum class Where { before_start, from_due, between } where = Where::before_start;
  Date from;
  double from_percent = 0;
  Date to;
  double to_percent = 0;
  double percent = 0;  // the target at as_of
};
TargetSegment target_segment(const Action& action, Date as_of);

// Target percent complete of `action` at `as_of` (see man/bvplan.1, FIGURES).
double target_percent(const Action& action, Date as_of);

// RAG for a performance ratio against the plan's thresholds.
Rag rag_for_ratio(double actual, double target, const RagThresholds& thresholds);

ActionFigures compute_action(const Action& action, const KeyIssue& issue, const Plan& plan, Date as_of);

// Figures for a plan that has no errors. `owners` (registers and the plan's own) gives
// renderers the owners' names; nullptr means the plan's own only.
PlanFigures compute_plan(const Plan& plan, Date as_of, DateRange window, const Owners* owners = nullptr);

// The window without --period: the shortest monitoring cadence ending at `as_of`.
DateRange cadence_window(Cadence cadence, Date as_of);

}  // namespace bvplan
