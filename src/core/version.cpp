#include "bvplan/core/version.hpp"

#include <fmt/format.h>

namespace bvplan {

std::string_view bvplan_version() { return BVPLAN_VERSION; }  // from CMakeLists.txt's project()

std::string fmt_version() {
  return fmt::format("{}.{}.{}", FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100);
}

}  // namespace bvplan
