// Plan sets built in memory for the app tests.
#pragma once

#include <string>

#include "bvplan/app/plan_set.hpp"

namespace bvplan::test {

// A plan with one action led by its own owner; as of 2004-06-30 it has two warnings.
inline const char* one_action_plan = R"(bvplan: 1
plan: {id: p, title: P, start: 2004-01-01, end: 2004-12-31}
owners:
  CFO: {name: Chief Financial Officer}
issues:
  - id: K
    title: K
    actions:
      - {id: A, title: A, lead: CFO, start: 2004-01-01, due: 2004-02-01}
)";

// Adds the plan checked from `text` (with no registers) to `set` as file `name`.
inline void add_plan(PlanSet& set, const std::string& name, const std::string& text, Date as_of) {
  SourceFile source(name, text);
  set.plans.push_back(check_plan(source, {}, as_of));
  set.files.push_back(name);
  set.paths.push_back(name);
  set.sources.push_back(std::move(source));
}

}  // namespace bvplan::test
