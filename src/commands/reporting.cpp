#include "bvplan/commands/reporting.hpp"

#include <optional>

#include <fmt/format.h>

namespace bvplan {

void add_reporting_options(CLI::App& command, ReportingOptions& options, const char* period_help) {
  add_input_options(command, options.input);
  CLI::Option* as_of = command.get_option("--as-of");
  command.add_option("--period", options.period, period_help)->type_name("PERIOD")->check(non_empty)->excludes(as_of);
}

void add_compare_option(CLI::App& command, ReportingOptions& options) {
  command
      .add_option("--compare", options.compare,
                  "direction of travel against the plans at this git revision, as of its commit date (or the "
                  "as-of date, if earlier)")
      ->type_name("REV")
      ->check(non_empty);
}

Figures compute_figures(const ReportingOptions& options, FindingsShown shown) {
  std::optional<PeriodSpec> spec;
  if (!options.period.empty()) spec = parse_period_option("--period", options.period);
  std::optional<Date> given;
  if (!spec) given = parse_as_of(options.input.as_of);
  // A financial period ends where the plans' year start puts it: known once they are read.
  std::optional<DateRange> period;
  // A period the plans' year cannot place is said after their findings: a register whose
  // year_start is misspelt, or a plan that cannot be read, is the first thing to mend.
  std::optional<Error> unplaced;
  auto as_of_for = [&](const PlanSet& read) {
    if (given) return *given;
    SetYearStart year_start = year_start_of(read);
    // No plan was read (the paths' problems are reported next): no year to place it in.
    if (year_start.first.empty()) return today();
    try {
      period = resolve_period_option("--period", options.period, *spec, year_start);
    } catch (const Error& e) {
      unplaced = e;
      return period_range(*spec, 4).value_or(DateRange{today(), today()}).end;  // checked as of about then
    }
    return period->end;
  };
  Figures out;
  out.plan_set = load_for_report(options.input, as_of_for, shown, out.had_errors);
  if (unplaced) throw *unplaced;
  out.set = compute_figure_set(*out.plan_set, out.plan_set->as_of, period);
  apply_baseline_and_comparison(
      out.set, RevisionOptions{options.baseline, options.compare, options.input.plans.max_file_size}, write_err);
  return out;
}

}  // namespace bvplan
