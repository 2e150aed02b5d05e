#include "bvplan/authoring/csv.hpp"

#include <fmt/format.h>

#include "bvplan/core/utf8.hpp"

namespace bvplan {

namespace {

// Windows-1252's characters for 0x80 to 0x9F (0 where it defines none); 0xA0 to 0xFF are
// U+00A0 to U+00FF, as in Latin-1.
constexpr char32_t windows_1252_high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                            0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The 1-based line and column (in bytes, as the text is not yet known to be UTF-8) of
// byte `at`.
Position position_of(std::string_view bytes, size_t at) {
  Position p{1, 1};
  for (size_t i = 0; i < at; ++i) {
    if (bytes[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

Diagnostic encoding_error(const std::string& file, Position at, std::string message, std::string hint) {
  return Diagnostic{file, at, Severity::error, "csv-encoding", std::move(message), std::move(hint)};
}

constexpr const char* save_as_hint =
    "in Excel, save the sheet with 'Save As' and the type 'CSV UTF-8 (Comma delimited)'";

}  // namespace

const char* to_string(CsvEncoding encoding) {
  switch (encoding) {
    case CsvEncoding::utf8: return "UTF-8";
    case CsvEncoding::utf8_bom: return "UTF-8 with a byte-order mark";
    case CsvEncoding::windows_1252: return "Windows-1252";
  }
  return "UTF-8";
}

std::optional<DecodedText> decode_spreadsheet(std::string_view bytes, const std::string& file, Diagnostics& errors) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    errors.push_back(
        encoding_error(file, {1, 1}, "the file is UTF-16 (Excel's 'Unicode Text'), not CSV", save_as_hint));
    return std::nullopt;
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    errors.push_back(
        encoding_error(file, position_of(bytes, nul), "the file holds a NUL byte: it is not a CSV file", save_as_hint));
    return std::nullopt;
  }
  DecodedText decoded;
  bool bom = bytes.starts_with("\xEF\xBB\xBF");
  if (bom) bytes.remove_prefix(3);
  size_t bad = std::string_view::npos;
  for (size_t i = 0; i < bytes.size();) {
    size_t n = utf8_length(bytes, i);
    if (n == 0) {
      bad = i;
      break;
    }
    i += n;
  }
  if (bad == std::string_view::npos) {
    decoded.text = std::string(bytes);
    decoded.encoding = bom ? CsvEncoding::utf8_bom : CsvEncoding::utf8;
    return decoded;
  }
  if (bom) {
    Position at = position_of(bytes, bad);
    errors.push_back(
        encoding_error(file, at,
                       fmt::format("byte 0x{:02X} is not UTF-8, though the file starts with UTF-8's byte-order mark",
                                   static_cast<unsigned char>(bytes[bad])),
                       save_as_hint));
    return std::nullopt;
  }
  decoded.encoding = CsvEncoding::windows_1252;
  decoded.text.reserve(bytes.size() + bytes.size() / 8);
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte < 0x80) {
      decoded.text += static_cast<char>(byte);
      continue;
    }
    char32_t code = byte >= 0xA0 ? char32_t{byte} : windows_1252_high[byte - 0x80];
    if (code == 0) {
      errors.push_back(encoding_error(file, position_of(bytes, i),
                                      fmt::format("byte 0x{:02X} is neither UTF-8 nor Windows-1252", byte),
                                      save_as_hint));
      return std::nullopt;
    }
    append_utf8(decoded.text, code);
  }
  return decoded;
}

std::vector<CsvRow> read_csv(std::string_view text, char separator, const std::string& file, Diagnostics& errors,
                             unsigned max_rows) {
  std::vector<CsvRow> rows;
  if (text.empty()) return rows;
  CsvRow row{1, {}};
  std::string cell;
  size_t i = 0;
  const size_t n = text.size();
  size_t cells = 0;
  auto too_many = [&] {
    if (++cells <= max_csv_cells) return false;
    errors.push_back(Diagnostic{file,
                                {row.number, static_cast<unsigned>(row.cells.size()) + 1},
                                Severity::error,
                                "csv-too-big",
                                fmt::format("the sheet holds more than {} cells", max_csv_cells),
                                "bvplan reads sheets of up to a million cells: one row per action, with its columns"});
    return true;
  };
  auto end_row = [&] {
    unsigned next = row.number + 1;
    if (!row.cells.empty() || !cell.empty()) {  // a blank line is counted as a row, not kept
      row.cells.push_back(std::move(cell));
      rows.push_back(std::move(row));
    }
    cell.clear();
    row = CsvRow{next, {}};
  };
  while (true) {
    // At the start of a cell.
    if (i < n && text[i] == '"') {
      unsigned column = static_cast<unsigned>(row.cells.size()) + 1;
      ++i;
      bool closed = false;
      while (i < n) {
        size_t quote = text.find('"', i);
        size_t stop = quote == std::string_view::npos ? n : quote;
        // Line breaks inside a cell become "\n", whatever the file's line ends.
        for (size_t k = i; k < stop;) {
          size_t cr = text.find('\r', k);
          if (cr == std::string_view::npos || cr >= stop) {
            cell.append(text.substr(k, stop - k));
            break;
          }
          cell.append(text.substr(k, cr - k));
          cell += '\n';
          k = cr + 1;
          if (k < stop && text[k] == '\n') ++k;
        }
        if (quote == std::string_view::npos) {
          i = n;
          break;
        }
        if (quote + 1 < n && text[quote + 1] == '"') {
          cell += '"';
          i = quote + 2;
          continue;
        }
        i = quote + 1;
        closed = true;
        break;
      }
      if (!closed) {
        errors.push_back(Diagnostic{file,
                                    {row.number, column},
                                    Severity::error,
                                    "csv-syntax",
                                    "this cell's opening quote is never closed: the rest of the file would be one cell",
                                    "a quote inside a quoted cell is written twice (\"\"); look for a stray quote in "
                                    "this cell"});
        return rows;
      }
    }
    // The unquoted part of the cell (all of it, or what follows a closing quote).
    const char stops[] = {separator, '\n', '\r', '\0'};
    size_t stop = text.find_first_of(std::string_view(stops, 3), i);
    if (stop == std::string_view::npos) stop = n;
    cell.append(text.substr(i, stop - i));
    i = stop;
    if (i >= n) {
      if ((!cell.empty() || !row.cells.empty()) && !too_many()) end_row();
      return rows;
    }
    bool blank_line = text[i] != separator && row.cells.empty() && cell.empty();
    if (!blank_line && too_many()) return rows;
    if (text[i] == separator) {
      row.cells.push_back(std::move(cell));
      cell.clear();
      ++i;
      continue;
    }
    // A line end: CRLF, LF or CR alone.
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    ++i;
    end_row();
    if (i >= n || row.number > max_rows) return rows;
  }
}

}  // namespace bvplan
