#include "bvplan/core/period.hpp"
#include "bvplan/formats/diff.hpp"
#include "bvplan/formats/json.hpp"
#include "bvplan/formats/measures.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/formats/risks.hpp"

namespace bvplan {

namespace {

std::optional<std::string> number_text(const std::optional<double>& v) {
  return v ? std::optional(format_number(*v)) : std::nullopt;
}
std::string percent_number(double v) { return format_percent(v, 1); }
std::optional<std::string> percent_number(const std::optional<double>& v) {
  return v ? std::optional(format_percent(*v, 1)) : std::nullopt;
}
std::optional<std::string> date_text(const std::optional<Date>& d) {
  return d ? std::optional(to_iso(*d)) : std::nullopt;
}
std::optional<std::string> days_text(const std::optional<long>& days) {
  return days ? std::optional(std::to_string(*days)) : std::nullopt;
}

void write_staff(JsonWriter& json, const StaffTime& staff) {
  json.key("staff_days").number(format_number(staff.days)).key("effort_days").number_or_null(number_text(staff.effort));
  json.key("staff_time_used").number_or_null(percent_number(staff.used));
}

void write_issue(JsonWriter& json, const IssueFigures& f) {
  json.begin_object();
  json.key("id").string(f.issue->id).key("title").string(f.issue->title);
  json.key("target").number_or_null(percent_number(f.target)).key("actual").number_or_null(percent_number(f.actual));
  json.key("rag").string(to_string(f.rag));
  write_staff(json, f.staff);
  json.end_object();
}

void write_action(JsonWriter& json, const PlanFigures& p, const ActionFigures& a) {
  const Action& act = *a.action;
  json.begin_object();
  json.key("id").string(act.id).key("issue").string(a.issue->id).key("title").string(act.title);
  json.key("lead").string(act.lead.id).key("support").begin_array();
  for (const Reference& r : act.support) json.string(r.id);
  json.end_array();
  json.key("start").string(to_iso(act.start)).key("due").string(to_iso(act.due));
  json.key("targets").begin_array();
  for (const TargetPoint& t : act.targets)
    json.begin_object().key("date").string(to_iso(t.date)).key("percent").number(format_number(t.percent)).end_object();
  json.end_array();
  json.key("status").string(to_string(act.status)).key("state").string(to_string(a.state));
  json.key("target").number(percent_number(a.target)).key("actual").number(percent_number(a.actual));
  json.key("variance").number(percent_number(a.variance)).key("rag").string(to_string(a.rag));
  json.key("days_late").number(a.days_late).key("forecast").string_or_null(date_text(a.forecast));
  json.key("forecast_slip").number_or_null(days_text(a.forecast_slip));
  json.key("budget").number_or_null(number_text(act.budget)).key("spent").number_or_null(number_text(a.spent));
  json.key("budget_used").number_or_null(percent_number(a.budget_used));
  write_staff(json, a.staff);
  json.key("savings_target").number_or_null(number_text(act.savings_target));
  json.key("savings_delivered").number_or_null(number_text(a.savings_delivered));
  json.key("last_update").string_or_null(a.latest ? date_text(a.latest->date) : std::nullopt);
  json.key("completed").string_or_null(date_text(a.completed));
  if (p.baseline) {
    json.key("baseline_due").string_or_null(date_text(a.baseline_due));
    json.key("baseline_slip").number_or_null(days_text(a.baseline_slip));
  }
  if (p.direction)
    json.key("direction")
        .string_or_null(a.direction ? std::optional<std::string>(to_string(*a.direction)) : std::nullopt);
  json.end_object();
}

void write_milestone(JsonWriter& json, const PlanFigures& p, const MilestoneFigures& m) {
  json.begin_object();
  json.key("id").string(m.milestone->id).key("action").string(m.action->id).key("title").string(m.milestone->title);
  json.key("due").string(to_iso(m.milestone->due));
  json.key("done").string_or_null(
      date_text(m.milestone->done && *m.milestone->done <= p.as_of ? m.milestone->done : std::nullopt));
  json.key("state").string(to_string(m.state)).key("days_late").number(m.days_late);
  json.end_object();
}

void write_plan(JsonWriter& json, const PlanFigures& p) {
  const JsonLayout element_lines{true, 2, false};
  json.begin_object();
  json.key("id").string(p.plan->id).key("title").string(p.plan->title).key("file").string(p.plan->file);
  json.key("target").number_or_null(percent_number(p.target)).key("actual").number_or_null(percent_number(p.actual));
  json.key("rag").string(to_string(p.rag)).key("budget").number_or_null(number_text(p.budget));
  json.key("spent").number(format_number(p.spent)).key("budget_used").number_or_null(percent_number(p.budget_used));
  write_staff(json, p.staff);
  json.key("savings_target").number_or_null(number_text(p.savings_target));
  json.key("savings_delivered").number(format_number(p.savings_delivered));
  json.key("issues").begin_array(element_lines);
  for (const IssueFigures& f : p.issues) write_issue(json, f);
  json.end_array().key("actions").begin_array(element_lines);
  for (const ActionFigures& a : p.actions) write_action(json, p, a);
  json.end_array().key("milestones").begin_array(element_lines);
  for (const MilestoneFigures& m : p.milestones) write_milestone(json, p, m);
  json.end_array();
  write_measures_json(json, p);
  json.key("risks");
  write_risks_json(json, p);
  if (p.baseline)
    json.key("baseline")
        .string(baseline_label(p.baseline->version))
        .key("changes_since_baseline")
        .strings(describe_changes(*p.baseline, p.plan->currency));
  if (p.direction)
    json.key("compared_with")
        .string(p.compared_with ? comparison_label(*p.compared_with) : "")
        .key("direction")
        .string(to_string(*p.direction));
  json.end_object();
}

}  // namespace

void render_json(Output& out, const std::vector<PlanFigures>& plans, Date as_of, DateRange window) {
  JsonWriter json(out);
  json.begin_object().key("version").number(1).key("as_of").string(to_iso(as_of));
  json.key("window").begin_object().key("start").string(to_iso(window.start)).key("end").string(to_iso(window.end));
  // In a financial year shared by every plan, the window's name when it is one of its
  // periods: "2001/02 Q3".
  if (!plans.empty() && plans.front().plan->year_start != calendar_year_start &&
      std::all_of(plans.begin(), plans.end(),
                  [&](const PlanFigures& p) { return p.plan->year_start == plans.front().plan->year_start; }))
    if (std::optional<std::string> label = period_label(window, plans.front().plan->year_start))
      json.key("period").string(*label);
  json.end_object().key("plans").begin_array({true, 0, true});
  for (const PlanFigures& p : plans) write_plan(json, p);
  json.end_array().end_object();
  out.put('\n');
}

std::string render_json(const std::vector<PlanFigures>& plans, Date as_of, DateRange window) {
  return render_to_string([&](Output& out) { render_json(out, plans, as_of, window); });
}

}  // namespace bvplan
