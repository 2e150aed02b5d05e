#include "bvplan/yaml/version.hpp"

namespace bvplan {

// yaml-cpp has no version macro: CMake passes the version its package gave.
std::string_view yaml_cpp_version() { return BVPLAN_YAML_CPP_VERSION; }

}  // namespace bvplan
