#include "bvplan/formats/findings.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/code_scanning.hpp"
#include "bvplan/formats/json.hpp"
#include "bvplan/formats/text.hpp"

namespace bvplan {

namespace {

std::string summary_line(const Diagnostics& diagnostics, size_t files) {
  return fmt::format("{} checked: {}, {}", plural(files, "file"),
                     plural(count_severity(diagnostics, Severity::error), "error"),
                     plural(count_severity(diagnostics, Severity::warning), "warning"));
}

// The caret line under column `column` of `line`: tabs kept so the caret lines up,
// one space per character (not per byte) otherwise.
std::string caret_line(std::string_view line, unsigned column) {
  std::string out;
  size_t bytes = 0;
  for (unsigned c = 1; c < column && bytes < line.size(); ++c) {
    out += line[bytes] == '\t' ? '\t' : ' ';
    ++bytes;
    while (bytes < line.size() && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80) ++bytes;
  }
  return out + '^';
}

// The byte where character `column` (from 1) of `line` starts.
size_t byte_of_column(std::string_view line, unsigned column) {
  size_t at = 0;
  for (unsigned c = 1; c < column && at < line.size(); ++c) {
    ++at;
    while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

size_t characters(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The first line of a finding: plan content escaped, and never read as a workflow command.
std::string finding_line(const Diagnostic& d) {
  std::string line = d.position.line > 0
                         ? fmt::format("{}:{}:{}: {}: {} [{}]", escape_control(d.file), d.position.line,
                                       d.position.column, to_string(d.severity), escape_control(d.message), d.rule)
                         : fmt::format("{}: {}: {} [{}]", escape_control(d.file), to_string(d.severity),
                                       escape_control(d.message), d.rule);
  guard_line_start(line);
  return line + '\n';
}

std::string findings_text(const Diagnostics& diagnostics, const SourceLookup& sources) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += finding_line(d);
    const SourceFile* source = d.position.line > 0 ? sources(d.file) : nullptr;
    if (source) {
      std::string_view line = source->line_text(d.position.line);
      size_t at = byte_of_column(line, d.position.column);
      size_t start = 0, end = line.size();
      std::string_view before = "", after = "";
      // Show a window of a very long line (minified or hostile input) around the column.
      constexpr size_t window = 60;
      if (line.size() > 2 * window + 20) {
        start = at > window ? at - window : 0;
        while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
        end = std::min(line.size(), start + 2 * window);
        while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
        if (start > 0) before = "...";
        if (end < line.size()) after = "...";
      }
      // Control characters and bytes that are not UTF-8 shown escaped; the caret goes
      // under the first character of the escaped text at the column.
      at = std::min(std::max(at, start), end);
      std::string head = fmt::format("    {}{}", before, escape_control(line.substr(start, at - start), Keep::tab));
      std::string shown = head + escape_control(line.substr(at, end - at), Keep::tab) + std::string(after);
      size_t column = characters(head) + 1;
      size_t guarded = guard_line_start(shown);
      if (guarded != std::string::npos && guarded < head.size()) column += 3;  // ":" became "\x3a"
      out += fmt::format("{}\n{}\n", shown, caret_line(shown, static_cast<unsigned>(column)));
    }
    if (!d.hint.empty()) out += fmt::format("    hint: {}\n", escape_control(d.hint));
  }
  return out;
}

std::string render_text(const Diagnostics& diagnostics, size_t files, const SourceLookup& sources) {
  return findings_text(diagnostics, sources) + summary_line(diagnostics, files) + "\n";
}

std::string render_json(const Diagnostics& diagnostics, size_t files) {
  return render_to_string([&](Output& out) {
    JsonWriter json(out);
    json.begin_object().key("version").number(1).key("files").number(static_cast<long long>(files));
    json.key("errors").number(static_cast<long long>(count_severity(diagnostics, Severity::error)));
    json.key("warnings").number(static_cast<long long>(count_severity(diagnostics, Severity::warning)));
    json.key("diagnostics").begin_array({true, 2, true});
    for (const Diagnostic& d : diagnostics) {
      json.begin_object().key("file").string(d.file).key("line").number(static_cast<long long>(d.position.line));
      json.key("column")
          .number(static_cast<long long>(d.position.column))
          .key("severity")
          .string(to_string(d.severity));
      json.key("rule").string(d.rule).key("message").string(d.message);
      json.key("hint").string_or_null(d.hint.empty() ? std::nullopt : std::optional(d.hint)).end_object();
    }
    json.end_array().end_object();
    out.put('\n');
  });
}

// GitHub workflow command escaping: data escapes %, CR, LF; properties also : and ,.
std::string escape_github(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_github(const Diagnostics& diagnostics, size_t files) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    // Control characters escaped first (no raw line break or ESC reaches the log), then
    // the workflow command's own escapes.
    std::string message = escape_control(d.message);
    if (!d.hint.empty()) message += "\nhint: " + escape_control(d.hint);
    out += fmt::format("::{} file={}", to_string(d.severity), escape_github(escape_control(d.file), true));
    if (d.position.line > 0) out += fmt::format(",line={},col={}", d.position.line, d.position.column);
    out += fmt::format(",title={}::{}\n", escape_github("bvplan " + d.rule, true), escape_github(message, false));
  }
  out += summary_line(diagnostics, files) + "\n";
  return out;
}

}  // namespace

std::string render_findings_text(const Diagnostics& diagnostics, const SourceLookup& sources) {
  return findings_text(diagnostics, sources);
}

std::string render_diagnostics(const Diagnostics& diagnostics, size_t files, DiagnosticFormat format,
                               const SourceLookup& sources, std::string_view version) {
  switch (format) {
    case DiagnosticFormat::json: return render_json(diagnostics, files);
    case DiagnosticFormat::github: return render_github(diagnostics, files);
    case DiagnosticFormat::sarif: return render_sarif(diagnostics, version);
    case DiagnosticFormat::gitlab: return render_gitlab(diagnostics);
    case DiagnosticFormat::text: break;
  }
  return render_text(diagnostics, files, sources);
}

}  // namespace bvplan
