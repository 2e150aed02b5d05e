// Positioned YAML tree to plan model: the format's shape, types and values.
#pragma once

#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/source.hpp"
#include "bvplan/model/plan.hpp"
#include "bvplan/yaml/document.hpp"

namespace bvplan {

// Reads a plan from its tree, appending unknown-key, missing-key, wrong-type, bad-value
// and bad-date findings. The returned plan holds whatever could be read.
Plan load_plan(const Document& document, const std::string& file, Diagnostics& diagnostics);

// Reads an owners register (a file whose only top-level key is `owners:`).
OwnersRegister load_owners(const Document& document, const std::string& file, Diagnostics& diagnostics);

// Text to plan in one step: encoding checks, YAML, then the model. For tests and the
// common path; `plan` is empty when the text could not be parsed as YAML.
struct LoadResult {
  std::optional<Plan> plan;
  Diagnostics diagnostics;
};
LoadResult load_plan_text(SourceFile& source);

}  // namespace bvplan
