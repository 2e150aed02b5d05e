#include "bvplan/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace bvplan {

const char* to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

void sort_diagnostics(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.file, a.position, a.rule, a.message) <
                            std::tie(b.file, b.position, b.rule, b.message);
                   });
}

size_t count_severity(const Diagnostics& diagnostics, Severity severity) {
  return static_cast<size_t>(std::count_if(
      diagnostics.begin(), diagnostics.end(),
      [severity](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace bvplan
