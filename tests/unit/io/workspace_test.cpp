#include "bvplan/io/workspace.hpp"

#include <doctest/doctest.h>

#include "bvplan/io/process.hpp"

using namespace bvplan;

TEST_CASE("collect_plan_files: a folder's plans sorted; with max_entries, the walk stops short and says so") {
  ScratchFolder scratch;
  for (const char* name : {"c.yaml", "a.yml", "b.txt", "owners.yaml", ".hidden.yaml"}) scratch.write(name, "x");
  PlanFiles all = collect_plan_files({scratch.path()});
  CHECK(all.files == std::vector<std::string>{scratch.path() + "/a.yml", scratch.path() + "/c.yaml"});
  CHECK_FALSE(all.cut);
  // A budget larger than the folder looks at every entry.
  CHECK(collect_plan_files({scratch.path()}, 100).files == all.files);
  CHECK_FALSE(collect_plan_files({scratch.path()}, 100).cut);
  PlanFiles some = collect_plan_files({scratch.path()}, 2);
  CHECK(some.cut);
  CHECK(some.files.size() <= 2);
}
