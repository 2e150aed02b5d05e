// Hints for YAML syntax errors: what the common mistakes look like and how to mend them.
#pragma once

#include <string>
#include <string_view>

#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/source.hpp"

namespace bvplan {

// `text` as a YAML double-quoted scalar.
std::string double_quoted(std::string_view text);

// The hint for the parser's error `what` at `position`: tabs in the indentation, text that
// YAML reads as syntax (with the line quoted), a list entry out of line, a missing space
// after a colon. Empty when none fits.
std::string syntax_hint(const SourceFile& source, Position position, const std::string& what);

}  // namespace bvplan
