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
};

struct Calendar {
  std::vector<ReportDue> reports;  // by date, then body
  std::vector<std::string> notes;  // cadences that do not divide a plan's period
};

// Every report due: each plan's start plus whole cadences, up to its end, per body.
Calendar compute_calendar(const std::vector<const Plan*>& plans, std::optional<Date> from, std::optional<Date> to);
// The next report due after `as_of` for one plan, if any.
std::optional<ReportDue> next_report(const Plan& plan, Date as_of);

}  // namespace bvplan
