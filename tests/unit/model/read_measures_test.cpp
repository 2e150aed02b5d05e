#include <doctest/doctest.h>
#include <fmt/format.h>

#include "test_support.hpp"

using namespace bvplan;

namespace {

// A one-action plan followed by `measures:` and `items` (line 13 is the first of them).
LoadResult load(const std::string& items) {
  return test::load_text(test::one_issue_plan("", " {SPS: S}\n",
                                              "      - id: A1\n        title: A\n        lead: SPS\n"
                                              "        start: 2004-01-01\n        due: 2004-12-31\n") +
                         "measures:\n" + items);
}

std::string first_finding(const LoadResult& r) {
  REQUIRE(!r.diagnostics.empty());
  const Diagnostic& d = r.diagnostics.front();
  return fmt::format("{}:{} {} {}", d.position.line, d.position.column, d.rule, d.message);
}

}  // namespace

TEST_CASE("a measure with every key loads; defaults for the rest") {
  LoadResult r = load(R"(  - id: M1
    title: Savings
    issue: KI1
    owner: SPS
    unit: money
    every: month
    source: Ledger
    notes: Net of costs
    better: lower
    baseline: {date: 2004-01-01, value: -3.5}
    targets: {2004-12-31: 0, 2004-06-30: 100}
    tolerance: 0
    actuals:
      - {date: 2004-03-31, value: 12, note: First}
  - id: M2
    title: Count
    better: higher
)");
  CHECK(r.diagnostics.empty());
  REQUIRE(r.plan);
  REQUIRE(r.plan->measures.size() == 2);
  const Measure& m = r.plan->measures[0];
  CHECK(m.well_formed);
  CHECK(m.issue == "KI1");
  CHECK(m.owner == "SPS");
  CHECK(m.unit == MeasureUnit::money);
  CHECK(m.every_months == 1);
  CHECK(m.better == Polarity::lower);
  CHECK(m.baseline->value == -3.5);
  REQUIRE(m.targets.size() == 2);
  CHECK(to_iso(m.targets[0].date) == "2004-06-30");  // sorted by date
  CHECK(m.targets[1].value == 0);
  CHECK(m.tolerance == 0);
  REQUIRE(m.actuals.size() == 1);
  CHECK(m.actuals[0].note == "First");
  const Measure& plain = r.plan->measures[1];
  CHECK(plain.unit == MeasureUnit::number);
  CHECK(plain.every_months == 3);
  CHECK(plain.tolerance == 5);
  CHECK(plain.targets.empty());
  CHECK(!plain.baseline);
}

TEST_CASE("a measure's shape: unknown keys, wrong types, missing keys, bad values") {
  CHECK(first_finding(load("  - id: M1\n    title: T\n    better: higher\n    target: {2004-12-31: 1}\n")) ==
        "17:5 unknown-key unknown key 'target' in a measure (did you mean 'targets'?)");
  CHECK(first_finding(load("  - id: M1\n    title: T\n")) == "14:5 missing-key a measure has no 'better'");
  CHECK(first_finding(load("  - id: M1\n    title: T\n    better: up\n")) == "16:13 bad-value unknown better 'up'");
  CHECK(first_finding(load("  - id: M1\n    title: T\n    better: higher\n    unit: pounds\n")) ==
        "17:11 bad-value unknown unit 'pounds'");
  CHECK(first_finding(load("  - id: M1\n    title: T\n    better: higher\n    tolerance: -1\n")) ==
        "17:16 bad-value 'tolerance' is -1, but a percentage cannot be negative");
  CHECK(first_finding(load("  - id: M1\n    title: T\n    better: higher\n    targets: [1, 2]\n")) ==
        "17:14 wrong-type 'targets' must be a mapping of keys to values, found a list");
  CHECK(first_finding(load("  - id: M1\n    title: T\n    better: higher\n    actuals: [{date: 2004-01-01}]\n")) ==
        "17:15 missing-key an actual has no 'value'");
  CHECK(first_finding(load("  - id: M1\n    title: T\n    better: higher\n    baseline: {date: 2004-01-01, "
                           "value: .nan}\n")) ==
        "17:41 bad-value 'value' must be a plain decimal number, found '.nan'");
  CHECK(first_finding(load("  - M1\n")) ==
        "14:5 wrong-type a measure must be a mapping of keys to values, found a single value");
  CHECK(first_finding(load("  - id: M1\n    title: T\n    better: higher\n    actuals: [{date: 2004-01-01, value: "
                           "1e400}]\n")) == "17:41 bad-value 'value' must be a plain decimal number, found '1e400'");
}

TEST_CASE("measures: left empty is none; not a list is wrong-type") {
  LoadResult empty = load("");
  CHECK(empty.diagnostics.empty());
  CHECK(empty.plan->measures.empty());
  CHECK(first_finding(load("  id: M1\n")) == "14:3 wrong-type 'measures' must be a list, found a mapping");
}
