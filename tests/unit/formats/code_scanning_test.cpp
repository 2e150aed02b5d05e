#include "bvplan/formats/code_scanning.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

namespace {

Diagnostic finding(std::string file, unsigned line, unsigned column, Severity severity, std::string rule,
                   std::string message, std::string hint = {}) {
  return {std::move(file), {line, column}, severity, std::move(rule), std::move(message), std::move(hint)};
}

}  // namespace

TEST_CASE("finding_fingerprint: FNV-1a of rule, file, message and repeat; not of positions") {
  Diagnostic a = finding("plans/a.yaml", 21, 9, Severity::error, "duplicate-key",
                         "duplicate key 'due' (first at line 19, column 9)");
  Diagnostic moved = a;
  moved.position = {40, 9};
  moved.message = "duplicate key 'due' (first at line 38, column 9)";
  CHECK(finding_fingerprint(a, 0).size() == 16);
  CHECK(finding_fingerprint(a, 0) == finding_fingerprint(moved, 0));
  CHECK(finding_fingerprint(a, 0) != finding_fingerprint(a, 1));
  Diagnostic other = a;
  other.file = "plans/b.yaml";
  CHECK(finding_fingerprint(a, 0) != finding_fingerprint(other, 0));
  // "line" as a word of the message, not followed by a number, is kept.
  Diagnostic words = finding("p.yaml", 1, 1, Severity::warning, "r", "bottom line 5");
  Diagnostic words2 = finding("p.yaml", 1, 1, Severity::warning, "r", "bottom line 6");
  Diagnostic words3 = finding("p.yaml", 1, 1, Severity::warning, "r", "bottom lines");
  CHECK(finding_fingerprint(words, 0) == finding_fingerprint(words2, 0));
  CHECK(finding_fingerprint(words, 0) != finding_fingerprint(words3, 0));
  // The same bytes on every machine: FNV-1a 64 of "r\0p.yaml\0x\0" then "0".
  CHECK(finding_fingerprint(finding("p.yaml", 1, 1, Severity::warning, "r", "x"), 0) ==
        finding_fingerprint(finding("p.yaml", 7, 3, Severity::error, "r", "x"), 0));
}

TEST_CASE("path_uri: relative paths stay relative and are percent-encoded; absolute ones are file URIs") {
  CHECK(path_uri("plans/a.yaml") == "plans/a.yaml");
  CHECK(path_uri("./plans/a b.yaml") == "plans/a%20b.yaml");
  CHECK(path_uri("/srv/plans/x#1.yaml") == "file:///srv/plans/x%231.yaml");
  CHECK(path_uri("plans/caf\xC3\xA9.yaml") == "plans/caf%C3%A9.yaml");
  CHECK(path_uri("<stdin>") == "%3Cstdin%3E");
}

TEST_CASE("render_gitlab: one issue per finding, major for errors, minor for warnings") {
  Diagnostics all = {finding("plans/a.yaml", 3, 7, Severity::error, "unknown-owner", "unknown owner 'X'", "declare it"),
                     finding("plans/a.yaml", 0, 0, Severity::warning, "unused-owner", "owner 'Y' is not used")};
  std::string a = finding_fingerprint(all[0], 0), b = finding_fingerprint(all[1], 0);
  CHECK(render_gitlab(all) ==
        "[\n"
        "  {\"description\":\"unknown owner 'X'\\nhint: declare it\",\"check_name\":\"unknown-owner\","
        "\"fingerprint\":\"" +
            a +
            "\",\"severity\":\"major\",\"location\":{\"path\":\"plans/a.yaml\",\"lines\":{\"begin\":3}}},\n"
            "  {\"description\":\"owner 'Y' is not used\",\"check_name\":\"unused-owner\",\"fingerprint\":\"" +
            b + "\",\"severity\":\"minor\",\"location\":{\"path\":\"plans/a.yaml\",\"lines\":{\"begin\":1}}}\n]\n");
  CHECK(render_gitlab({}) == "[]\n");
}

TEST_CASE("render_sarif: every catalog rule, results pointing at theirs, identical findings told apart") {
  Diagnostic twice = finding("plans/a.yaml", 5, 2, Severity::warning, "stale-update", "no update");
  Diagnostic other = twice;
  other.position = {9, 2};
  std::string sarif = render_sarif({twice, other}, "9.9.9");
  CHECK(
      sarif.starts_with("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
                        "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"bvplan\",\"version\":\"9.9.9\","));
  CHECK(sarif.find("{\"id\":\"stale-update\",\"name\":\"StaleUpdate\",\"shortDescription\"") != std::string::npos);
  CHECK(sarif.find("\"ruleId\":\"stale-update\",\"ruleIndex\":") != std::string::npos);
  CHECK(sarif.find("\"region\":{\"startLine\":9,\"startColumn\":2}") != std::string::npos);
  CHECK(sarif.find(finding_fingerprint(twice, 0)) != std::string::npos);
  CHECK(sarif.find(finding_fingerprint(twice, 1)) != std::string::npos);
  // A rule the catalog does not hold still gets a rule entry.
  std::string odd = render_sarif({finding("a.yaml", 1, 1, Severity::error, "made-up", "m")}, "1");
  CHECK(odd.find("{\"id\":\"made-up\",\"name\":\"MadeUp\",\"defaultConfiguration\":{\"level\":\"error\"}}") !=
        std::string::npos);
}

TEST_CASE("render_step_summary: the counts, then every finding") {
  CHECK(render_step_summary({}, 2) == "## bvplan check\n\n0 errors, 0 warnings in 2 files\n");
  CHECK(render_step_summary({finding("p|q.yaml", 3, 1, Severity::error, "bad-date", "'x' is not a date", "use ISO")},
                            1) ==
        "## bvplan check\n\n1 error, 0 warnings in 1 file\n\n"
        "| File | Line | Severity | Rule | Message |\n"
        "|---|--:|---|---|---|\n"
        "| p\\|q.yaml | 3 | error | bad-date | 'x' is not a date hint: use ISO |\n");
}
