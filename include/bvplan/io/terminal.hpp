// Asking a person at a terminal: the interactive modes of `update` and `new`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bvplan {

// Whether standard input and standard error are both terminals: only then does a
// command ask questions. Input from a pipe or file never prompts.
bool interactive_terminal();

// Writes `prompt` to standard error and reads one line from standard input, without its
// line end (a trailing CR too); nullopt at end of input.
std::optional<std::string> ask_line(std::string_view prompt);

}  // namespace bvplan
