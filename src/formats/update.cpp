#include "bvplan/formats/update.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "bvplan/core/text.hpp"
#include "bvplan/formats/measures.hpp"
#include "bvplan/formats/risks.hpp"
#include "bvplan/formats/text.hpp"

namespace bvplan {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size() - 1;
    lines.push_back(text.substr(start, end + 1 - start));
    start = end + 1;
  }
  return lines;
}

std::string shown(char mark, std::string_view line) {
  bool newline = !line.empty() && line.back() == '\n';
  if (newline) line.remove_suffix(1);
  // A CRLF file's lines keep their CR, so that `patch` applies the diff to the file.
  bool crlf = newline && !line.empty() && line.back() == '\r';
  if (crlf) line.remove_suffix(1);
  std::string out(1, mark);
  out += escape_control(line, Keep::tab);
  out += crlf ? "\r\n" : "\n";
  if (!newline) out += "\\ No newline at end of file\n";
  return out;
}

std::string range(size_t start, size_t count) {
  // Unified diff numbers lines from 1; an empty range names the line before it.
  return count == 1 ? std::to_string(start + 1) : fmt::format("{},{}", count ? start + 1 : start, count);
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view file) {
  if (before == after) return "";
  std::vector<std::string_view> a = split_lines(before), b = split_lines(after);
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  size_t context = 3;
  size_t from = prefix > context ? prefix - context : 0;
  size_t a_end = std::min(a.size(), a.size() - suffix + context);
  size_t b_end = std::min(b.size(), b.size() - suffix + context);
  std::string name = escape_control(file);
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n@@ -{} +{} @@\n", name, name, range(from, a_end - from),
                                range(from, b_end - from));
  for (size_t i = from; i < prefix; ++i) out += shown(' ', a[i]);
  for (size_t i = prefix; i < a.size() - suffix; ++i) out += shown('-', a[i]);
  for (size_t i = prefix; i < b.size() - suffix; ++i) out += shown('+', b[i]);
  for (size_t i = b.size() - suffix; i < b_end; ++i) out += shown(' ', b[i]);
  return out;
}

std::string update_consequence(const PlanFigures& plan, ItemKind kind, std::string_view id) {
  std::string at = to_long(plan.as_of);
  std::string name = escape_control(id);
  switch (kind) {
    case ItemKind::action:
      if (const ActionFigures* a = find_action(plan, id))
        return fmt::format("{} at {}: target {}, actual {}, {}.\n", name, at, percent_text(a->target),
                           percent_text(a->actual), rag_word(a->rag));
      break;
    case ItemKind::milestone:
      for (const MilestoneFigures& m : plan.milestones)
        if (m.milestone->id == id) {
          if (m.milestone->done)
            return fmt::format("{}: done on {} (due {}{}).\n", name, to_long(*m.milestone->done),
                               to_long(m.milestone->due),
                               m.days_late > 0 ? fmt::format(", {} days late", m.days_late) : "");
          return fmt::format("{}: {} (due {}).\n", name, to_string(m.state), to_long(m.milestone->due));
        }
      break;
    case ItemKind::measure:
      for (const MeasureFigures& m : plan.measures)
        if (m.measure->id == id) {
          const Measure& measure = *m.measure;
          std::string value = measure_value_text(m.current, measure.unit, plan.plan->currency);
          if (!m.target) return fmt::format("{} at {}: {} (no target).\n", name, at, escape_control(value));
          return fmt::format("{} at {}: {} against a target of {}, {}.\n", name, at, escape_control(value),
                             escape_control(measure_value_text(m.target, measure.unit, plan.plan->currency)),
                             rag_word(m.rag));
        }
      break;
    case ItemKind::risk:
      for (const RiskFigures& r : plan.risks)
        if (r.risk->id == id)
          return fmt::format("{} at {}: {}, {}, trend {}.\n", name, at, rating_text(r.current), band_or_status(r),
                             to_string(r.trend));
      break;
  }
  return "";
}

}  // namespace bvplan
