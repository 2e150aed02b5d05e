#include "bvplan/commands/options.hpp"

#include <cstdio>
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/findings.hpp"
#include "bvplan/formats/output.hpp"
#include "bvplan/io/output.hpp"
#include "bvplan/io/workspace.hpp"

namespace bvplan {

void write_out(const std::string& text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
    throw Error("cannot write to standard output");
}

void write_err(const std::string& text) {
  std::string safe = guard_line_starts(escape_control(text, Keep::tab_and_newline));
  std::fwrite(safe.data(), 1, safe.size(), stderr);
}

void report_problems(const std::vector<std::string>& problems) {
  for (const std::string& p : problems) write_err(fmt::format("bvplan: error: {}\n", escape_control(p)));
}

const CLI::Validator non_empty(
    [](std::string& value) { return value.empty() ? std::string("must not be empty") : std::string(); }, "",
    "NONEMPTY");

namespace {

std::map<const CLI::Option*, std::vector<std::string>>& choice_lists() {
  static std::map<const CLI::Option*, std::vector<std::string>> lists;
  return lists;
}

}  // namespace

void remember_choices(const CLI::Option* option, std::vector<std::string> choices) {
  choice_lists()[option] = std::move(choices);
}

const std::vector<std::string>& choices_of(const CLI::Option* option) {
  static const std::vector<std::string> none;
  auto found = choice_lists().find(option);
  return found == choice_lists().end() ? none : found->second;
}

void add_max_file_size_option(CLI::App& command, size_t& max_file_size) {
  command
      .add_option("--max-file-size", max_file_size,
                  "refuse plan files (and plans read from git) larger than this many bytes")
      ->type_name("BYTES")
      ->check(CLI::Range(size_t{1}, size_t{1} << 40))
      ->capture_default_str();
}

void add_owners_option(CLI::App& command, std::string& owners_file) {
  command.add_option("--owners", owners_file, "an owners register to use besides owners.yaml files")
      ->type_name("FILE")
      ->check(non_empty);
}

void add_input_options(CLI::App& command, InputOptions& options) {
  command
      .add_option("paths", options.plans.paths,
                  "plan files or folders (every *.yaml/*.yml below); - reads standard input")
      ->type_name("PATH");
  command
      .add_option("--as-of", options.as_of,
                  "judge progress as of this date (YYYY-MM-DD); default today, or "
                  "SOURCE_DATE_EPOCH when set")
      ->type_name("DATE")
      ->check(non_empty);
  add_owners_option(command, options.plans.owners_file);
  command
      .add_option("--stdin-filename", options.plans.stdin_filename,
                  "the name to report for a plan read from standard input")
      ->type_name("NAME")
      ->check(non_empty);
  add_max_file_size_option(command, options.plans.max_file_size);
}

void OutputOption::refuse_inputs(const std::vector<std::string>& inputs) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& input : inputs)
    if (input != "-" && fs::equivalent(file, input, ec))
      throw Error(fmt::format("refusing to write over the input file '{}'", input));
}

void OutputOption::write(const std::string& text, const std::vector<std::string>& inputs) const {
  if (file.empty()) {
    write_out(text);
    return;
  }
  refuse_inputs(inputs);
  write_file_atomically(file, text);
}

void OutputOption::write(const std::function<void(Output&)>& render, const std::vector<std::string>& inputs) const {
  if (file.empty()) {
    Output out(write_stdout);
    render(out);
    out.finish();
    return;
  }
  refuse_inputs(inputs);
  AtomicFile atomic(file);
  Output out([&](std::string_view chunk) { atomic.write(chunk); });
  render(out);
  out.finish();
  atomic.commit();
}

void add_output_option(CLI::App& command, OutputOption& output, const char* help) {
  command.add_option("-o,--output", output.file, help)->type_name("FILE")->check(non_empty);
}

Date parse_as_of(const std::string& text) {
  if (text.empty()) return today();
  if (auto d = parse_date(text)) return *d;
  throw Error(fmt::format("--as-of '{}' is not a date in the form YYYY-MM-DD", text));
}

Date parse_date_option(const char* name, const std::string& text) {
  if (auto d = parse_date(text)) return *d;
  throw Error(fmt::format("{} '{}' is not a date in the form YYYY-MM-DD", name, text));
}

PeriodSpec parse_period_option(const char* name, const std::string& text) {
  ParsedPeriod parsed = parse_period(text);
  if (parsed.spec) return *parsed.spec;
  if (parsed.problem.empty()) throw Error(fmt::format("{} '{}' is not a period: {}", name, text, parsed.hint));
  throw Error(fmt::format("{} '{}' is not a period: {}; {}", name, text, parsed.problem, parsed.hint));
}

DateRange resolve_period_option(const char* name, const std::string& text, const PeriodSpec& spec,
                                const SetYearStart& year_start) {
  if (spec.financial) {
    if (year_start.mixed())
      throw Error(fmt::format(
          "{} '{}' is a period of a financial year, but the plans' years start in different "
          "months ({} in {}, {} in {}): name them in separate runs, or give a calendar period such as {:04}",
          name, text, month_name(year_start.month), year_start.first, month_name(year_start.other_month),
          year_start.other, spec.year));
    if (year_start.month == calendar_year_start)
      throw Error(
          fmt::format("{} '{}' is a period of a financial year, but the plans' years start in January: "
                      "write 'year_start: april' in their owners.yaml (or in the plan) to use financial "
                      "years (see bvplan-plan(5)), or give a calendar period such as {:04}",
                      name, text, spec.year));
  }
  std::optional<DateRange> range = period_range(spec, year_start.month);
  if (!range) throw Error(fmt::format("{} '{}' ends after 9999-12-31", name, text));
  return *range;
}

DateOrPeriod parse_date_or_period(const char* name, const std::string& text) {
  DateOrPeriod out;
  out.text = text;
  if (text.empty()) return out;
  if ((out.date = parse_date(text))) return out;
  ParsedPeriod parsed = parse_period(text);
  if (parsed.spec) {
    out.period = parsed.spec;
    return out;
  }
  if (!parsed.problem.empty()) parse_period_option(name, text);  // throws, saying what is wrong with it
  throw Error(
      fmt::format("{} '{}' is not a date or a period: give a date (YYYY-MM-DD) or a period such as 2004-Q2 "
                  "or 2001/02-Q3",
                  name, text));
}

std::optional<Date> resolve_bound(const char* name, const DateOrPeriod& bound, Bound which,
                                  const SetYearStart& year_start) {
  if (bound.date) return bound.date;
  if (!bound.period) return std::nullopt;
  DateRange range = resolve_period_option(name, bound.text, *bound.period, year_start);
  return which == Bound::first_day ? range.start : range.end;
}

void note_mixed_year_starts(const SetYearStart& year_start, const char* consequence) {
  if (year_start.mixed())
    write_err(fmt::format("bvplan: note: the plans' years start in different months ({} in {}, {} in {}), so {}\n",
                          month_name(year_start.month), year_start.first, month_name(year_start.other_month),
                          year_start.other, consequence));
}

void report_register_findings(OwnerRegisters& registers) {
  Diagnostics findings = registers.take_diagnostics();
  sort_diagnostics(findings);
  write_err(render_findings_text(findings, [&](const std::string& file) { return registers.source(file); }));
}

std::unique_ptr<PlanSet> load_for_report(const InputOptions& input, Date as_of, FindingsShown shown, bool& errors) {
  return load_for_report(
      input, [as_of](const PlanSet&) { return as_of; }, shown, errors);
}

std::unique_ptr<PlanSet> load_for_report(const InputOptions& input, const AsOfFor& as_of_for, FindingsShown shown,
                                         bool& errors) {
  std::unique_ptr<PlanSet> set = load_plan_set(input.plans, as_of_for);
  Date as_of = set->as_of;
  report_problems(set->problems);
  if (!set->problems.empty()) throw Error("nothing was reported");
  ShownFindings findings = findings_to_show(*set, as_of, shown);
  write_err(render_findings_text(findings.shown, [&](const std::string& file) { return set->source(file); }));
  size_t hidden = findings.hidden;
  if (hidden > 0)
    write_err(fmt::format("bvplan: note: {} warning{} not shown; 'bvplan check' lists {}\n", hidden,
                          hidden == 1 ? "" : "s", hidden == 1 ? "it" : "them"));
  errors = findings.errors;
  return set;
}

PortfolioInput load_portfolio(const InputOptions& input, Date as_of) {
  PortfolioInput out;
  out.set = load_for_report(input, as_of, FindingsShown::errors, out.errors);
  out.portfolio = portfolio_of(*out.set);
  return out;
}

}  // namespace bvplan
