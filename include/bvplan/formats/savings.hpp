// Financial benefits, as Markdown, CSV and JSON.
#pragma once

#include <string>

#include "bvplan/reports/savings.hpp"

namespace bvplan {

// `heading` is the Markdown heading mark ("##" inside a portfolio paper).
std::string render_savings_markdown(const Savings& savings, const std::string& heading = "#");
std::string render_savings_csv(const Savings& savings);
std::string render_savings_json(const Savings& savings);

}  // namespace bvplan
