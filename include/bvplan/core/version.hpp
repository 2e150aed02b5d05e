// bvplan's version, as --version, SARIF's tool driver and the packages give it (CMake's
// project version), and the version of fmt it was built with.
#pragma once

#include <string>
#include <string_view>

namespace bvplan {

std::string_view bvplan_version();

// "9.1.0"
std::string fmt_version();

}  // namespace bvplan
