#include <fmt/format.h>

#include "bvplan/core/date.hpp"
#include "bvplan/formats/paper.hpp"
#include "bvplan/formats/text.hpp"

namespace bvplan {

Text plain(std::string text) { return {Span{std::move(text), Span::Style::plain}}; }

Text strong(std::string text) { return {Span{std::move(text), Span::Style::strong}}; }

Text noted(std::string text, std::string note) {
  return {Span{std::move(text), Span::Style::plain}, Span{std::move(note), Span::Style::note}};
}

Cell cell(std::string text) { return Cell{plain(std::move(text)), std::nullopt, false}; }

Cell rag_cell(Rag rag) {
  return Cell{plain(rag_word(rag)), rag == Rag::none ? std::nullopt : std::optional<Rag>(rag), false};
}

std::string action_label(const Action& a) { return fmt::format("{} {}", a.id, a.title); }

bool in_window(const PlanFigures& p, const Update& u) {
  return u.date >= p.window.start && u.date <= p.window.end && u.date <= p.as_of;
}

std::string version_words(const PlanVersion& v, Date as_of) {
  // A version committed after the report's date was not the plan of that date: say so.
  return v.date > as_of ? "the plan as committed to git on " + to_long(v.date) + ", after the date of this report"
                        : "the plan as it stood on " + to_long(v.date);
}

std::string version_note(const PlanVersion& v) {
  return fmt::format("Revision {}, commit {}, dated {}.", v.revision, v.short_id, to_long(v.date));
}

}  // namespace bvplan
