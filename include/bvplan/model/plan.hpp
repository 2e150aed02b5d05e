// The plan model: plain types built by the loader, read by validate and compute.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/model/measure.hpp"
#include "bvplan/model/reference.hpp"
#include "bvplan/model/risk.hpp"

namespace bvplan {

struct Owner {
  std::string id;
  std::string name;
  std::string role;
  std::optional<unsigned> max_actions;   // actions led at once
  std::optional<double> days_per_month;  // staff days available a month
  std::string file;                      // where it was declared
  Position position;
  bool plan_local = false;  // declared in the plan's own `owners:`
};

using Owners = std::map<std::string, Owner>;

// An owners register (owners.yaml): the owners the plans below it share, and the month the
// council's year starts in (year_start), when it says.
struct OwnersRegister {
  Owners owners;
  std::optional<unsigned> year_start;
};

// A reporting cadence in whole months (month 1, quarter 3, 6 months 6, year 12).
struct Cadence {
  int months = 3;
};
std::string to_string(Cadence cadence);
// A cadence as a plan writes it: `month`, `quarter`, `year` or `N months` (N from 1 to
// 120, no leading zero, one space); nullopt for anything else.
std::optional<Cadence> parse_cadence(std::string_view text);

struct Monitoring {
  std::string body;
  Cadence every;
  Position position;
};

struct RagThresholds {
  double green = 90;
  double amber = 70;
};

struct Milestone {
  std::string id;
  Position position;  // of its id
  std::string title;
  Date due;
  Position due_position;
  std::optional<Date> done;
  Position done_position;
};

struct Update {
  Date date;
  Position position;  // of its date
  double complete = 0;
  Position complete_position;
  std::optional<double> spent;
  Position spent_position;
  std::optional<double> staff_days;  // cumulative
  Position staff_days_position;
  std::optional<double> savings;
  std::optional<Date> completed;  // when the work was finished, if before the update (complete: 100)
  Position completed_position;
  std::string summary;
  std::string remedy;
  std::string benefits;
  std::string next;
  std::string changes;
};

struct TargetPoint {
  Date date;
  double percent = 0;
  Position position;
};

// An approved change of an action's due date.
struct Rebaseline {
  Date date;  // when it was approved
  Date from;  // the due date before
  Date to;    // the due date after
  std::string reason;
  std::string approved_by;
  Position position;
};

enum class ActionStatus { active, deferred, cancelled };
const char* to_string(ActionStatus status);

struct Action {
  std::string id;
  Position position;  // of its id
  std::string title;
  Reference lead;
  std::vector<Reference> support;
  Date start;
  Position start_position;
  Date due;
  Position due_position;
  double weight = 1;
  std::optional<double> budget;
  Position budget_position;
  std::optional<double> savings_target;
  std::optional<double> effort_days;
  bool external = false;
  std::vector<Reference> depends_on;
  ActionStatus status = ActionStatus::active;
  std::vector<TargetPoint> targets;  // sorted by date
  std::vector<Milestone> milestones;
  std::vector<Update> updates;  // in file order
  std::vector<Rebaseline> rebaselined;
  std::string notes;
  bool well_formed = false;  // every required field was read
};

struct ExternalSupport {
  std::optional<Date> from;
  std::optional<Date> to;
  std::string provider;
  std::string note;
};

struct KeyIssue {
  std::string id;
  Position position;
  std::string title;
  std::string description;
  std::optional<ExternalSupport> external_support;
  std::vector<std::string> monitored_by;
  std::vector<Action> actions;
};

struct Plan {
  std::string file;
  std::string id;
  Position position;  // of its id
  std::string title;
  Date start;
  Position start_position;
  Date end;
  Position end_position;
  std::string review;
  std::optional<Reference> owner;
  std::optional<double> budget;
  Position budget_position;
  std::string currency = "GBP";
  std::optional<double> savings_target;
  std::vector<Monitoring> monitoring;
  RagThresholds rag;
  RiskBands risk_bands;
  // The month its year starts in (core/period.hpp): its own year_start, else its owners
  // register's, else January. `own_year_start` says the plan wrote it.
  unsigned year_start = 1;
  bool own_year_start = false;
  Owners owners;  // the plan's own `owners:` only
  std::vector<KeyIssue> issues;
  std::vector<Measure> measures;  // outcome measures, in file order
  std::vector<Risk> risks;        // the risk register, in file order
  bool well_formed = false;       // plan id, title, start and end were read
  // Owner references (owner, lead, support) that are not ids, already reported as
  // malformed: validation suggests the id of an owner with that name.
  std::vector<Reference> malformed_owner_references;
};

// The shortest monitoring cadence, or a quarter when none is declared.
Cadence shortest_cadence(const Plan& plan);

// Every id the plan declares, as read: the plan's, its outcome measures', its risks', then
// each key issue's followed by its actions' and their milestones'. Empty ids are left out.
// Which kinds of id declared_ids gives.
struct IdKinds {
  bool plan = true, measures = true, risks = true, issues = true, actions = true, milestones = true;
};
std::vector<std::string> declared_ids(const Plan& plan, IdKinds kinds = {});

// The first day of the reporting period of `cadence` that ends on `as_of`: counted back
// from the day after, so a month end gives whole months (a quarter to 30 June starts on
// 1 April). Both the report window and the stale-update rule use it.
Date period_start(Cadence cadence, Date as_of);

// What an id names in a plan that `update` writes to.
enum class ItemKind { action, milestone, measure, risk };

}  // namespace bvplan
