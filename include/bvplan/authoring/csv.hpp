// Spreadsheets saved as CSV, as Excel writes them: the bytes' encoding (UTF-8 with or
// without a byte-order mark, or Windows-1252) and the rows, each cell with its position.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/core/diagnostic.hpp"

namespace bvplan {

enum class CsvEncoding { utf8, utf8_bom, windows_1252 };

// "UTF-8", "UTF-8 with a byte-order mark", "Windows-1252".
const char* to_string(CsvEncoding encoding);

struct DecodedText {
  std::string text;  // UTF-8, without a byte-order mark
  CsvEncoding encoding = CsvEncoding::utf8;
};

// The bytes as UTF-8 text: valid UTF-8 (a byte-order mark dropped) is kept; anything else
// is read as Windows-1252 (Excel's "CSV" on a Windows PC in Britain, where 0xA3 is `£`)
// and converted. Errors, at `file`'s line and column: a NUL byte, UTF-16 (Excel's
// "Unicode text"), invalid UTF-8 after a UTF-8 byte-order mark, and the five bytes that
// Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
std::optional<DecodedText> decode_spreadsheet(std::string_view bytes, const std::string& file, Diagnostics& errors);

struct CsvRow {
  unsigned number = 0;             // 1-based: the spreadsheet's row (a record, whatever line breaks its cells hold)
  std::vector<std::string> cells;  // line breaks inside a cell are "\n"
};

// The most cells read_csv reads: a plan's sheet has thousands; a hostile file of commas
// or line ends would otherwise cost some 32 bytes of memory for each byte.
inline constexpr size_t max_csv_cells = 1'000'000;

// The rows of UTF-8 `text` separated by `separator` (RFC 4180 as Excel writes it):
// quoted cells may hold the separator, line breaks and doubled quotes; records end with
// CRLF, LF or CR. A quote inside an unquoted cell, and text after a closing quote, are
// kept as written. A quoted cell that never ends is an error at its row and column, and
// the rows before it are returned; so is a sheet of more than max_csv_cells cells. Blank
// lines are left out (the rows after them keep their numbers). Reading stops after row
// `max_rows`. Time and memory are linear in the text.
std::vector<CsvRow> read_csv(std::string_view text, char separator, const std::string& file, Diagnostics& errors,
                             unsigned max_rows = static_cast<unsigned>(-1));

}  // namespace bvplan
