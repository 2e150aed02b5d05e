// An outcome measure (a performance indicator): what the plan exists to improve, with its
// baseline, targets by date and the actuals collected. Read by model/read_measures.cpp,
// checked by rules/measures.cpp, figured by figures/measures.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"

namespace bvplan {

// A date with a value, where it was written: a baseline, a target or an actual.
struct MeasurePoint {
  Date date;
  double value = 0;
  Position position;  // of its date
  std::string note;   // actuals only
};

enum class MeasureUnit { number, percent, money, days };
const char* to_string(MeasureUnit unit);

enum class Polarity { higher, lower };  // which way is better
const char* to_string(Polarity polarity);

struct Measure {
  std::string id;
  Position position;  // of its id
  std::string title;
  // The key issue it serves and its owner, as ids ("" when not given). Plain fields, not
  // plan.hpp's Reference and Cadence: plan.hpp holds the measures and includes this file.
  std::string issue;
  Position issue_position;
  std::string owner;
  Position owner_position;
  MeasureUnit unit = MeasureUnit::number;
  int every_months = 3;  // cadence of collection, a quarter by default
  std::string source;
  std::string notes;
  Polarity better = Polarity::higher;
  std::optional<MeasurePoint> baseline;
  std::vector<MeasurePoint> targets;  // sorted by date; none: a data-only measure
  double tolerance = 5;               // percent short of target that is still amber
  Position tolerance_position;
  std::vector<MeasurePoint> actuals;  // in file order
  bool well_formed = false;           // id, title and better were read
};

}  // namespace bvplan
