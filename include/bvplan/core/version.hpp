// bvplan's version, as --version, SARIF's tool driver and the packages give it.
#pragma once

#include <string_view>

namespace bvplan {

inline constexpr std::string_view bvplan_version = "0.1.0";

}  // namespace bvplan
