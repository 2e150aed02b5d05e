// The rules check applies, as bvplan(1) describes them under RULES: what SARIF's tool
// driver lists. Generated from the man page by scripts/make-rule-catalog.
#pragma once

#include <span>
#include <string_view>

#include "bvplan/core/diagnostic.hpp"

namespace bvplan {

struct RuleInfo {
  std::string_view id;           // "unknown-owner"
  Severity severity;             // as a rule of its kind is usually reported
  std::string_view summary;      // the description's first sentence
  std::string_view description;  // the man page's prose, paragraphs separated by blank lines
  std::string_view fix;          // how to put it right
};

// Every rule, in the man page's order.
std::span<const RuleInfo> rule_catalog();

// The rule with this id, or nullptr.
const RuleInfo* find_rule(std::string_view id);

}  // namespace bvplan
