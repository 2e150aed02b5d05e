// YAML text to a positioned tree, refusing what yaml-cpp 0.7 would accept silently.
#pragma once

#include "bvplan/core/diagnostic.hpp"
#include "bvplan/core/source.hpp"
#include "bvplan/yaml/document.hpp"

namespace bvplan {

inline constexpr unsigned max_nesting_depth = 64;
// yaml-cpp 0.7 holds text where a key could start in memory, as tokens of ~140 bytes
// each, until it can place it. bvplan stops reading when more than this many of the
// characters that start tokens ([ ] { } , : ? ! & * " ') wait to be placed, bounding the
// parser's memory to a few megabytes whatever the file's size.
inline constexpr size_t max_pending_punctuation = 65536;

// Parses one YAML document. Syntax errors, duplicate keys, anchors, aliases, merge keys,
// several documents, nesting deeper than max_nesting_depth and text the parser would have
// to hold (over max_pending_punctuation) are appended to
// `diagnostics`; on a syntax error the returned tree is partial and must not be used.
// Never hangs: a parse that makes no progress ends in a yaml-syntax error.
Document read_yaml(const SourceFile& source, Diagnostics& diagnostics);

}  // namespace bvplan
