#include "bvplan/formats/findings.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

namespace {
const SourceLookup no_sources = [](const std::string&) -> const SourceFile* { return nullptr; };
}  // namespace

TEST_CASE("text format: position, excerpt, caret, hint, count") {
  SourceFile source{"p.yaml", "a:\n  b: caf\xC3\xA9 x\n"};
  Diagnostics d{{"p.yaml", {2, 11}, Severity::error, "bad-value", "bad", "fix it"}};
  std::string out = render_diagnostics(d, 1, DiagnosticFormat::text, [&](const std::string&) { return &source; });
  CHECK(out ==
        "p.yaml:2:11: error: bad [bad-value]\n"
        "      b: caf\xC3\xA9 x\n"
        "              ^\n"
        "    hint: fix it\n"
        "1 file checked: 1 error, 0 warnings\n");
}

TEST_CASE("json format") {
  Diagnostics d{{"p\".yaml", {2, 3}, Severity::warning, "stale-update", "old\nnews", ""}};
  CHECK(render_diagnostics(d, 2, DiagnosticFormat::json, no_sources) ==
        "{\"version\":1,\"files\":2,\"errors\":0,\"warnings\":1,\"diagnostics\":[\n"
        "  {\"file\":\"p\\\".yaml\",\"line\":2,\"column\":3,\"severity\":\"warning\","
        "\"rule\":\"stale-update\",\"message\":\"old\\nnews\",\"hint\":null}\n]}\n");
  CHECK(render_diagnostics({}, 0, DiagnosticFormat::json, no_sources) ==
        "{\"version\":1,\"files\":0,\"errors\":0,\"warnings\":0,\"diagnostics\":[]}\n");
}

TEST_CASE("github format escapes data and properties as GitHub documents") {
  Diagnostics d{{"a,b:c.yaml", {1, 2}, Severity::error, "bad-value", "100% wrong, really: yes", "x"}};
  CHECK(render_diagnostics(d, 1, DiagnosticFormat::github, no_sources) ==
        "::error file=a%2Cb%3Ac.yaml,line=1,col=2,title=bvplan bad-value::"
        "100%25 wrong, really: yes%0Ahint: x\n"
        "1 file checked: 1 error, 0 warnings\n");
}

TEST_CASE("text format: file names, messages and excerpts never drive the terminal") {
  SourceFile source{"p.yaml",
                    "a:\n  b: \x1B[2J\tx \xC2\x9B"
                    "1m\n::error::x: y\n"};
  Diagnostics d{{"::e\x1B]0;t\x07.yaml", {2, 11}, Severity::error, "bad-value", "bad 'x\n::error::y'", "fix\x1B"},
                {"p.yaml", {3, 12}, Severity::error, "yaml-syntax", "bad", ""}};
  auto sources = [&](const std::string& file) { return file == "p.yaml" ? &source : nullptr; };
  CHECK(render_diagnostics(d, 1, DiagnosticFormat::text, sources) ==
        "\\x3a:e\\e]0;t\\x07.yaml:2:11: error: bad 'x\\n::error::y' [bad-value]\n"
        "    hint: fix\\e\n"
        "p.yaml:3:12: error: bad [yaml-syntax]\n"
        "    \\x3a:error::x: y\n"
        "                  ^\n"
        "1 file checked: 2 errors, 0 warnings\n");
  // The caret stays under the character at the column, after escapes widen the line.
  Diagnostics e{{"p.yaml", {2, 11}, Severity::error, "bad-value", "bad", ""}};
  CHECK(render_diagnostics(e, 1, DiagnosticFormat::text, sources) ==
        "p.yaml:2:11: error: bad [bad-value]\n"
        "      b: \\e[2J\tx \\u009b1m\n"
        "              \t^\n"
        "1 file checked: 1 error, 0 warnings\n");
}

TEST_CASE("github format: control characters escaped before the command's own escapes") {
  Diagnostics d{{"a\nb.yaml", {1, 2}, Severity::error, "bad-date", "'2004\n::error::x' \x1B[31m", "h\r"}};
  CHECK(render_diagnostics(d, 1, DiagnosticFormat::github, no_sources) ==
        "::error file=a\\nb.yaml,line=1,col=2,title=bvplan bad-date::'2004\\n::error::x' \\e[31m%0Ahint: h\\r\n"
        "1 file checked: 1 error, 0 warnings\n");
}
