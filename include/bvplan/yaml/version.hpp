// The version of yaml-cpp bvplan was built with, for --version.
#pragma once

#include <string_view>

namespace bvplan {

std::string_view yaml_cpp_version();

}  // namespace bvplan
