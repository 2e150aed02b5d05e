// bvplan calendar: every progress report due to each monitoring body.
#include <fmt/format.h>

#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/formats/portfolio.hpp"
#include "bvplan/reports/portfolio.hpp"

namespace bvplan {

namespace {

const Choices<std::string (*)(const Calendar&, Date as_of)> formats = {
    {"md", [](const Calendar& c, Date) { return render_calendar_markdown(c); }},
    {"csv", [](const Calendar& c, Date) { return render_calendar_csv(c); }},
    {"json", [](const Calendar& c, Date) { return render_calendar_json(c); }},
    {"ics", [](const Calendar& c, Date as_of) { return render_calendar_ics(c, as_of); }},
};

struct CalendarOptions {
  InputOptions input;
  std::string from, to, format;
  OutputOption output;
};

void declare(CLI::App& command, CalendarOptions& options) {
  add_input_options(command, options.input);
  command
      .add_option("--from", options.from,
                  "leave out reports due before this date, or before this period's first day (2001/02-Q1)")
      ->type_name("DATE|PERIOD")
      ->check(non_empty);
  command.add_option("--to", options.to, "leave out reports due after this date, or after this period's last day")
      ->type_name("DATE|PERIOD")
      ->check(non_empty);
  add_choice_option(command, "--format", options.format, formats,
                    "md, csv, json, or ics (iCalendar, to import into a calendar)");
  add_output_option(command, options.output);
}

int run(const CalendarOptions& options) {
  Date as_of = parse_as_of(options.input.as_of);
  DateOrPeriod from_option = parse_date_or_period("--from", options.from);
  DateOrPeriod to_option = parse_date_or_period("--to", options.to);
  PortfolioInput input = load_portfolio(options.input, as_of);
  SetYearStart year_start = year_start_of(*input.set);
  std::optional<Date> from = resolve_bound("--from", from_option, Bound::first_day, year_start);
  std::optional<Date> to = resolve_bound("--to", to_option, Bound::last_day, year_start);
  if (from && to && *to < *from) throw Error("--to is before --from");
  Calendar c = compute_calendar(input.portfolio.plans, from, to);
  if (options.format != "md")  // the Markdown carries its notes itself
    for (const CalendarNote& note : c.notes)
      write_err(fmt::format("bvplan: note: {}\n", escape_control(describe(note))));
  if (!input.portfolio.plans.empty())
    options.output.write(choice_of(formats, options.format)(c, as_of), input.set->inputs());
  return input.errors ? exit_findings : exit_ok;
}

}  // namespace

Runner declare_calendar(CLI::App& command) { return bind_command<CalendarOptions>(command, declare, run); }

}  // namespace bvplan
