// Findings about a plan: data, collected and reported together, sorted by position.
#pragma once

#include <exception>
#include <stdexcept>
#include <string>
#include <vector>

namespace bvplan {

// 1-based line and column; 0 means "no position" (the whole file).
struct Position {
  unsigned line = 0;
  unsigned column = 0;
  friend auto operator<=>(const Position&, const Position&) = default;
};

enum class Severity { warning, error };

const char* to_string(Severity severity);

struct Diagnostic {
  std::string file;
  Position position;
  Severity severity = Severity::error;
  std::string rule;     // stable rule name, e.g. "unknown-owner"
  std::string message;  // lower-case, no final period
  std::string hint;     // how to fix it; may be empty
};

using Diagnostics = std::vector<Diagnostic>;

// Sorts by file, then position, then rule and message, so output never depends on the
// order in which checks ran.
void sort_diagnostics(Diagnostics& diagnostics);

size_t count_severity(const Diagnostics& diagnostics, Severity severity);

// The one exception type for conditions that stop a command (bad invocation, unreadable
// path, failed write). Caught once, in the command layer, and turned into exit status 2.
class Error : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// What to print after "bvplan: error: " for any exception that stopped a command: an
// Error's text; "out of memory"; a file system failure with its path; another
// exception's text, said to be unexpected. Never throws.
std::string describe_stop(std::exception_ptr stop) noexcept;

}  // namespace bvplan
