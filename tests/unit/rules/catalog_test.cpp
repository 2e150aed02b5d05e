#include "bvplan/rules/catalog.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace bvplan;

TEST_CASE("rule_catalog: every rule once, each with a summary, a description and a fix") {
  std::set<std::string_view> ids;
  for (const RuleInfo& rule : rule_catalog()) {
    CHECK(ids.insert(rule.id).second);
    CHECK(!rule.summary.empty());
    CHECK(rule.summary.ends_with('.'));
    CHECK(rule.description.size() >= rule.summary.size() - 1);
    CHECK(!rule.fix.empty());
  }
  CHECK(ids.size() >= 30);
  REQUIRE(find_rule("missing-remedy") != nullptr);
  CHECK(find_rule("missing-remedy")->severity == Severity::warning);
  CHECK(find_rule("bad-date")->severity == Severity::error);
  CHECK(find_rule("no-such-rule") == nullptr);
}
