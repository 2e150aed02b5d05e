// Figures as words and numbers for people and machines, and text made safe for each
// format: the one place that writes money, percentages, RAG words and counts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "bvplan/figures/compute.hpp"

namespace bvplan {

// "↑ improved", "→ same", "↓ worse", "new", "-": the arrow and the word.
std::string direction_text(Direction direction);

// "£12,500", "£1,250.50", "12,500 EUR": the one way money is written for people.
std::string format_money(double amount, std::string_view currency);
// An estimate in whole units ("£26,741"), as a committee paper gives a figure bvplan works
// out pro rata rather than one a plan records.
std::string format_estimate(double amount, std::string_view currency);
// format_money escaped for Markdown (the currency is plan text).
std::string markdown_money(double amount, std::string_view currency);
// "48%": a percentage for people, rounded to a whole percent.
std::string percent_text(double value);
// A roll-up with no counted action has no figure: "-", never "0%".
std::string percent_text(const std::optional<double>& value);

// Staff days logged against effort planned: "19/20 (95%)", "7" without effort, "-" when
// neither.
std::string staff_text(const StaffTime& staff);
// "40 logged of 49 planned (82% used)", "7 logged": staff days in a sentence.
std::string staff_sentence(const StaffTime& staff);
// Whether any action plans effort or has logged staff days: only then do the status table
// and the paper show staff time.
bool logs_staff_time(const PlanFigures& plan);
// "Green", "Not rated": RAG for people, a word, never a colour alone.
std::string rag_word(Rag rag);
// "deferred" -> "Deferred".
std::string title_case(std::string_view word);
// "2 green, 1 red", or "no actions".
std::string counts_text(const RagCounts& counts);
// "1 file", "2 files".
std::string plural(size_t n, std::string_view word);

// Markdown text safe inside a paragraph or a table cell: |, *, _, <, `, [ and friends
// escaped, line breaks folded to spaces.
std::string escape_markdown(std::string_view text);
// HTML text safe in an element or a quoted attribute: & < > " ' as character references,
// control characters shown as escapes (as escape_markdown shows them), line breaks folded
// to spaces.
std::string escape_html(std::string_view text);
// A CSV field per RFC 4180, with spreadsheet formula injection neutralised for text.
std::string csv_text(std::string_view text);

}  // namespace bvplan
