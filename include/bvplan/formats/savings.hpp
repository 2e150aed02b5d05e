// Financial benefits, as Markdown, CSV and JSON.
#pragma once

#include <string>

#include "bvplan/reports/savings.hpp"

namespace bvplan {

// `heading` is the Markdown heading mark ("##" inside a portfolio paper).
std::string render_savings_markdown(const Savings& savings, const std::string& heading = "#");
std::string render_savings_csv(const Savings& savings);
std::string render_savings_json(const Savings& savings);

// Savings by year (savings --by year, and the portfolio paper's "Savings by year").
std::string render_savings_by_year_markdown(const SavingsByYear& savings, const std::string& heading = "#");
std::string render_savings_by_year_csv(const SavingsByYear& savings);
std::string render_savings_by_year_json(const SavingsByYear& savings);
// What the years are, in a sentence: "Financial years, April to March." or "Calendar years."
std::string savings_years_words(unsigned year_start);
// What "Expected to date" means and what is still to come, as at the as-of date.
std::string savings_by_year_note(const SavingsByYear& savings);
// The year's label, or "Total" / "Total GBP" (several currencies) for a total.
std::string savings_total_name(const SavingsByYear& savings, const YearSavingsTotal& total);

}  // namespace bvplan
