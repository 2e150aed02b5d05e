// A plan's progress over time, from its versions in git: the points, one per date and
// plan (formats/history.hpp renders them). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/figures/compute.hpp"

namespace bvplan {

enum class HistoryStep { commit, month, quarter };

// One outcome measure's figures at a point of a plan's history.
struct MeasureHistory {
  std::string id;
  MeasureUnit unit = MeasureUnit::number;
  std::string currency;  // the plan's, for money
  std::optional<double> current;
  std::optional<double> target;
  Rag rag = Rag::none;
  std::optional<Date> current_date;  // of the actual `current` is: later points may only carry it
};

struct HistoryPoint {
  Date date;                     // the as-of date the plan was evaluated at
  std::string commit;            // short id of the version evaluated
  std::string plan;              // plan id
  std::string title;             // plan title
  std::optional<double> target;  // empty when no action counts
  std::optional<double> actual;
  Rag rag = Rag::none;
  size_t red = 0, amber = 0, green = 0;
  std::vector<MeasureHistory> measures;  // in file order
  // The latest update of any action on or before `date`: the actual is as measured then
  // (empty when no action has an update yet).
  std::optional<Date> last_update;
  std::string period;  // the quarter ending on `date`, in a financial year ("2001/02 Q3")
};

// The last day of every month or quarter from the one holding `from` to the one holding
// `to`; a final `to` when it is not itself a period's last day.
std::vector<Date> period_ends(Date from, Date to, HistoryStep step, unsigned year_start = calendar_year_start);

HistoryPoint history_point(const PlanFigures& figures, const std::string& commit);
// The label of the quarter of `plan`'s year that ends on `date` when its year does not
// start in January ("2001/02 Q3"); empty otherwise (calendar quarters are named by date).
std::string financial_quarter_ending(const Plan& plan, Date date);

// Where a plan's history ends when no --until is given: the plan's end or its latest
// update, whichever is later, but never after `today`.
Date history_end(const Plan& plan, Date today);

}  // namespace bvplan
