// bvplan new: a commented plan skeleton that passes `bvplan check`, never over a file.
#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "bvplan/app/new_plan.hpp"
#include "bvplan/authoring/skeleton.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/formats/findings.hpp"
#include "bvplan/io/files.hpp"
#include "bvplan/io/terminal.hpp"

namespace bvplan {

namespace {

namespace fs = std::filesystem;

struct NewOptions {
  std::string path, id, title, start, end, body, every, owner, owner_name;
};

void declare(CLI::App& command, NewOptions& options) {
  command.footer(
      "PATH, --id, --title, --start and --end are required: on a terminal, bvplan new asks for those missing.\n"
      "The plan is checked before it is written; an existing file is never overwritten.");
  command.add_option("path", options.path, "the plan file to write, ending .yaml; it must not exist yet")
      ->type_name("PATH")
      ->check(non_empty);
  command.add_option("--id", options.id, "the plan's id: letters, digits, '.', '_' and '-', such as roads-2005")
      ->type_name("ID")
      ->check(non_empty);
  command.add_option("--title", options.title, "the plan's title")->type_name("TEXT")->check(non_empty);
  command.add_option("--start", options.start, "the first day of the plan period, YYYY-MM-DD")
      ->type_name("DATE")
      ->check(non_empty);
  command.add_option("--end", options.end, "the last day of the plan period, YYYY-MM-DD, after --start")
      ->type_name("DATE")
      ->check(non_empty);
  command.add_option("--body", options.body, "the committee or board the plan reports progress to")
      ->type_name("TEXT")
      ->check(non_empty);
  command
      .add_option("--every", options.every,
                  "how often it reports to --body: month, quarter (the default), half-year, year or 'N months'")
      ->type_name("CADENCE")
      ->check(non_empty);
  command
      .add_option("--owner", options.owner,
                  "the owner accountable for the plan, who leads the example action; declared in the plan "
                  "unless the owners.yaml register above PATH holds it (default: LEAD, declared in the plan)")
      ->type_name("ID")
      ->check(non_empty);
  command.add_option("--owner-name", options.owner_name, "the owner's name: declares --owner in the plan itself")
      ->type_name("TEXT")
      ->check(non_empty);
}

std::string path_problem(const std::string& path) {
  if (path.empty()) return "the file name is empty";
  fs::path file(path);
  std::string extension = file.extension().string();
  if (extension != ".yaml" && extension != ".yml")
    return fmt::format("'{}' does not end in .yaml or .yml: 'bvplan check' finds plans in folders by those endings",
                       escape_control(path));
  std::string name = file.filename().string();
  if (name == "owners.yaml" || name == "owners.yml")
    return fmt::format("'{}' is the name of an owners register, not of a plan", escape_control(path));
  std::error_code error;
  if (fs::exists(fs::symlink_status(file, error)))
    return fmt::format("'{}' already exists; bvplan new does not overwrite it", escape_control(path));
  return "";
}

// The date the plan ends, or why it cannot: a date, after the start.
std::string end_problem(const std::string& start, const std::string& end) {
  std::string problem = date_problem(end);
  if (!problem.empty() || start.empty() || !parse_date(start)) return problem;
  if (*parse_date(end) <= *parse_date(start))
    return fmt::format("the plan must end after it starts ({}); give a later date", start);
  return "";
}

std::string cadence_problem(const std::string& every) {
  if (cadence_spelling(every)) return "";
  return fmt::format("'{}' is not a cadence: use month, quarter, half-year, year or N months, such as '6 months'",
                     escape_control(every));
}

// One value `new` needs: the option that gives it, how to ask for it, and its check.
struct Field {
  const char* option;
  const char* question;
  std::string NewOptions::*value;
  std::function<std::string(const NewOptions&, const std::string&)> problem;
  bool required;
};

const std::vector<Field>& fields() {
  static const std::vector<Field> all = {
      {"PATH", "Plan file to write (such as plans/roads-2005.yaml)", &NewOptions::path,
       [](const NewOptions&, const std::string& v) { return path_problem(v); }, true},
      {"--id", "Plan id (letters, digits, '.', '_', '-', such as roads-2005)", &NewOptions::id,
       [](const NewOptions&, const std::string& v) { return id_problem(v); }, true},
      {"--title", "Plan title", &NewOptions::title,
       [](const NewOptions&, const std::string& v) { return line_problem(v); }, true},
      {"--start", "First day of the plan (YYYY-MM-DD)", &NewOptions::start,
       [](const NewOptions&, const std::string& v) { return date_problem(v); }, true},
      {"--end", "Last day of the plan (YYYY-MM-DD)", &NewOptions::end,
       [](const NewOptions& o, const std::string& v) { return end_problem(o.start, v); }, true},
      {"--body", "", &NewOptions::body, [](const NewOptions&, const std::string& v) { return line_problem(v); }, false},
      {"--every", "", &NewOptions::every, [](const NewOptions&, const std::string& v) { return cadence_problem(v); },
       false},
      {"--owner", "", &NewOptions::owner, [](const NewOptions&, const std::string& v) { return id_problem(v); }, false},
      {"--owner-name", "", &NewOptions::owner_name,
       [](const NewOptions&, const std::string& v) { return line_problem(v); }, false},
  };
  return all;
}

// The id a file name suggests (plans/roads-2005.yaml: roads-2005), when it is one.
std::string id_from_path(const std::string& path) {
  std::string stem = fs::path(path).stem().string();
  return is_valid_id(stem) ? stem : "";
}

// Asks for `field` until the answer passes its check; Enter takes `suggested`.
std::string ask(const Field& field, const NewOptions& values, const std::string& suggested) {
  std::string prompt = suggested.empty() ? fmt::format("{}: ", field.question)
                                         : fmt::format("{} [{}]: ", field.question, escape_control(suggested));
  for (;;) {
    std::optional<std::string> answer = ask_line(prompt);
    if (!answer) throw Error(fmt::format("no answer for {}; nothing written", field.option));
    std::string value = answer->empty() ? suggested : *answer;
    std::string problem = field.problem(values, value);
    if (problem.empty()) return value;
    write_err(fmt::format("  {}\n", problem));
  }
}

// Every value checked, and the missing ones asked for on a terminal (or named, else).
NewOptions complete_values(NewOptions values) {
  std::vector<std::string> missing;
  for (const Field& field : fields()) {
    const std::string& value = values.*field.value;
    if (value.empty()) {
      if (field.required) missing.push_back(field.option);
      continue;
    }
    std::string problem = field.problem(values, value);
    if (!problem.empty()) throw Error(fmt::format("{}: {}", field.option, problem));
  }
  if (!values.every.empty() && values.body.empty())
    throw Error("--every needs --body: the committee or board the plan reports to that often");
  if (missing.empty()) return values;
  if (!interactive_terminal())
    throw Error(
        fmt::format("bvplan new needs {} (standard input is not a terminal, so it cannot ask); "
                    "see 'bvplan new --help'",
                    fmt::join(missing, ", ")));
  for (const Field& field : fields()) {
    std::string& value = values.*field.value;
    if (field.required && value.empty())
      value = ask(field, values, field.value == &NewOptions::id ? id_from_path(values.path) : "");
  }
  return values;
}

int run(const NewOptions& options) {
  NewOptions values = complete_values(options);
  PlanSkeleton skeleton{.id = values.id,
                        .title = values.title,
                        .start = *parse_date(values.start),
                        .end = *parse_date(values.end),
                        .body = values.body,
                        .every = values.every.empty() ? "quarter" : *cadence_spelling(values.every)};
  std::vector<std::string> notes;
  if (!values.owner.empty()) skeleton.owner = values.owner;
  Owners inherited = inherited_owners(values.path);
  bool registered = inherited.count(skeleton.owner) > 0;
  if (!values.owner_name.empty())
    skeleton.owner_name = values.owner_name;
  else if (registered)
    skeleton.owner_name = std::nullopt;
  else if (!values.owner.empty()) {
    skeleton.owner_name = values.owner;
    std::vector<std::string> ids;
    for (const auto& [id, owner] : inherited) ids.push_back(id);
    notes.push_back(fmt::format(
        "owner '{}' is in no owners.yaml register above the plan{}, so the plan declares it under 'owners:' "
        "with its id as its name: write the full name there (or give --owner-name)",
        values.owner, did_you_mean(values.owner, ids)));
  } else {
    notes.push_back(
        "no --owner given: the example action is led by LEAD, declared under 'owners:' as 'Lead officer'; "
        "put the lead's id and name there");
  }

  Date as_of = parse_as_of("");
  auto preview = preview_plan(values.path, plan_skeleton(skeleton), as_of);
  auto lookup = [&](const std::string& file) { return preview->source(file); };
  if (count_severity(preview->findings, Severity::error) > 0) {
    write_err(render_findings_text(preview->findings, lookup));
    write_err(fmt::format("bvplan: error: the new plan would not pass 'bvplan check'; nothing written to '{}'\n",
                          values.path));
    return exit_findings;
  }
  write_new_file(values.path, preview->plan.text);
  for (const std::string& note : notes) write_err(fmt::format("bvplan: note: {}\n", note));
  if (!preview->findings.empty()) write_err(render_findings_text(preview->findings, lookup));
  write_out(
      fmt::format("wrote {}: plan {} with an example key issue (KI1) and action (KI1.1)\n"
                  "next: write the plan's own key issues and actions over the examples, then run "
                  "'bvplan check {}'\n",
                  escape_control(values.path), escape_control(values.id), escape_control(values.path)));
  return exit_ok;
}

}  // namespace

Runner declare_new(CLI::App& command) { return bind_command<NewOptions>(command, declare, run); }

}  // namespace bvplan
