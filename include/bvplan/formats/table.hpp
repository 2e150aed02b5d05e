// One table type, laid out for a terminal, as Markdown or as CSV. Cells are written as
// they are given: escape them for the format first (escape_control, escape_markdown,
// csv_text).
#pragma once

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/formats/output.hpp"

namespace bvplan {

enum class Align { left, right };

struct Column {
  std::string title;
  Align align = Align::left;
};

// A cell left blank because nothing belongs there (a total row has no % complete), as
// against an empty value: Markdown writes it "| |" where an empty value is "|  |";
// terminal and CSV write nothing. Escaped text never equals it (it is one NUL byte).
inline constexpr std::string_view blank_cell{"\0", 1};

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
};

// Left-aligned columns with these titles, as a CSV header lists them.
std::vector<Column> titled_columns(std::initializer_list<std::string_view> titles);

// Columns two spaces apart and padded to their widest cell in characters (a travel arrow
// is one character but three bytes); trailing spaces dropped. `style(row, column, cell)`
// may wrap a body cell in terminal escapes that take no width (colour).
using CellStyle = std::function<std::string(size_t row, size_t column, const std::string& cell)>;
std::string render_terminal(const Table& table, const CellStyle& style = {});

// "| A | B |" then "|---|--:|" (right-aligned columns), then one line per row.
void write_markdown_header(Output& out, const std::vector<Column>& columns);
void write_markdown_row(Output& out, const std::vector<std::string>& cells);
std::string render_markdown(const Table& table);

// Cells joined by commas, lines ended by CRLF (RFC 4180).
void write_csv_row(Output& out, const std::vector<std::string>& cells);
std::string render_csv(const Table& table);

}  // namespace bvplan
