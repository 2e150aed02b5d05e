// Numbers as text, the one way: the rounding rule every figure follows, and how
// percentages and amounts are written (findings, CSV, JSON, papers).
#pragma once

#include <string>

namespace bvplan {

// Rounds half away from zero to `decimals` places, the one rounding rule for percentages.
double round_percent(double value, int decimals);
// "48" (decimals 0) or "48.5" (decimals 1), never "-0".
std::string format_percent(double value, int decimals);
// "1500", "1500.5": the one way money and other amounts are written for machines (CSV,
// JSON) and in findings.
std::string format_number(double amount);
// "1500", "150.50": an amount of money in a finding (whole, or to the penny).
std::string format_amount(double amount);

}  // namespace bvplan
