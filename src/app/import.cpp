#include "bvplan/app/import.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/io/files.hpp"

namespace bvplan {

ImportOutcome import_spreadsheet(const ImportRequest& request, Date today) {
  namespace fs = std::filesystem;
  if (!is_valid_id(request.plan_id))
    throw Error(
        fmt::format("--id '{}' is not an id: letters, digits, dots, hyphens and underscores, such as "
                    "infra-2004",
                    request.plan_id));
  std::error_code error;
  if (!request.output.empty() && fs::exists(fs::symlink_status(request.output, error)))
    throw Error(
        fmt::format("'{}' already exists; bvplan import does not overwrite it (choose another -o)", request.output));
  ImportOutcome outcome;
  outcome.registers_ = OwnerRegisters(request.max_file_size);
  if (!request.owners_file.empty()) outcome.registers_.set_explicit(request.owners_file);
  std::string plan_name = request.output.empty() ? "<stdout>" : request.output;
  // Registers are found from where the plan goes (standard output: the current folder).
  OwnersRegister inherited = outcome.registers_.for_plan(request.output.empty() ? "-" : request.output);
  outcome.registers = outcome.registers_.take_diagnostics();

  std::optional<Diagnostic> too_big;
  SourceFile sheet = read_source_file(request.sheet, request.max_file_size, too_big);
  if (too_big) {
    outcome.result.findings.push_back(*too_big);
    return outcome;
  }
  ImportOptions options;
  options.file = request.sheet;
  options.source_name = fs::path(request.sheet).filename().string();
  options.plan_id = request.plan_id;
  options.title = request.title;
  options.start = request.start;
  options.end = request.end;
  options.progress_date = request.date.value_or(today);
  options.progress_date_given = request.date.has_value();
  options.registered = inherited.owners;
  outcome.result = import_sheet(sheet.text, options);
  if (outcome.result.text.empty()) return outcome;
  outcome.plan = SourceFile(plan_name, outcome.result.text);
  outcome.checked = check_plan(outcome.plan, inherited, today);
  return outcome;
}

}  // namespace bvplan
