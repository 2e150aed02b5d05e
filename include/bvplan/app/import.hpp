// bvplan import: a spreadsheet read from disk, the plan written from it checked, and
// written where it was asked for.
#pragma once

#include <optional>
#include <string>

#include "bvplan/app/plan_set.hpp"
#include "bvplan/authoring/import.hpp"
#include "bvplan/core/date.hpp"

namespace bvplan {

struct ImportRequest {
  std::string sheet;   // the CSV file
  std::string output;  // the plan file to create; empty: standard output
  std::string plan_id, title;
  std::optional<Date> start, end, date;
  std::string owners_file;  // --owners
  size_t max_file_size = default_max_file_bytes;
};

struct ImportOutcome {
  ImportResult result;    // the sheet's findings and notes; text empty on errors
  SourceFile plan;        // the plan as written, named as messages name it (-o, or <stdout>)
  CheckedPlan checked;    // the plan checked as of `today`, with the owners it inherits
  Diagnostics registers;  // findings in the owners registers read
  const SourceFile* register_source(const std::string& file) const { return registers_.source(file); }
  OwnerRegisters registers_{default_max_file_bytes};
};

// Reads the sheet (Error when it cannot be read, or -o names a file that exists), imports
// it and checks the plan as of `today`, the date of progress when neither the sheet nor
// --date gives one. Writes nothing.
ImportOutcome import_spreadsheet(const ImportRequest& request, Date today);

}  // namespace bvplan
