// A spreadsheet of actions (CSV) to the text of a plan: the pure part of `bvplan import`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/authoring/csv.hpp"
#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

// What a month without a day ("December 2004") stands for: its first day in a start
// column, its last day elsewhere (a due date).
enum class MonthDay { first, last };

// A date as councils write them, day first: 31/12/2004, 31/12/04 (00-29 are 2000s, 30-99
// the 1900s, as Excel reads them), 31-12-2004, 31.12.2004, 31 Dec 2004, 31st December
// 2004, 31-Dec-04, December 2004 and Dec-04 (a month: see MonthDay), 2004-12-31. A time
// after the date (00:00) is ignored. nullopt for anything else, or a day that does not exist.
std::optional<Date> read_sheet_date(std::string_view text, MonthDay month_day = MonthDay::last);

// An amount as a plan writes it ("1500", "1500.5"): `£`, spaces and thousands commas
// (groups of three) dropped, leading and trailing zeros too. nullopt for anything else:
// a negative amount, `1,50`, `1.5m`, more than 15 significant digits or decimal places,
// or more than a trillion.
std::optional<std::string> read_sheet_amount(std::string_view text);

// A percentage as a plan writes it ("60", "62.5"): a number from 0 to 100 with an
// optional `%`. nullopt for anything else.
std::optional<std::string> read_sheet_percent(std::string_view text);

struct ImportOptions {
  std::string file;         // the sheet, as messages name it
  std::string source_name;  // the sheet as the plan's first comment names it
  std::string plan_id;
  std::string title;
  std::optional<Date> start;  // else the earliest start in the sheet
  std::optional<Date> end;    // else the latest due date
  Date progress_date;         // the date of progress on rows that give none
  bool progress_date_given = false;
  Owners registered;  // owners from registers: a lead written as one of their ids or names takes that id
};

struct ImportResult {
  std::string text;      // the plan; empty when there are errors
  Diagnostics findings;  // at the sheet's row and column: errors, and warnings (columns kept as notes, rows skipped)
  std::vector<std::string> notes;  // what was read and decided: encoding, separator, header row, dates
  size_t issues = 0, actions = 0;
};

// Reads the bytes of a spreadsheet saved as CSV (see decode_spreadsheet and read_csv;
// the separator, comma, semicolon or tab, is the one under which a header row is found)
// and writes the plan: one action per row, columns matched by their header.
ImportResult import_sheet(std::string_view bytes, const ImportOptions& options);

}  // namespace bvplan
