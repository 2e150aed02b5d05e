#include "bvplan/core/diagnostic.hpp"

#include <algorithm>
#include <filesystem>
#include <new>
#include <tuple>

namespace bvplan {

const char* to_string(Severity severity) { return severity == Severity::error ? "error" : "warning"; }

void sort_diagnostics(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.position, a.rule, a.message) < std::tie(b.file, b.position, b.rule, b.message);
  });
}

size_t count_severity(const Diagnostics& diagnostics, Severity severity) {
  return static_cast<size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                           [severity](const Diagnostic& d) { return d.severity == severity; }));
}

std::string describe_stop(std::exception_ptr stop) noexcept {
  try {
    try {
      std::rethrow_exception(stop);
    } catch (const Error& e) {
      return e.what();
    } catch (const std::bad_alloc&) {
      return "out of memory";
    } catch (const std::filesystem::filesystem_error& e) {
      std::string path = e.path1().string();
      if (path.empty()) return e.code().message();
      return "'" + path + "': " + e.code().message();
    } catch (const std::exception& e) {
      return std::string("unexpected failure: ") + e.what();
    } catch (...) {
      return "unexpected failure";
    }
  } catch (...) {
    // Building the message itself failed (out of memory).
  }
  return {};
}

}  // namespace bvplan
