// Option groups the commands share (inputs, -o, --format and other choices) and the
// command layer's outputs: standard output, standard error, -o files.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "bvplan/app/plan_set.hpp"
#include "bvplan/core/date.hpp"

namespace bvplan {

class Output;

// Writes to standard output; throws Error when it cannot.
void write_out(const std::string& text);

// Everything bvplan writes to standard error passes here: whatever plan content or file
// name a message holds, control characters show as escapes and no line can read as a
// GitHub Actions workflow command.
void write_err(const std::string& text);

// "bvplan: error: ..." for each problem with the invocation.
void report_problems(const std::vector<std::string>& problems);

// An option given with an empty value ("--against $BASE" with BASE unset) is a mistake,
// not a request for the default.
extern const CLI::Validator non_empty;

// --max-file-size: for plan files on disk and plans read from git alike.
void add_max_file_size_option(CLI::App& command, size_t& max_file_size);

// --owners FILE.
void add_owners_option(CLI::App& command, std::string& owners_file);

// The inputs of the commands that read plans: paths, --as-of, --owners,
// --stdin-filename and --max-file-size.
struct InputOptions {
  PlanInputs plans;
  std::string as_of;
};
void add_input_options(CLI::App& command, InputOptions& options);

// -o FILE: where the result goes (standard output when empty).
struct OutputOption {
  std::string file;
  // Writes `text` to the file (atomically) or standard output; never over a file the
  // command read (`inputs`).
  void write(const std::string& text, const std::vector<std::string>& inputs) const;
  // The same for a renderer that writes into an Output: its chunks go to the file (or
  // standard output) as they are written, never held whole.
  void write(const std::function<void(Output&)>& render, const std::vector<std::string>& inputs) const;

private:
  void refuse_inputs(const std::vector<std::string>& inputs) const;
};
inline constexpr const char* output_help = "write to FILE (atomically) instead of standard output";
void add_output_option(CLI::App& command, OutputOption& output, const char* help = output_help);

// The values an option may take, in the order help lists them; the default is the first
// unless `default_choice` names another.
// One list per option (--format, --level, --by, --color) and what each value means.
template <typename Value>
using Choices = std::vector<std::pair<std::string, Value>>;

// Notes the values `option` takes, for shell completion (CLI11 keeps them only inside its
// validator); choices_of gives them back, empty for an option with no fixed list.
void remember_choices(const CLI::Option* option, std::vector<std::string> choices);
const std::vector<std::string>& choices_of(const CLI::Option* option);

template <typename Value>
CLI::Option* add_choice_option(CLI::App& command, const std::string& name, std::string& chosen,
                               const Choices<Value>& choices, const std::string& help,
                               const std::string& default_choice = "") {
  std::vector<std::string> names;
  for (const auto& choice : choices) names.push_back(choice.first);
  chosen = default_choice.empty() ? names.front() : default_choice;
  CLI::Option* option = command.add_option(name, chosen, help)->check(CLI::IsMember(names))->capture_default_str();
  remember_choices(option, std::move(names));
  return option;
}

// The meaning of the value given (CLI11 has checked it is one of `choices`).
template <typename Value>
const Value& choice_of(const Choices<Value>& choices, const std::string& chosen) {
  for (const auto& choice : choices)
    if (choice.first == chosen) return choice.second;
  return choices.front().second;
}

// --as-of: the date given, or today.
Date parse_as_of(const std::string& text);

// A date option's value; `name` says which option in the error.
Date parse_date_option(const char* name, const std::string& text);

// --period and the options that take a period: 2004-Q2, 2001/02-Q3. Its syntax is checked
// before any plan is read; `name` says which option in the error.
PeriodSpec parse_period_option(const char* name, const std::string& text);
// The days of `spec` in the plans' year: a financial period (2001/02...) needs plans whose
// years start in a month other than January, and all in the same one; Error otherwise.
DateRange resolve_period_option(const char* name, const std::string& text, const PeriodSpec& spec,
                                const SetYearStart& year_start);

// A date option that also takes a period, standing for its first day (--from, --since) or
// its last (--to, --until): 2004-06-30, 2001/02-Q3.
struct DateOrPeriod {
  std::string text;
  std::optional<Date> date;
  std::optional<PeriodSpec> period;
  bool given() const { return date || period; }
};
DateOrPeriod parse_date_or_period(const char* name, const std::string& text);
// The day `bound` stands for; nullopt when not given. Throws as resolve_period_option.
enum class Bound { first_day, last_day };
std::optional<Date> resolve_bound(const char* name, const DateOrPeriod& bound, Bound which,
                                  const SetYearStart& year_start);

// "bvplan: note: the plans' years start in different months (...), so `consequence`", when
// they do.
void note_mixed_year_starts(const SetYearStart& year_start, const char* consequence);

// Prints the findings of owners registers read outside a plan set (history, diff).
void report_register_findings(OwnerRegisters& registers);

// Loads the plans, prints the invocation's problems (and stops with Error when there are
// any) and the findings `shown`; returns the set and whether any finding is an error.
std::unique_ptr<PlanSet> load_for_report(const InputOptions& input, Date as_of, FindingsShown shown, bool& errors);
// The same, checked as of the date `as_of_for` gives once the plans are read (PlanSet::as_of).
std::unique_ptr<PlanSet> load_for_report(const InputOptions& input, const AsOfFor& as_of_for, FindingsShown shown,
                                         bool& errors);

// What the portfolio commands (workload, calendar) work on: the plans loaded with their
// errors on stderr and their warnings counted, and the plans without errors.
struct PortfolioInput {
  std::unique_ptr<PlanSet> set;
  Portfolio portfolio;
  bool errors = false;  // some plan had errors: the command exits 1 after the rest
};
PortfolioInput load_portfolio(const InputOptions& input, Date as_of);

}  // namespace bvplan
