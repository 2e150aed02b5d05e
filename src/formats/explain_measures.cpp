#include <fmt/format.h>

#include "bvplan/core/number.hpp"
#include "bvplan/core/text.hpp"
#include "bvplan/formats/measures.hpp"

namespace bvplan {

namespace {

// A value in a formula: as written, to two decimal places at most.
std::string num(double v) { return format_number(v); }

std::string explain_target(const MeasureFigures& f, Date t) {
  const Measure& m = *f.measure;
  if (!f.target_point) return "none (no targets: a data-only measure, reported by its trend)";
  Date on = f.latest ? f.latest->date : t;
  std::string whose = f.latest ? fmt::format("the current actual's date {}", to_iso(on))
                               : fmt::format("T {}, as there is no actual", to_iso(on));
  if (f.target_point->date >= on)
    return fmt::format("{} (the target for {}, the first dated on or after {})", num(*f.target),
                       to_iso(f.target_point->date), whose);
  return fmt::format("{} (the target for {}, the last: none is dated on or after {})", num(*f.target),
                     to_iso(m.targets.back().date), whose);
}

std::string explain_rag(const MeasureFigures& f) {
  const Measure& m = *f.measure;
  if (!f.target) return "none (a data-only measure has no RAG)";
  if (!f.current) return "none (no actual on or before T)";
  if (*f.target == 0)
    return fmt::format("{} (a target of 0: green when the actual is {} 0, else red)", to_string(f.rag),
                       m.better == Polarity::higher ? "at least" : "at most");
  if (f.rag == Rag::green) return "green (shortfall at or below 0)";
  if (f.rag == Rag::amber)
    return fmt::format("amber (shortfall above 0, within the tolerance of {}%)", num(m.tolerance));
  return fmt::format("red (shortfall beyond the tolerance of {}%)", num(m.tolerance));
}

std::string explain_shortfall(const MeasureFigures& f) {
  if (!f.shortfall) return "none (needs an actual and a target other than 0)";
  bool higher = f.measure->better == Polarity::higher;
  double target = *f.target, actual = *f.current;
  return fmt::format("{}% ({} / |target| x 100 = ({} - {}) / {} x 100)", num(*f.shortfall),
                     higher ? "(target - actual)" : "(actual - target)", num(higher ? target : actual),
                     num(higher ? actual : target), num(target < 0 ? -target : target));
}

std::string explain_direction(const MeasureFigures& f, MeasureTrend trend, const MeasurePoint* against,
                              std::string_view which) {
  if (!f.latest) return "none (no current actual)";
  if (!against) return fmt::format("none (no {})", which);
  return fmt::format("{} ({} against {} on {}, {} is better)", to_string(trend), num(f.latest->value),
                     num(against->value), to_iso(against->date), to_string(f.measure->better));
}

}  // namespace

std::string explain_measure(const PlanFigures& p, const MeasureFigures& f) {
  const Measure& m = *f.measure;
  Date t = p.as_of;
  std::string out =
      fmt::format("measure {} \"{}\" ({}plan {}) as of {}\n", escape_control(m.id), escape_control(m.title),
                  m.issue.empty() ? "" : fmt::format("key issue {}, ", escape_control(m.issue)),
                  escape_control(p.plan->id), to_iso(t));
  out += fmt::format("  unit {}, {} is better, collected every {}; tolerance {}%\n", to_string(m.unit),
                     to_string(m.better), to_string(Cadence{m.every_months}), num(m.tolerance));
  if (m.baseline) out += fmt::format("  baseline:  {} on {}\n", num(m.baseline->value), to_iso(m.baseline->date));
  out += fmt::format("  current:   {}\n", f.latest ? fmt::format("{} (the latest actual on or before T, dated {})",
                                                                 num(f.latest->value), to_iso(f.latest->date))
                                                   : std::string("none (no actual on or before T)"));
  out += fmt::format("  target:    {}\n", explain_target(f, t));
  out += fmt::format("  shortfall: {}\n", explain_shortfall(f));
  out += fmt::format("  RAG:       {}\n", explain_rag(f));
  out += fmt::format("  short term: {}\n", explain_direction(f, f.direction_short, f.previous, "earlier actual"));
  out += fmt::format(
      "  long term:  {}\n",
      explain_direction(f, f.direction_long, f.year_ago,
                        f.latest ? fmt::format("actual on or before {}", to_iso(f.latest->date.plus_months(-12)))
                                 : std::string("actual a year before")));
  return out;
}

}  // namespace bvplan
