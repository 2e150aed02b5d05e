#include "bvplan/formats/workload.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/json.hpp"
#include "bvplan/formats/render.hpp"
#include "bvplan/formats/table.hpp"

namespace bvplan {

namespace {

std::vector<std::string> names(const std::vector<PlanAction>& actions) {
  std::vector<std::string> out;
  out.reserve(actions.size());
  for (const PlanAction& a : actions) out.push_back(a.name());
  return out;
}

std::string capacity_text(const Owner& o) {
  std::vector<std::string> parts;
  if (o.max_actions) parts.push_back(fmt::format("max {} led at once", *o.max_actions));
  if (o.days_per_month) parts.push_back(format_number(*o.days_per_month) + " days a month");
  return parts.empty() ? "no capacity figures" : fmt::format("{}", fmt::join(parts, ", "));
}

std::string cell_text(const WorkloadCell& c) {
  if (c.led.empty() && c.supported.empty() && c.effort_days == 0) return "-";
  std::string led = fmt::format("{} led", c.peak_led);
  if (c.led.size() != c.peak_led) led += fmt::format(" ({} in all)", c.led.size());
  if (c.over_actions) led = "**OVER** " + led;
  std::string effort = format_days(c.effort_days) + " d";
  if (c.over_days) effort = "**OVER** " + effort;
  return fmt::format("{}, {} sup, {}", led, c.supported.size(), effort);
}

// One row an owner, one column a period.
Table owner_table(const Workload& w) {
  Table table{{{"Owner"}, {"Capacity"}}, {}};
  for (const Period& p : w.periods) table.columns.push_back({p.label});
  for (const OwnerLoad& o : w.owners) {
    std::vector<std::string> row{
        escape_markdown(o.owner.id +
                        (o.owner.name.empty() || o.owner.name == o.owner.id ? "" : " (" + o.owner.name + ")")),
        capacity_text(o.owner)};
    for (const WorkloadCell& c : o.cells) row.push_back(cell_text(c));
    table.rows.push_back(std::move(row));
  }
  return table;
}

// The three busiest periods, then the quiet ones.
std::string peaks_of_change(const Workload& w) {
  std::string out;
  std::vector<size_t> order(w.periods.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(w.totals[b].active, w.totals[b].starting) < std::tie(w.totals[a].active, w.totals[a].starting);
  });
  size_t shown = 0;
  for (size_t i : order) {
    if (w.totals[i].active == 0 || shown == 3) break;
    out += fmt::format("- {}: {} running, {} starting\n", w.periods[i].label, plural(w.totals[i].active, "action"),
                       w.totals[i].starting);
    ++shown;
  }
  std::vector<std::string> quiet;
  for (size_t i = 0; i < w.periods.size(); ++i)
    if (w.totals[i].active == 0) quiet.push_back(w.periods[i].label);
  if (!shown) out += "- No actions are active in these periods.\n";
  if (shown && !quiet.empty()) out += fmt::format("- No actions are active in {}.\n", fmt::join(quiet, ", "));
  return out;
}

}  // namespace

std::string render_workload_markdown(const Workload& w) {
  std::string out = "# Workload by owner\n\n";
  out +=
      "Each cell: actions led at once at the peak (and all led) in the period, actions supported, and days of "
      "planned effort. **OVER** marks a figure above the owner's capacity.\n\n";
  out += render_markdown(owner_table(w));
  out += "\n## Peaks of change\n\n";
  out += peaks_of_change(w);
  std::vector<std::string> over;
  for (const OwnerLoad& o : w.owners)
    for (size_t p = 0; p < w.periods.size(); ++p)
      if (o.cells[p].over_actions || o.cells[p].over_days)
        over.push_back(fmt::format("{} in {}", escape_markdown(o.owner.id), w.periods[p].label));
  out += over.empty() ? "\nNo owner is over capacity.\n" : fmt::format("\nOver capacity: {}.\n", fmt::join(over, "; "));
  std::vector<std::string> unjudged;
  for (const OwnerLoad& o : w.owners)
    if (!o.judged()) unjudged.push_back(escape_markdown(o.owner.id));
  if (!unjudged.empty())
    out += fmt::format("\nNot judged (no max_actions or days_per_month): {}.\n", fmt::join(unjudged, ", "));
  return out;
}

std::string render_workload_csv(const Workload& w) {
  Table table{titled_columns({"owner", "period", "start", "end", "led_at_once", "led", "supported", "effort_days",
                              "max_actions", "capacity_days", "over_actions", "over_days"}),
              {}};
  for (const OwnerLoad& o : w.owners)
    for (size_t p = 0; p < w.periods.size(); ++p) {
      const WorkloadCell& c = o.cells[p];
      const Period& period = w.periods[p];
      table.rows.push_back({csv_text(o.owner.id), period.label, to_iso(period.start), to_iso(period.end),
                            std::to_string(c.peak_led), std::to_string(c.led.size()),
                            std::to_string(c.supported.size()), format_days(c.effort_days),
                            o.owner.max_actions ? std::to_string(*o.owner.max_actions) : "",
                            o.owner.days_per_month ? format_number(*o.owner.days_per_month * period.months) : "",
                            c.over_actions ? "yes" : "no", c.over_days ? "yes" : "no"});
    }
  return render_csv(table);
}

std::string render_workload_json(const Workload& w) {
  return render_to_string([&](Output& out) {
    JsonWriter json(out);
    json.begin_object().key("version").number(1).key("periods").begin_array();
    for (size_t p = 0; p < w.periods.size(); ++p) {
      json.begin_object().key("label").string(w.periods[p].label).key("start").string(to_iso(w.periods[p].start));
      json.key("end")
          .string(to_iso(w.periods[p].end))
          .key("starting")
          .number(static_cast<long long>(w.totals[p].starting));
      json.key("active").number(static_cast<long long>(w.totals[p].active)).end_object();
    }
    json.end_array().key("owners").begin_array({true, 2, true});
    for (const OwnerLoad& o : w.owners) {
      json.begin_object().key("id").string(o.owner.id).key("name").string(o.owner.name);
      json.key("max_actions")
          .number_or_null(o.owner.max_actions ? std::optional(std::to_string(*o.owner.max_actions)) : std::nullopt);
      json.key("days_per_month")
          .number_or_null(o.owner.days_per_month ? std::optional(format_number(*o.owner.days_per_month))
                                                 : std::nullopt);
      json.key("periods").begin_array();
      for (size_t p = 0; p < w.periods.size(); ++p) {
        const WorkloadCell& c = o.cells[p];
        json.begin_object()
            .key("period")
            .string(w.periods[p].label)
            .key("led_at_once")
            .number(static_cast<long long>(c.peak_led));
        json.key("led")
            .strings(names(c.led))
            .key("supported")
            .strings(names(c.supported))
            .key("effort_days")
            .number(format_days(c.effort_days));
        json.key("over_actions").boolean(c.over_actions).key("over_days").boolean(c.over_days).end_object();
      }
      json.end_array().end_object();
    }
    json.end_array().end_object();
    out.put('\n');
  });
}

}  // namespace bvplan
