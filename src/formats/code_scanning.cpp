#include "bvplan/formats/code_scanning.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <tuple>

#include "bvplan/formats/json.hpp"
#include "bvplan/formats/table.hpp"
#include "bvplan/formats/text.hpp"
#include "bvplan/rules/catalog.hpp"

namespace bvplan {

namespace {

std::string without_positions(std::string_view message);

uint64_t fnv1a(uint64_t hash, std::string_view text) {
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// "unknown-owner" -> "UnknownOwner", SARIF's rule name.
std::string rule_name(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

const char* level(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

std::string message_text(const Diagnostic& d) { return d.hint.empty() ? d.message : d.message + "\nhint: " + d.hint; }

// Each finding's fingerprint, counting identical findings in order.
std::vector<std::string> fingerprints(const Diagnostics& diagnostics) {
  std::map<std::tuple<std::string_view, std::string_view, std::string>, size_t> seen;
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  for (const Diagnostic& d : diagnostics)
    out.push_back(finding_fingerprint(d, seen[{d.rule, d.file, without_positions(d.message)}]++));
  return out;
}

// The message without the numbers of lines and columns it names ("first at line 21,
// column 9"), which move when text is added above.
std::string without_positions(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  for (size_t i = 0; i < message.size();) {
    bool names_position = false;
    for (std::string_view word : {std::string_view("line "), std::string_view("column ")})
      if (message.substr(i).starts_with(word) && i + word.size() < message.size() && message[i + word.size()] >= '0' &&
          message[i + word.size()] <= '9') {
        out += word;
        out += '#';
        i += word.size();
        while (i < message.size() && message[i] >= '0' && message[i] <= '9') ++i;
        names_position = true;
      }
    if (!names_position) out += message[i++];
  }
  return out;
}

}  // namespace

std::string finding_fingerprint(const Diagnostic& finding, size_t repeat) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  std::string message = without_positions(finding.message);
  for (std::string_view part :
       {std::string_view(finding.rule), std::string_view(finding.file), std::string_view(message)}) {
    hash = fnv1a(hash, part);
    hash = fnv1a(hash, std::string_view("\0", 1));
  }
  hash = fnv1a(hash, std::to_string(repeat));
  return fmt::format("{:016x}", hash);
}

std::string path_uri(std::string_view path) {
  std::string out = path.starts_with('/') ? "file://" : "";
  while (path.starts_with("./")) path.remove_prefix(2);
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                 c == '_' || c == '~' || c == '/';
    if (plain)
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string render_sarif(const Diagnostics& diagnostics, std::string_view version) {
  // The catalog's rules in its order, then any other rule a finding names.
  std::vector<RuleInfo> rules(rule_catalog().begin(), rule_catalog().end());
  std::map<std::string_view, size_t> index;
  for (size_t i = 0; i < rules.size(); ++i) index[rules[i].id] = i;
  for (const Diagnostic& d : diagnostics)
    if (index.emplace(d.rule, rules.size()).second) rules.push_back({d.rule, d.severity, "", "", ""});
  std::vector<std::string> prints = fingerprints(diagnostics);
  return render_to_string([&](Output& out) {
    JsonWriter json(out);
    json.begin_object()
        .key("$schema")
        .string("https://json.schemastore.org/sarif-2.1.0.json")
        .key("version")
        .string("2.1.0");
    json.key("runs").begin_array().begin_object();
    json.key("tool").begin_object().key("driver").begin_object();
    json.key("name").string("bvplan").key("version").string(version).key("semanticVersion").string(version);
    json.key("rules").begin_array({true, 8, true});
    for (const RuleInfo& r : rules) {
      json.begin_object().key("id").string(r.id).key("name").string(rule_name(r.id));
      if (!r.summary.empty()) {
        json.key("shortDescription").begin_object().key("text").string(r.summary).end_object();
        json.key("fullDescription").begin_object().key("text").string(r.description).end_object();
        std::string help = fmt::format("To fix: {}\n\nSee bvplan(1), RULES.", r.fix);
        json.key("help").begin_object().key("text").string(help).end_object();
      }
      json.key("defaultConfiguration").begin_object().key("level").string(level(r.severity)).end_object();
      json.end_object();
    }
    json.end_array().end_object().end_object();
    json.key("columnKind").string("unicodeCodePoints");
    json.key("results").begin_array({true, 4, true});
    for (size_t i = 0; i < diagnostics.size(); ++i) {
      const Diagnostic& d = diagnostics[i];
      json.begin_object().key("ruleId").string(d.rule);
      json.key("ruleIndex").number(static_cast<long long>(index.at(d.rule)));
      json.key("level").string(level(d.severity));
      json.key("message").begin_object().key("text").string(message_text(d)).end_object();
      json.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
      json.key("artifactLocation").begin_object().key("uri").string(path_uri(d.file)).end_object();
      // A finding about the whole file is placed on its first line.
      json.key("region").begin_object().key("startLine").number(std::max<long long>(1, d.position.line));
      if (d.position.column > 0) json.key("startColumn").number(static_cast<long long>(d.position.column));
      json.end_object().end_object().end_object().end_array();
      json.key("partialFingerprints").begin_object().key("bvplanFinding/v1").string(prints[i]).end_object();
      json.end_object();
    }
    json.end_array().end_object().end_array().end_object();
    out.put('\n');
  });
}

std::string render_gitlab(const Diagnostics& diagnostics) {
  std::vector<std::string> prints = fingerprints(diagnostics);
  return render_to_string([&](Output& out) {
    JsonWriter json(out);
    json.begin_array({true, 2, true});
    for (size_t i = 0; i < diagnostics.size(); ++i) {
      const Diagnostic& d = diagnostics[i];
      json.begin_object().key("description").string(message_text(d)).key("check_name").string(d.rule);
      json.key("fingerprint").string(prints[i]);
      json.key("severity").string(d.severity == Severity::error ? "major" : "minor");
      json.key("location").begin_object().key("path").string(d.file);
      json.key("lines").begin_object().key("begin").number(std::max<long long>(1, d.position.line)).end_object();
      json.end_object().end_object();
    }
    json.end_array();
    out.put('\n');
  });
}

std::string render_step_summary(const Diagnostics& diagnostics, size_t files) {
  size_t errors = count_severity(diagnostics, Severity::error);
  size_t warnings = count_severity(diagnostics, Severity::warning);
  std::string out =
      fmt::format("## bvplan check\n\n{} error{}, {} warning{} in {} file{}\n", errors, errors == 1 ? "" : "s",
                  warnings, warnings == 1 ? "" : "s", files, files == 1 ? "" : "s");
  if (diagnostics.empty()) return out;
  Table table{{{"File"}, {"Line", Align::right}, {"Severity"}, {"Rule"}, {"Message"}}, {}};
  for (const Diagnostic& d : diagnostics)
    table.rows.push_back({escape_markdown(d.file), d.position.line ? std::to_string(d.position.line) : "",
                          to_string(d.severity), d.rule, escape_markdown(message_text(d))});
  return out + "\n" + render_markdown(table);
}

}  // namespace bvplan
