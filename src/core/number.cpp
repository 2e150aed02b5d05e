#include "bvplan/core/number.hpp"

#include <cmath>

#include <fmt/format.h>

namespace bvplan {

double round_percent(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  double scaled = value * scale;
  // A hair towards the away-from-zero side absorbs binary representation error
  // (0.15 * 10 is 1.4999999999999998).
  double rounded = std::round(scaled + std::copysign(1e-9, scaled)) / scale;
  return rounded == 0 ? 0.0 : rounded;
}

std::string format_percent(double value, int decimals) {
  return fmt::format("{:.{}f}", round_percent(value, decimals), decimals);
}

std::string format_number(double amount) {
  double rounded = round_percent(amount, 2);
  if (rounded == std::trunc(rounded)) return fmt::format("{}", static_cast<long long>(rounded));
  std::string out = fmt::format("{:.2f}", rounded);
  if (out.back() == '0') out.pop_back();
  return out;
}

std::string format_amount(double amount) {
  return amount == static_cast<double>(static_cast<long long>(amount))
             ? fmt::format("{}", static_cast<long long>(amount))
             : fmt::format("{:.2f}", amount);
}

}  // namespace bvplan
