// Helpers shared by the unit tests.
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

// A plan the test knows is valid: loaded with no findings.
inline Plan plan_from(const std::string& text) {
  SourceFile source("p.yaml", text);
  LoadResult r = load_plan_text(source);
  REQUIRE(r.plan);
  CHECK(r.diagnostics.empty());
  return std::move(*r.plan);
}

}  // namespace bvplan::test
