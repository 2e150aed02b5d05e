// YAML text to a positioned tree, refusing what yaml-cpp 0.7 would accept silently.
#pragma once

#include "bvplan/diagnostic.hpp"
#include "bvplan/document.hpp"
#include "bvplan/source.hpp"

namespace bvplan {

inline constexpr unsigned max_nesting_depth = 64;

// Parses one YAML document. Syntax errors, duplicate keys, anchors, aliases, merge keys,
// several documents and nesting deeper than max_nesting_depth are appended to
// `diagnostics`; on a syntax error the returned tree is partial and must not be used.
// Never hangs: a parse that makes no progress ends in a yaml-syntax error.
Document read_yaml(const SourceFile& source, Diagnostics& diagnostics);

}  // namespace bvplan
