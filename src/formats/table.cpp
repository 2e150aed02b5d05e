#include "bvplan/formats/table.hpp"

#include <algorithm>

namespace bvplan {

namespace {

size_t display_width(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view text_of(const std::string& cell) { return cell == blank_cell ? std::string_view() : cell; }

std::vector<std::string> titles(const std::vector<Column>& columns) {
  std::vector<std::string> out;
  for (const Column& c : columns) out.push_back(c.title);
  return out;
}

}  // namespace

std::vector<Column> titled_columns(std::initializer_list<std::string_view> titles) {
  std::vector<Column> out;
  out.reserve(titles.size());
  for (std::string_view title : titles) out.push_back({std::string(title)});
  return out;
}

std::string render_terminal(const Table& table, const CellStyle& style) {
  std::vector<size_t> width(table.columns.size(), 0);
  for (size_t c = 0; c < table.columns.size(); ++c) width[c] = display_width(table.columns[c].title);
  for (const auto& row : table.rows)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(text_of(row[c])));
  std::string out;
  auto line_of = [&](const std::vector<std::string>& cells, size_t body_row, bool header) {
    std::string line;
    for (size_t c = 0; c < cells.size(); ++c) {
      std::string text(text_of(cells[c]));
      std::string pad(width[c] - display_width(text), ' ');
      std::string shown = !header && style ? style(body_row, c, text) : text;
      line += c ? "  " : "";
      line += table.columns[c].align == Align::right ? pad + shown : shown + pad;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  };
  line_of(titles(table.columns), 0, true);
  for (size_t r = 0; r < table.rows.size(); ++r) line_of(table.rows[r], r, false);
  return out;
}

void write_markdown_header(Output& out, const std::vector<Column>& columns) {
  write_markdown_row(out, titles(columns));
  out.put('|');
  for (const Column& c : columns) out.write(c.align == Align::right ? "--:|" : "---|");
  out.put('\n');
}

void write_markdown_row(Output& out, const std::vector<std::string>& cells) {
  out.put('|');
  for (const std::string& cell : cells) {
    if (cell != blank_cell) {
      out.put(' ');
      out.write(cell);
    }
    out.write(" |");
  }
  out.put('\n');
}

std::string render_markdown(const Table& table) {
  return render_to_string([&](Output& out) {
    write_markdown_header(out, table.columns);
    for (const auto& row : table.rows) write_markdown_row(out, row);
  });
}

void write_csv_row(Output& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out.put(',');
    out.write(text_of(cells[i]));
  }
  out.write("\r\n");
}

std::string render_csv(const Table& table) {
  return render_to_string([&](Output& out) {
    write_csv_row(out, titles(table.columns));
    for (const auto& row : table.rows) write_csv_row(out, row);
  });
}

}  // namespace bvplan
