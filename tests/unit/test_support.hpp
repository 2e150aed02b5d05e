// Fixture builders shared by the unit tests: dates and plans from text, never from files.
// A test that needs a plan writes its YAML inline (or builds it with one_issue_plan) and
// loads it here, so a change to loading shows up once.
#pragma once

#include <string>

#include <doctest/doctest.h>

#include "bvplan/core/date.hpp"
#include "bvplan/model/loader.hpp"

namespace bvplan::test {

// A date the test knows is valid.
inline Date d(const char* text) {
  auto date = parse_date(text);
  REQUIRE(date);
  return *date;
}

// `text` loaded as the plan file p.yaml, with whatever findings loading gives.
inline LoadResult load_text(std::string text) {
  SourceFile source{"p.yaml", std::move(text)};
  return load_plan_text(source);
}

// A plan the test knows is valid: loaded with no findings.
inline Plan plan_from(const std::string& text) {
  LoadResult r = load_text(text);
  REQUIRE(r.diagnostics.empty());
  REQUIRE(r.plan);
  return std::move(*r.plan);
}

// The text of a plan `p` for 2004 with one key issue, KI1. `plan_fields` continue the
// plan's flow mapping (", budget: 1000"); `owners` follows `owners:` on its line
// (" {SPS: S}\n", or "\n" then indented entries); `actions` are action lines at indent 6.
inline std::string one_issue_plan(const std::string& plan_fields, const std::string& owners,
                                  const std::string& actions) {
  return "bvplan: 1\nplan: {id: p, title: P, start: 2004-01-01, end: 2004-12-31" + plan_fields + "}\nowners:" + owners +
         "issues:\n  - id: KI1\n    title: One\n    actions:\n" + actions;
}

// A valid one_issue_plan with a savings_target of 1000, for the portfolio reports:
// `owners` are indented entries, `monitoring` continues the plan's flow mapping.
inline Plan portfolio_plan(const std::string& owners, const std::string& actions, const std::string& monitoring = "") {
  return plan_from(one_issue_plan(", savings_target: 1000" + monitoring, "\n" + owners, actions));
}

}  // namespace bvplan::test
