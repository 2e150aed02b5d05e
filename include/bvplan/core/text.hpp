// Small text helpers shared by the loader, validation and renderers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bvplan {

// The candidate closest to `word` by edit distance, if close enough to be a likely typo
// (at most 2 edits and fewer than the word's length); empty otherwise. Ties go to the
// earlier candidate.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// A JSON string literal, quotes included; control characters (C0, DEL and C1) escaped
// as \uXXXX, bytes that are not UTF-8 written as U+FFFD.
std::string json_quote(std::string_view text);

// What escape_control writes as it is: nothing (one line of a message or a table cell),
// tabs (a source excerpt, where the caret below must line up), or tabs and LF (text of
// several lines, such as a Markdown paragraph or a block of messages; CR is escaped).
enum class Keep { none, tab, tab_and_newline };

// `text` as it may be shown on a terminal or in a log, on one line: every control
// character and every byte that is not UTF-8 becomes a visible escape, so plan content
// can neither move the cursor, change colours or the window title, nor start a line.
// \n, \r, \t, \e (ESC), \xNN for other C0 controls, DEL and bytes that are not
// UTF-8, \u0085 for the C1 controls U+0080 to U+009F. Other text is kept as it is.
// The one escaping scheme of every text output (see bvplan(1), CONTROL CHARACTERS).
std::string escape_control(std::string_view text, Keep keep = Keep::none);

// Whether `line`, after leading white space (as GitHub Actions trims it), starts with
// "::" or "##[", the forms of a GitHub Actions workflow command.
bool starts_workflow_command(std::string_view line);
// Makes sure `line` cannot be read as a workflow command: when starts_workflow_command,
// its first character after the white space is written as \xNN (":" as \x3a).
// Returns the byte offset of the character escaped, or npos when nothing was changed.
size_t guard_line_start(std::string& line);
// guard_line_start on every line of `text` (lines end at CR or LF).
std::string guard_line_starts(std::string_view text);
// Appends `item` to a comma-separated `list` ("a" then "a,b"). Written as two appends:
// `(list.empty() ? "" : ",") + std::string` sets off GCC 12's -Wrestrict false positive
// (GCC bug 105651) in release builds.
void append_with_comma(std::string& list, std::string_view item);

// True when `text` is an id: [A-Za-z0-9][A-Za-z0-9._-]*.
bool is_valid_id(std::string_view text);

// True when `text` holds nothing a reader can see: only white space (U+00A0 included) and
// invisible characters (zero-width and other format characters such as U+200B, U+FEFF).
// Text that is not valid UTF-8 is not blank.
bool is_blank(std::string_view text);

}  // namespace bvplan
