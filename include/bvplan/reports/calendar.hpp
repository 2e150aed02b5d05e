// Which monitoring body expects which report when, across plans. Pure compute;
// formats/portfolio.hpp renders it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

struct ReportDue {
  Date date;
  std::string body;
  Cadence every;
  std::vector<const Plan*> plans;
  // The period the report covers, when the plans' years start in a month other than
  // January and it is one of their quarters, halves or years: "2001/02 Q1".
  std::string covers;
};

// A plan's reports to one body that the calendar cannot list as the plan implies.
struct CalendarNote {
  enum class Kind {
    uneven,       // the cadence does not divide the plan's period
    beyond_9999,  // the report due as the plan ends falls after 9999-12-31: not listed
  };
  Kind kind = Kind::uneven;
  const Plan* plan = nullptr;
  const Monitoring* monitoring = nullptr;
  std::optional<Date> last;  // uneven: the last report due within the period (none: no report)
};

struct Calendar {
  std::vector<ReportDue> reports;   // by date, then body
  std::vector<CalendarNote> notes;  // in plan order, then monitoring order
};

// Every report due: each plan's start plus whole cadences, up to its end, per body.
Calendar compute_calendar(const std::vector<const Plan*>& plans, std::optional<Date> from, std::optional<Date> to);
// The next report due after `as_of` for one plan, if any.
std::optional<ReportDue> next_report(const Plan& plan, Date as_of);

}  // namespace bvplan
