// A reference to another thing by id (an owner, an action), where it was written.
#pragma once

#include <string>

#include "bvplan/core/diagnostic.hpp"

namespace bvplan {

struct Reference {
  std::string id;
  Position position;
};

}  // namespace bvplan
