#include "bvplan/model/loader.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "test_support.hpp"

using namespace bvplan;

namespace {

const char* minimal = R"(bvplan: 1
plan:
  id: infra
  title: Infrastructure improvement plan
  start: 2004-01-01
  end: 2004-12-31
owners:
  SPS: Strategic & Performance Services
issues:
  - id: KI-8
    title: Partnership policy
    actions:
      - id: A1
        title: Draft the policy
        lead: SPS
        start: 2004-01-05
        due: 2004-06-30
)";

LoadResult load(std::string text) { return test::load_text(std::move(text)); }

std::string with(const std::string& extra_action_lines) { return std::string(minimal) + extra_action_lines; }

}  // namespace

TEST_CASE("a minimal plan loads with defaults") {
  LoadResult r = load(minimal);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.plan);
  const Plan& p = *r.plan;
  CHECK(p.well_formed);
  CHECK(p.id == "infra");
  CHECK(p.currency == "GBP");
  CHECK(p.rag.green == 90);
  CHECK(p.rag.amber == 70);
  CHECK(p.owners.at("SPS").name == "Strategic & Performance Services");
  CHECK(p.owners.at("SPS").plan_local);
  const Action& a = p.issues.at(0).actions.at(0);
  CHECK(a.well_formed);
  CHECK(a.weight == 1);
  CHECK(a.status == ActionStatus::active);
  CHECK(a.lead.id == "SPS");
  CHECK(a.lead.position == Position{15, 15});
  CHECK(to_iso(a.due) == "2004-06-30");
}

TEST_CASE("every field of an action is read") {
  LoadResult r = load(with(R"(        support: [SPS]
        weight: 2.5
        budget: 1500
        savings_target: 200.50
        effort_days: 10
        external: true
        status: deferred
        targets: {2004-03-31: 40, 2004-02-01: 10}
        milestones:
          - {id: M1, title: First draft, due: 2004-03-01, done: 2004-02-27}
        updates:
          - date: 2004-03-31
            complete: 30
            spent: 500
            staff_days: 4
            savings: 0
            summary: Drafted
            remedy: none needed
            benefits: clarity
            next: consult
            changes: none
        notes: free text
)"));
  CHECK(r.diagnostics.empty());
  const Action& a = r.plan->issues[0].actions[0];
  CHECK(a.weight == 2.5);
  CHECK(*a.budget == 1500);
  CHECK(*a.savings_target == 200.5);
  CHECK(*a.effort_days == 10);
  CHECK(a.external);
  CHECK(a.status == ActionStatus::deferred);
  REQUIRE(a.targets.size() == 2);
  CHECK(to_iso(a.targets[0].date) == "2004-02-01");  // sorted by date
  CHECK(a.targets[1].percent == 40);
  CHECK(to_iso(*a.milestones.at(0).done) == "2004-02-27");
  const Update& u = a.updates.at(0);
  CHECK(u.complete == 30);
  CHECK(*u.spent == 500);
  CHECK(u.next == "consult");
  CHECK(a.notes == "free text");
}

TEST_CASE("strict scalars: numbers, booleans, dates, ids") {
  auto first = [](const LoadResult& r) { return r.diagnostics.at(0); };
  LoadResult r = load(with("        budget: 1e3\n"));
  CHECK(first(r).rule == "bad-value");
  CHECK(first(r).message == "'budget' must be a plain decimal number, found '1e3'");
  CHECK(first(r).position == Position{18, 17});
  CHECK(first(load(with("        budget: 010\n"))).rule == "bad-value");
  CHECK(first(load(with("        budget: \"10\"\n"))).rule == "wrong-type");
  CHECK(first(load(with("        budget: -5\n"))).message ==
        "'budget' is -5, but an amount of money cannot be negative");
  CHECK(first(load(with("        external: yes\n"))).message == "'external' must be true or false, found 'yes'");
  CHECK(first(load(with("        weight: 0\n"))).rule == "bad-value");
  CHECK(first(load(with("        status: done\n"))).message == "unknown status 'done'");
  CHECK(first(load(with("        status: deffered\n"))).message ==
        "unknown status 'deffered' (did you mean 'deferred'?)");
  CHECK(first(load(with("        targets: {2004-02-30: 10}\n"))).rule == "bad-date");
  CHECK(first(load(with("        targets: {2004-02-01: 101}\n"))).rule == "bad-value");
  CHECK(first(load(with("        support: [a b]\n"))).message == "malformed id 'a b'");
}

TEST_CASE("unknown keys suggest the closest known key; missing keys are named") {
  LoadResult r = load(with("        tittle: x\n"));
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "unknown-key");
  CHECK(r.diagnostics[0].message == "unknown key 'tittle' in an action (did you mean 'title'?)");
  CHECK(r.diagnostics[0].position == Position{18, 9});

  std::string no_due = minimal;
  no_due.erase(no_due.find("        due: 2004-06-30\n"));
  r = load(no_due);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "missing-key");
  CHECK(r.diagnostics[0].message == "an action has no 'due'");
  CHECK(r.diagnostics[0].position == Position{13, 9});
  CHECK_FALSE(r.plan->issues[0].actions[0].well_formed);
}

TEST_CASE("plan-level values") {
  std::string text = minimal;
  text.replace(text.find("  end: 2004-12-31\n"), 18,
               "  end: 2004-12-31\n  budget: 10000\n  savings_target: 5000\n  currency: EUR\n"
               "  monitoring:\n    - {body: O&S, every: 6 months}\n    - {body: Cabinet, every: quarter}\n"
               "  rag: {green: 95, amber: 80}\n");
  LoadResult r = load(text);
  CHECK(r.diagnostics.empty());
  CHECK(r.plan->monitoring.size() == 2);
  CHECK(r.plan->monitoring[0].every.months == 6);
  CHECK(shortest_cadence(*r.plan).months == 3);
  CHECK(r.plan->rag.green == 95);
  CHECK(r.plan->currency == "EUR");

  std::string bad = text;
  bad.replace(bad.find("6 months"), 8, "fortnight");
  r = load(bad);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message == "unknown cadence 'fortnight'");
}

TEST_CASE("lowering green alone lowers the default amber") {
  std::string text = minimal;
  text.replace(text.find("  end: 2004-12-31\n"), 18, "  end: 2004-12-31\n  rag: {green: 60}\n");
  LoadResult r = load(text);
  CHECK(r.diagnostics.empty());
  CHECK(r.plan->rag.green == 60);
  CHECK(r.plan->rag.amber == 60);
}

TEST_CASE("the version must be 1") {
  std::string one_point_oh = minimal;
  one_point_oh.replace(0, 9, "bvplan: 1.0");
  CHECK(load(one_point_oh).diagnostics.at(0).rule == "bad-value");
  std::string text = minimal;
  text.replace(0, 9, "bvplan: 2");
  LoadResult r = load(text);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "bad-value");
  CHECK(r.diagnostics[0].position == Position{1, 9});
}

TEST_CASE("currency is a three-letter code") {
  std::string good = minimal;
  good.insert(good.find("owners:"), "  currency: USD\n");
  LoadResult r = load(good);
  CHECK(r.diagnostics.empty());
  CHECK(r.plan->currency == "USD");
  for (const char* bad : {"\"<script>alert(1)</script> | x\"", "gbp", "£", "EURO"}) {
    CAPTURE(bad);
    std::string text = minimal;
    text.insert(text.find("owners:"), fmt::format("  currency: {}\n", bad));
    LoadResult b = load(text);
    REQUIRE(b.diagnostics.size() == 1);
    CHECK(b.diagnostics[0].rule == "bad-value");
    CHECK(b.plan->currency == "GBP");
  }
}

TEST_CASE("numbers are compared as written: at most 15 significant digits and decimal places") {
  auto message = [](const std::string& lines) {
    LoadResult r = load(with(lines));
    return r.diagnostics.empty() ? std::string() : r.diagnostics[0].message;
  };
  CHECK(message("        updates: [{date: 2004-03-31, complete: 100.00000000000000001}]\n") ==
        "'complete' is 100.00000000000000001: more digits than bvplan can compare exactly");
  CHECK(message("        updates: [{date: 2004-03-31, complete: 99.99999999999999999}]\n") ==
        "'complete' is 99.99999999999999999: more digits than bvplan can compare exactly");
  CHECK(message("        weight: 0.0000000000000001\n") ==
        "'weight' is 0.0000000000000001: more digits than bvplan can compare exactly");
  CHECK(message("        budget: 10000000000000000000\n") ==
        "'budget' is 10000000000000000000, too large a number for a plan");
  CHECK(message("        budget: 1000000000000.000001\n") ==
        "'budget' is 1000000000000.000001: more digits than bvplan can compare exactly");
  CHECK(message("        updates: [{date: 2004-03-31, complete: 100.000001}]\n") ==
        "'complete' is 100.000001, outside 0 to 100 percent");
  CHECK(message("        budget: 1000000000000.01\n") == "'budget' is 1000000000000.01, too large a number for a plan");
  CHECK(message("        weight: 0.000000000000001\n") == "");  // tiny, but above 0
  CHECK(message("        weight: 123456789.123456\n") == "");
  CHECK(message("        budget: 999999999999.99\n") == "");
  CHECK(message("        budget: 0.000000\n") == "");
  LoadResult r = load(with("        updates: [{date: 2004-03-31, complete: 99.999999}]\n"));
  REQUIRE(r.plan);
  CHECK(r.plan->issues[0].actions[0].updates[0].complete < 100);
}

TEST_CASE("C1 controls are refused like C0 ones, in the short form of an owner too") {
  auto first = [](const std::string& text) { return load(text).diagnostics.at(0).message; };
  std::string text = minimal;
  CHECK(first(std::string(text).replace(text.find("Draft the policy"), 5,
                                        "Dr\xC2\x9B"
                                        "aft")) == "'title' contains the control character U+009B");
  CHECK(first(std::string(text).replace(text.find("Strategic & Performance Services"), 32, "\"\\e[31mRED\"")) ==
        "'name' contains the control character U+001B");
  CHECK(first(std::string(text).replace(text.find("Strategic & Performance Services"), 32, "\"a\\u0085b\"")) ==
        "'name' contains the control character U+0085");
}

TEST_CASE("year_start: a month's name in any case, in the plan and in a register") {
  std::string text = minimal;
  LoadResult r = load(text);
  CHECK(r.plan->year_start == 1);  // calendar years unless told
  CHECK_FALSE(r.plan->own_year_start);
  text.replace(text.find("  end: 2004-12-31\n"), 18, "  end: 2004-12-31\n  year_start: April\n");
  r = load(text);
  CHECK(r.diagnostics.empty());
  CHECK(r.plan->year_start == 4);
  CHECK(r.plan->own_year_start);
  std::string bad = text;
  bad.replace(bad.find("April"), 5, "Apr");
  r = load(bad);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "bad-value");
  CHECK(r.diagnostics[0].message == "year_start 'Apr' is not the name of a month (did you mean 'april'?)");
  CHECK_FALSE(r.plan->own_year_start);
}
