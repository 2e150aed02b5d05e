#pragma once

#include <string>

#include "bvplan/core/date.hpp"

namespace bvplan {

// Days from `start` to `end`, both included: a reporting window, an action's active span.
struct DateRange {
  Date start;
  Date end;
  bool contains(Date d) const { return start <= d && d <= end; }
};

// A calendar month or quarter, named as people write it: 2004-06, 2004-Q2.
struct Period : DateRange {
  std::string label;
  int months = 3;
};

}  // namespace bvplan
