#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "bvplan/formats/paper.hpp"

namespace bvplan {

namespace {

std::string gantt_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ':')
      out += "#58;";
    else if (c == '#')
      out += "#35;";
    else if (c == ';')
      out += "#59;";
    else if (c == '<')
      out += "#lt;";
    else if (c == '>')
      out += "#gt;";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else
      out += c;
  }
  return out;
}

// A task's name in a gantt: its id and title. A line that starts with one of Mermaid's
// gantt keywords (an action with the id `excludes`, say) would be read as that statement,
// so such a first word starts with an entity code instead (`#101;xcludes`).
std::string gantt_task(std::string_view id, std::string_view title) {
  static constexpr std::array<std::string_view, 15> keywords{
      "accDescr", "accTitle",    "axisFormat",        "click",   "dateFormat",
      "excludes", "includes",    "inclusiveEndDates", "section", "tickInterval",
      "title",    "todayMarker", "topAxis",           "weekday", "weekend"};
  std::string name = gantt_text(id);
  auto same = [&](std::string_view keyword) {
    return name.size() >= keyword.size() &&
           std::equal(keyword.begin(), keyword.end(), name.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  };
  if (std::any_of(keywords.begin(), keywords.end(), same))
    name.replace(0, 1, fmt::format("#{};", static_cast<int>(static_cast<unsigned char>(name[0]))));
  return name + " " + gantt_text(title);
}

std::string gantt_id(std::string_view id) {
  std::string out = "t_";
  for (char c : id) out += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return out;
}

std::string task_tags(const ActionFigures& a) {
  if (a.state == State::complete) return "done, ";
  if (a.state == State::overdue || a.rag == Rag::red) return "crit, active, ";
  if (a.state == State::in_progress) return "active, ";
  return "";
}

void write_milestones(Output& out, const PlanFigures& p, const Action* action) {
  for (const MilestoneFigures& m : p.milestones) {
    if (m.action != action) continue;
    std::string tags = m.state == MilestoneState::done ? "done, " : m.state == MilestoneState::overdue ? "crit, " : "";
    out.format("  {} :milestone, {}{}, {}, 0d\n", gantt_task(m.milestone->id, m.milestone->title), tags,
               gantt_id(m.milestone->id), to_iso(m.milestone->due));
  }
}

}  // namespace

void write_timeline(Output& out, const PlanFigures& p, std::string_view heading) {
  out.format("{} Timeline\n\n```mermaid\ngantt\n  dateFormat YYYY-MM-DD\n  todayMarker off\n", heading);
  for (const IssueFigures& i : p.issues) {
    out.format("  section {} {}\n", gantt_text(i.issue->id), gantt_text(i.issue->title));
    for (const ActionFigures& a : p.actions) {
      if (a.issue != i.issue) continue;
      out.format("  {} :{}{}, {}, {}\n", gantt_task(a.action->id, a.action->title), task_tags(a),
                 gantt_id(a.action->id), to_iso(a.action->start), to_iso(a.action->due));
      write_milestones(out, p, a.action);
    }
  }
  out.write("```\n");
}

}  // namespace bvplan
