#include <algorithm>

#include "bvplan/formats/measures.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/formats/risks.hpp"
#include "bvplan/formats/table.hpp"

namespace bvplan {

namespace {

std::string opt_number(const std::optional<double>& v) { return v ? format_number(*v) : ""; }
std::string opt_percent(const std::optional<double>& v) { return v ? format_percent(*v, 1) : ""; }
std::string opt_date(const std::optional<Date>& d) { return d ? to_iso(*d) : ""; }

// An action's target curve as a spreadsheet cell: "2004-03-31: 50; 2004-06-30: 100", the
// way `bvplan import` reads it back.
std::string targets_cell(const std::vector<TargetPoint>& targets) {
  std::string out;
  for (const TargetPoint& t : targets) {
    if (!out.empty()) out += "; ";
    out += to_iso(t.date) + ": " + format_number(t.percent);
  }
  return out;
}

std::string join_ids(const std::vector<Reference>& refs) {
  std::string out;
  for (const Reference& r : refs) out += (out.empty() ? "" : ";") + r.id;
  return out;
}

void write_plan_rows(Output& out, const std::vector<PlanFigures>& plans) {
  write_csv_row(out, {"plan", "title", "review", "lead", "target", "actual", "rag", "budget", "spent", "budget_used",
                      "staff_days", "effort_days", "staff_time_used", "savings_target", "savings_delivered", "as_of"});
  for (const PlanFigures& p : plans)
    write_csv_row(out, {csv_text(p.plan->id), csv_text(p.plan->title), csv_text(p.plan->review),
                        csv_text(p.plan->owner ? p.plan->owner->id : ""), opt_percent(p.target), opt_percent(p.actual),
                        to_string(p.rag), opt_number(p.budget), format_number(p.spent), opt_percent(p.budget_used),
                        format_number(p.staff.days), opt_number(p.staff.effort), opt_percent(p.staff.used),
                        opt_number(p.savings_target), format_number(p.savings_delivered), to_iso(p.as_of)});
}

void write_issue_rows(Output& out, const std::vector<PlanFigures>& plans) {
  write_csv_row(out, {"plan", "issue", "title", "target", "actual", "rag", "staff_days", "effort_days",
                      "staff_time_used", "as_of"});
  for (const PlanFigures& p : plans)
    for (const IssueFigures& i : p.issues)
      write_csv_row(out, {csv_text(p.plan->id), csv_text(i.issue->id), csv_text(i.issue->title), opt_percent(i.target),
                          opt_percent(i.actual), to_string(i.rag), format_number(i.staff.days),
                          opt_number(i.staff.effort), opt_percent(i.staff.used), to_iso(p.as_of)});
}

void write_action_rows(Output& out, const std::vector<PlanFigures>& plans) {
  bool baseline = std::any_of(plans.begin(), plans.end(), [](const PlanFigures& p) { return p.baseline.has_value(); });
  bool travel = std::any_of(plans.begin(), plans.end(), [](const PlanFigures& p) { return p.direction.has_value(); });
  std::vector<std::string> header{"plan",
                                  "issue",
                                  "action",
                                  "title",
                                  "lead",
                                  "support",
                                  "start",
                                  "due",
                                  "targets",
                                  "status",
                                  "state",
                                  "target",
                                  "actual",
                                  "variance",
                                  "rag",
                                  "days_late",
                                  "forecast",
                                  "forecast_slip",
                                  "budget",
                                  "spent",
                                  "budget_used",
                                  "staff_days",
                                  "effort_days",
                                  "staff_time_used",
                                  "savings_target",
                                  "savings_delivered",
                                  "last_update",
                                  "completed",
                                  "as_of"};
  if (baseline) header.insert(header.end(), {"baseline_due", "baseline_slip"});
  if (travel) header.push_back("direction");
  write_csv_row(out, header);
  for (const PlanFigures& p : plans)
    for (const ActionFigures& a : p.actions) {
      std::vector<std::string> row{csv_text(p.plan->id),
                                   csv_text(a.issue->id),
                                   csv_text(a.action->id),
                                   csv_text(a.action->title),
                                   csv_text(a.action->lead.id),
                                   csv_text(join_ids(a.action->support)),
                                   to_iso(a.action->start),
                                   to_iso(a.action->due),
                                   targets_cell(a.action->targets),
                                   to_string(a.action->status),
                                   to_string(a.state),
                                   format_percent(a.target, 1),
                                   format_percent(a.actual, 1),
                                   format_percent(a.variance, 1),
                                   to_string(a.rag),
                                   std::to_string(a.days_late),
                                   opt_date(a.forecast),
                                   a.forecast_slip ? std::to_string(*a.forecast_slip) : "",
                                   opt_number(a.action->budget),
                                   opt_number(a.spent),
                                   opt_percent(a.budget_used),
                                   format_number(a.staff.days),
                                   opt_number(a.staff.effort),
                                   opt_percent(a.staff.used),
                                   opt_number(a.action->savings_target),
                                   opt_number(a.savings_delivered),
                                   a.latest ? to_iso(a.latest->date) : "",
                                   opt_date(a.completed),
                                   to_iso(p.as_of)};
      if (baseline) {
        row.push_back(opt_date(a.baseline_due));
        row.push_back(a.baseline_slip ? std::to_string(*a.baseline_slip) : "");
      }
      if (travel) row.push_back(a.direction ? to_string(*a.direction) : "");
      write_csv_row(out, row);
    }
}

void write_milestone_rows(Output& out, const std::vector<PlanFigures>& plans) {
  write_csv_row(out, {"plan", "action", "milestone", "title", "due", "done", "state", "days_late", "as_of"});
  for (const PlanFigures& p : plans)
    for (const MilestoneFigures& m : p.milestones)
      write_csv_row(
          out, {csv_text(p.plan->id), csv_text(m.action->id), csv_text(m.milestone->id), csv_text(m.milestone->title),
                to_iso(m.milestone->due),
                opt_date(m.milestone->done && *m.milestone->done <= p.as_of ? m.milestone->done : std::nullopt),
                to_string(m.state), std::to_string(m.days_late), to_iso(p.as_of)});
}

}  // namespace

void render_csv(Output& out, const std::vector<PlanFigures>& plans, const CsvOptions& options) {
  if (options.bom) out.write("\xEF\xBB\xBF");
  switch (options.level) {
    case CsvLevel::plan: write_plan_rows(out, plans); break;
    case CsvLevel::issue: write_issue_rows(out, plans); break;
    case CsvLevel::action: write_action_rows(out, plans); break;
    case CsvLevel::milestone: write_milestone_rows(out, plans); break;
    case CsvLevel::measure: write_measure_rows(out, plans); break;
    case CsvLevel::risk: write_risk_rows(out, plans); break;
  }
}

std::string render_csv(const std::vector<PlanFigures>& plans, const CsvOptions& options) {
  return render_to_string([&](Output& out) { render_csv(out, plans, options); });
}

}  // namespace bvplan
