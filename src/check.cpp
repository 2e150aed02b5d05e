#include "bvplan/check.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bvplan/plan_loader.hpp"
#include "bvplan/text.hpp"
#include "bvplan/validate.hpp"
#include "bvplan/yaml_reader.hpp"

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

std::string plural(size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

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

// The excerpt as it can be shown on a terminal: control characters and bytes that are
// not UTF-8 become '?', one per character, so the caret still lines up.
std::string printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    auto c = static_cast<unsigned char>(line[i]);
    if (c == '\t' || (c >= 0x20 && c < 0x7F)) {
      out += static_cast<char>(c);
    } else if (c >= 0xC2 && c <= 0xF4) {
      size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      bool ok = i + n <= line.size();
      for (size_t k = 1; ok && k < n; ++k)
        ok = (static_cast<unsigned char>(line[i + k]) & 0xC0) == 0x80;
      if (ok) {
        out.append(line.substr(i, n));
        i += n - 1;
      } else {
        out += '?';
      }
    } else {
      out += '?';
    }
  }
  return out;
}

std::string findings_text(const Diagnostics& diagnostics, const SourceLookup& sources) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (d.position.line > 0)
      out += fmt::format("{}:{}:{}: {}: {} [{}]\n", d.file, d.position.line, d.position.column,
                         to_string(d.severity), d.message, d.rule);
    else
      out += fmt::format("{}: {}: {} [{}]\n", d.file, to_string(d.severity), d.message, d.rule);
    const SourceFile* source = d.position.line > 0 ? sources(d.file) : nullptr;
    if (source) {
      std::string_view line = source->line_text(d.position.line);
      unsigned column = d.position.column;
      std::string_view before = "", after = "";
      // Show a window of a very long line (minified or hostile input) around the column.
      constexpr unsigned window = 60;
      if (line.size() > 2 * window + 20) {
        // The column counts characters: find its byte, then take bytes around it.
        size_t at = 0;
        for (unsigned c = 1; c < column && at < line.size(); ++c) {
          ++at;
          while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
        }
        size_t start = at > window ? at - window : 0;
        while (start > 0 && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) --start;
        size_t end = std::min(line.size(), start + 2 * window);
        while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
        if (start > 0) before = "...";
        if (end < line.size()) after = "...";
        size_t skipped = 0;
        for (size_t i = 0; i < start; ++i)
          if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++skipped;
        column = static_cast<unsigned>(column - skipped + before.size());
        line = line.substr(start, end - start);
      }
      std::string shown = fmt::format("{}{}{}", before, printable(line), after);
      out += fmt::format("    {}\n    {}\n", shown, caret_line(shown, column));
    }
    if (!d.hint.empty()) out += fmt::format("    hint: {}\n", d.hint);
  }
  return out;
}

std::string render_text(const Diagnostics& diagnostics, size_t files, const SourceLookup& sources) {
  return findings_text(diagnostics, sources) + summary_line(diagnostics, files) + "\n";
}

std::string render_json(const Diagnostics& diagnostics, size_t files) {
  std::string out = fmt::format(R"({{"version":1,"files":{},"errors":{},"warnings":{},"diagnostics":[)",
                                files, count_severity(diagnostics, Severity::error),
                                count_severity(diagnostics, Severity::warning));
  bool first = true;
  for (const Diagnostic& d : diagnostics) {
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format(R"(  {{"file":{},"line":{},"column":{},"severity":"{}","rule":"{}","message":{},"hint":{}}})",
                       json_quote(d.file), d.position.line, d.position.column,
                       to_string(d.severity), d.rule, json_quote(d.message),
                       d.hint.empty() ? "null" : json_quote(d.hint));
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
    std::string message = d.hint.empty() ? d.message : d.message + "\n" + "hint: " + d.hint;
    out += fmt::format("::{} file={}", to_string(d.severity), escape_github(d.file, true));
    if (d.position.line > 0)
      out += fmt::format(",line={},col={}", d.position.line, d.position.column);
    out += fmt::format(",title={}::{}\n", escape_github("bvplan " + d.rule, true),
                       escape_github(message, false));
  }
  out += summary_line(diagnostics, files) + "\n";
  return out;
}

}  // namespace

std::string render_findings_text(const Diagnostics& diagnostics, const SourceLookup& sources) {
  return findings_text(diagnostics, sources);
}

std::string render_diagnostics(const Diagnostics& diagnostics, size_t files,
                               DiagnosticFormat format, const SourceLookup& sources) {
  switch (format) {
    case DiagnosticFormat::json: return render_json(diagnostics, files);
    case DiagnosticFormat::github: return render_github(diagnostics, files);
    case DiagnosticFormat::text: break;
  }
  return render_text(diagnostics, files, sources);
}

}  // namespace bvplan
