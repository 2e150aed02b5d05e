// A plan's outcome measures as of a date: the current actual, the target that applies to
// it, the shortfall, RAG and direction of travel. Pure; every formula is in man/bvplan.1
// (FIGURES, Measures) in the same words.
#pragma once

#include <optional>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/figures/rag.hpp"
#include "bvplan/model/plan.hpp"

namespace bvplan {

// Direction of travel of a measure, polarity-aware: `none` without an earlier actual.
enum class MeasureTrend { none, improving, worsening, no_change };
const char* to_string(MeasureTrend trend);  // "improving", "worsening", "no change", "none"

struct MeasureFigures {
  const Measure* measure = nullptr;
  const MeasurePoint* latest = nullptr;    // the current actual: the latest dated on or before T
  const MeasurePoint* previous = nullptr;  // the latest dated before it
  const MeasurePoint* year_ago = nullptr;  // the latest dated on or before its date less 12 months
  const MeasurePoint* target_point = nullptr;
  std::optional<double> current;  // latest->value
  std::optional<Date> current_date;
  std::optional<double> target;     // none for a data-only measure
  std::optional<double> shortfall;  // percent of |target|; none without both, or with a target of 0
  Rag rag = Rag::none;
  MeasureTrend direction_short = MeasureTrend::none;  // against `previous`
  MeasureTrend direction_long = MeasureTrend::none;   // against `year_ago`
};

// The target that applies on `date`: the first dated on or after it, else the last;
// nullptr for a data-only measure.
const MeasurePoint* applicable_target(const Measure& measure, Date date);

// `now` against `then`: improving when better by the measure's polarity.
MeasureTrend trend_between(const Measure& measure, double now, double then);

MeasureFigures compute_measure(const Measure& measure, Date as_of);
std::vector<MeasureFigures> compute_measures(const Plan& plan, Date as_of);

}  // namespace bvplan
