#include "bvplan/app/check.hpp"

#include <doctest/doctest.h>

using namespace bvplan;

namespace {
const char* plan = R"(bvplan: 1
plan: {id: p, title: P, start: 2004-01-01, end: 2004-12-31}
issues:
  - id: K
    title: K
    actions:
      - {id: A, title: "a, b: c", lead: CFO, start: 2004-01-01, due: 2004-02-01,
         updates: [{date: 2004-01-10, complete: 50}]}
)";
}  // namespace

TEST_CASE("owners come from registers; the plan's own entries win") {
  SourceFile reg{"owners.yaml", "owners:\n  CFO: {name: Chief Financial Officer, max_actions: 3}\n"};
  Diagnostics d;
  OwnersRegister inherited = load_owners_text(reg, d);
  CHECK(d.empty());
  CHECK(*inherited.owners.at("CFO").max_actions == 3);

  SourceFile source{"p.yaml", plan};
  CheckedPlan checked = check_plan(source, inherited, *parse_date("2004-01-15"));
  CHECK(checked.diagnostics.empty());
  CHECK_FALSE(checked.has_errors());

  SourceFile alone{"p.yaml", plan};
  checked = check_plan(alone, {}, *parse_date("2004-01-15"));
  REQUIRE(checked.diagnostics.size() == 1);
  CHECK(checked.diagnostics[0].rule == "unknown-owner");
}

TEST_CASE("check_plan warns of work the paper lists without a remedy, once the plan has no errors") {
  SourceFile reg{"owners.yaml", "owners:\n  CFO: {name: Chief Financial Officer}\n"};
  Diagnostics d;
  OwnersRegister inherited = load_owners_text(reg, d);
  // 1 February, the due date: target 100%, actual 50%: red.
  SourceFile source{"p.yaml", plan};
  CheckedPlan checked = check_plan(source, inherited, *parse_date("2004-02-01"));
  REQUIRE(checked.diagnostics.size() == 1);
  CHECK(checked.diagnostics[0].rule == "missing-remedy");
  CHECK(checked.diagnostics[0].message ==
        "action 'A' is red, behind its target (50% of 100%), and its latest update has no remedy");
  // With an error (an unknown owner) the figures are not worked out.
  SourceFile alone{"p.yaml", plan};
  checked = check_plan(alone, {}, *parse_date("2004-02-01"));
  REQUIRE(checked.diagnostics.size() == 1);
  CHECK(checked.diagnostics[0].rule == "unknown-owner");
}

TEST_CASE("register errors are findings in the register's file") {
  SourceFile reg{"owners.yaml", "owners:\n  CFO: {nme: x}\n"};
  Diagnostics d;
  load_owners_text(reg, d);
  REQUIRE(d.size() == 2);
  CHECK(d[0].file == "owners.yaml");
  CHECK(d[0].message == "unknown key 'nme' in owner 'CFO' (did you mean 'name'?)");
  CHECK(d[1].message == "owner 'CFO' has no 'name'");
}

TEST_CASE("an owners register's year_start") {
  SourceFile reg{"owners.yaml", "year_start: OCTOBER\nowners:\n  A: a\n"};
  Diagnostics d;
  OwnersRegister owners = load_owners_text(reg, d);
  CHECK(d.empty());
  CHECK(owners.year_start == 10u);
  CHECK(owners.owners.size() == 1);
  SourceFile bad_reg{"owners.yaml", "year_start: 4\nowners:\n  A: a\n"};
  load_owners_text(bad_reg, d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "year_start '4' is not the name of a month");
}
