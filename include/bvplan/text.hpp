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

// A JSON string literal, quotes included; control characters escaped.
std::string json_quote(std::string_view text);

// True when `text` is an id: [A-Za-z0-9][A-Za-z0-9._-]*.
bool is_valid_id(std::string_view text);

// True when `text` holds nothing a reader can see: only white space (U+00A0 included) and
// invisible characters (zero-width and other format characters such as U+200B, U+FEFF).
// Text that is not valid UTF-8 is not blank.
bool is_blank(std::string_view text);

}  // namespace bvplan
