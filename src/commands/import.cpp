// bvplan import: a spreadsheet saved as CSV in, a checked plan out.
#include <fmt/format.h>

#include "bvplan/app/import.hpp"
#include "bvplan/commands/cli.hpp"
#include "bvplan/commands/command.hpp"
#include "bvplan/commands/options.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/formats/findings.hpp"
#include "bvplan/formats/text.hpp"
#include "bvplan/io/files.hpp"
#include "bvplan/io/workspace.hpp"

namespace bvplan {

namespace {

struct ImportCommandOptions {
  std::string sheet;
  std::string id, title, start, end, date;
  std::string output;
  bool dry_run = false;
  std::string owners_file;
};

constexpr const char* columns_help =
    R"(Columns are matched by their header, whatever the case and spacing, in the first row that
names an Action column (rows above it, such as a title, are skipped):
  Key issue (a blank cell continues the key issue above), Action (or Title, when Action
  holds the ids), Ref/Action id, Lead officer/Lead/Owner, Support, Start, Due/Target
  date/Deadline, Targets (a target curve: "2004-06-30: 50; 2004-12-31: 100"), Status,
  Budget, Savings (the target), Effort days, % complete/Progress, Spent, Staff days,
  Savings delivered, Update/Comments, Last update (the update's date), Completed (the date
  work finished, at 100%), Remedy, Benefits, Next steps, Changes, Milestone, Milestone
  date, Notes; and the columns of 'bvplan report --format csv --level action'. RAG and the other figures bvplan works
  out are not imported; any other column is kept in the action's notes.
Dates are read day first (31/12/2004, 31/12/04, 31 Dec 2004, December 2004, 2004-12-31);
amounts may have a pound sign and thousands commas; percentages a percent sign.
Without -o the plan goes to standard output and the check of it to standard error.)";

void declare(CLI::App& command, ImportCommandOptions& options) {
  command
      .add_option("sheet", options.sheet, "the spreadsheet, saved as CSV (UTF-8 or Windows-1252, commas or semicolons)")
      ->required()
      ->type_name("FILE.csv");
  command.add_option("--id", options.id, "the plan's id, such as infra-2004")->required()->type_name("ID");
  command.add_option("--title", options.title, "the plan's title")->required()->type_name("TEXT")->check(non_empty);
  command
      .add_option("--start", options.start,
                  "the plan's first day (YYYY-MM-DD); default the earliest start in the sheet")
      ->type_name("DATE");
  command
      .add_option("--end", options.end, "the plan's last day (YYYY-MM-DD); default the latest due date in the sheet")
      ->type_name("DATE");
  command
      .add_option("--date", options.date,
                  "the date of the progress on rows without an update date (YYYY-MM-DD); default today, or "
                  "SOURCE_DATE_EPOCH when set")
      ->type_name("DATE");
  command.add_option("-o,--output", options.output, "write the plan to this new file (never over an existing one)")
      ->type_name("FILE")
      ->check(non_empty);
  command.add_flag("--dry-run", options.dry_run, "write nothing: print the plan that would be written, and its check");
  add_owners_option(command, options.owners_file);
  command.footer(columns_help);
}

int run(const ImportCommandOptions& options) {
  ImportRequest request;
  request.sheet = options.sheet;
  request.output = options.output;
  request.plan_id = options.id;
  request.title = options.title;
  if (!options.start.empty()) request.start = parse_date_option("--start", options.start);
  if (!options.end.empty()) request.end = parse_date_option("--end", options.end);
  if (!options.date.empty()) request.date = parse_date_option("--date", options.date);
  request.owners_file = options.owners_file;
  if (request.start && request.end && *request.end < *request.start) throw Error("--end is before --start");
  Date now = today();
  ImportOutcome outcome = import_spreadsheet(request, now);

  if (!outcome.registers.empty())
    write_err(render_findings_text(outcome.registers,
                                   [&](const std::string& file) { return outcome.register_source(file); }));
  for (const std::string& note : outcome.result.notes) write_err(fmt::format("bvplan: note: {}\n", note));
  const Diagnostics& sheet = outcome.result.findings;
  write_err(render_findings_text(sheet, [](const std::string&) { return nullptr; }));
  if (outcome.result.text.empty()) {
    write_err(fmt::format("bvplan: {} in {}: nothing written\n",
                          plural(count_severity(sheet, Severity::error), "error"), options.sheet));
    return exit_findings;
  }
  auto source = [&](const std::string& file) -> const SourceFile* {
    if (file == outcome.plan.path) return &outcome.plan;
    return outcome.register_source(file);
  };
  if (outcome.checked.has_errors()) {
    write_err(render_diagnostics(outcome.checked.diagnostics, 1, DiagnosticFormat::text, source));
    write_err("bvplan: the plan made from the sheet does not pass check: nothing written\n");
    return exit_findings;
  }
  bool to_file = !options.output.empty() && !options.dry_run;
  if (to_file)
    write_new_file(options.output, outcome.result.text);
  else
    write_out(outcome.result.text);
  std::string done =
      fmt::format("{} in {}", plural(outcome.result.actions, "action"), plural(outcome.result.issues, "key issue"));
  write_err(options.dry_run ? fmt::format("bvplan: dry run: {} not written\n", done)
            : to_file       ? fmt::format("bvplan: wrote {}: {}\n", options.output, done)
                            : fmt::format("bvplan: imported {}\n", done));
  std::string summary = render_diagnostics(outcome.checked.diagnostics, 1, DiagnosticFormat::text, source);
  if (to_file)
    write_out(summary);
  else
    write_err(summary);
  return exit_ok;
}

}  // namespace

Runner declare_import(CLI::App& command) { return bind_command<ImportCommandOptions>(command, declare, run); }

}  // namespace bvplan
