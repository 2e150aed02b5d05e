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

// Appends `item` to a comma-separated `list` ("a" then "a,b"). Written as two appends:
// `(list.empty() ? "" : ",") + std::string` sets off GCC 12's -Wrestrict false positive
// (GCC bug 105651) in release builds.
void append_with_comma(std::string& list, std::string_view item);

// True when `text` is an id: [A-Za-z0-9][A-Za-z0-9._-]*.
bool is_valid_id(std::string_view text);

}  // namespace bvplan
