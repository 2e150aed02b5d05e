// --baseline and --compare against a real repository: built with the git command in a
// temporary folder, with fixed authors and dates, so the figures are data to compare.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "../test_support.hpp"
#include "bvplan/app/figures.hpp"
#include "plan_set_support.hpp"

using namespace bvplan;
using bvplan::test::add_plan;
using bvplan::test::d;

namespace {

namespace fs = std::filesystem;

std::string plan_due(const char* id, const char* due) {
  return std::string("bvplan: 1\nplan: {id: ") + id +
         ", title: P, start: 2004-01-01, end: 2004-12-31}\nowners:\n  CFO: {name: C}\nissues:\n  - id: K\n"
         "    title: K\n    actions:\n      - {id: A, title: A, lead: CFO, start: 2004-01-01, due: " +
         due + "}\n";
}

struct Repository {
  fs::path root;

  Repository() {
    std::string name = (fs::temp_directory_path() / "bvplan-baseline-XXXXXX").string();
    REQUIRE(::mkdtemp(name.data()) != nullptr);
    root = name;
    git("init -q");
  }
  ~Repository() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }

  void git(const std::string& args, const std::string& env = "") const {
    std::string command = "cd '" + root.string() + "' && " + env +
                          " GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git -c user.name=T "
                          "-c user.email=t@example.org -c commit.gpgsign=false " +
                          args + " >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
  }
  std::string write(const std::string& file, const std::string& text) const {
    std::ofstream(root / file) << text;
    return (root / file).string();
  }
  void commit(const std::string& file, const std::string& text, const std::string& date) const {
    write(file, text);
    git("add " + file);
    std::string when = date + "T12:00:00Z";
    git("commit -q -m change --date=" + when, "GIT_COMMITTER_DATE=" + when);
  }
};

}  // namespace

TEST_CASE("a baseline is its version and the changes since; a comparison is a version") {
  Repository repo;
  repo.commit("plan.yaml", plan_due("p", "2004-02-01"), "2004-01-16");
  repo.commit("plan.yaml", plan_due("p", "2004-03-01"), "2004-02-02");
  std::string now = repo.write("plan.yaml", plan_due("p", "2004-03-01"));
  std::string untracked = repo.write("other.yaml", plan_due("q", "2004-03-01"));

  PlanSet set;
  add_plan(set, now, plan_due("p", "2004-03-01"), d("2004-06-30"));
  add_plan(set, untracked, plan_due("q", "2004-03-01"), d("2004-06-30"));
  FigureSet figures = compute_figure_set(set, d("2004-06-30"), std::nullopt);
  std::vector<std::string> said;
  apply_baseline_and_comparison(figures, RevisionOptions{"HEAD~1", "HEAD~1"},
                                [&](const std::string& text) { said.push_back(text); });

  const PlanFigures& p = figures.plans[0];
  REQUIRE(p.baseline);
  CHECK(p.baseline->version.revision == "HEAD~1");
  CHECK(p.baseline->version.short_id.size() == 7);
  CHECK(p.baseline->version.date == d("2004-01-16"));
  CHECK_FALSE(p.baseline->missing);
  REQUIRE(p.baseline->changes.size() == 1);
  CHECK(p.baseline->changes[0].kind == "rebaselined");
  CHECK(p.baseline->changes[0].id == "A");
  CHECK(*p.baseline->changes[0].days == 29);
  CHECK(*p.actions[0].baseline_due == d("2004-02-01"));
  REQUIRE(p.compared_with);
  CHECK(p.compared_with->short_id == p.baseline->version.short_id);
  CHECK(p.direction);

  // A plan git has never seen: no version, said as data, and once on standard error.
  const PlanFigures& q = figures.plans[1];
  REQUIRE(q.baseline);
  REQUIRE(q.baseline->missing);
  CHECK(q.baseline->missing->why == MissingVersion::Why::no_version);
  CHECK(q.baseline->missing->plan == "q");
  CHECK(q.baseline->changes.empty());
  CHECK(q.direction == Direction::added);
  REQUIRE(said.size() == 2);
  CHECK(said[0].find("plan 'q' has no version at HEAD~1") != std::string::npos);
}
