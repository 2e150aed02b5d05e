#include "bvplan/app/check.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/model/loader.hpp"
#include "bvplan/rules/validate.hpp"
#include "bvplan/yaml/reader.hpp"

namespace bvplan {

CheckedPlan check_plan(SourceFile& source, const Owners& inherited, Date as_of) {
  CheckedPlan checked;
  LoadResult loaded = load_plan_text(source);
  checked.diagnostics = std::move(loaded.diagnostics);
  if (loaded.plan) {
    checked.owners = inherited;
    for (const auto& [id, owner] : loaded.plan->owners) checked.owners.insert_or_assign(id, owner);
    validate_plan(*loaded.plan, checked.owners, as_of, checked.diagnostics);
    checked.plan = std::move(loaded.plan);
  }
  sort_diagnostics(checked.diagnostics);
  return checked;
}

Owners load_owners_text(SourceFile& source, Diagnostics& diagnostics) {
  Diagnostics found = check_encoding(source);
  Owners owners;
  if (found.empty()) {
    Document document = read_yaml(source, found);
    if (document.usable) owners = load_owners(document, source.path, found);
  }
  diagnostics.insert(diagnostics.end(), found.begin(), found.end());
  return owners;
}

namespace {

std::string plural(size_t n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

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
  std::string out =
      fmt::format(R"({{"version":1,"files":{},"errors":{},"warnings":{},"diagnostics":[)", files,
                  count_severity(diagnostics, Severity::error), count_severity(diagnostics, Severity::warning));
  bool first = true;
  for (const Diagnostic& d : diagnostics) {
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format(R"(  {{"file":{},"line":{},"column":{},"severity":"{}","rule":"{}","message":{},"hint":{}}})",
                       json_quote(d.file), d.position.line, d.position.column, to_string(d.severity), d.rule,
                       json_quote(d.message), d.hint.empty() ? "null" : json_quote(d.hint));
  }
  out += first ? "]}\n" : "\n]}\n";
  return out;
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
                               const SourceLookup& sources) {
  switch (format) {
    case DiagnosticFormat::json: return render_json(diagnostics, files);
    case DiagnosticFormat::github: return render_github(diagnostics, files);
    case DiagnosticFormat::text: break;
  }
  return render_text(diagnostics, files, sources);
}

}  // namespace bvplan
