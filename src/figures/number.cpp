#include <cmath>

#include <fmt/format.h>

#include "bvplan/figures/compute.hpp"

namespace bvplan {

std::string format_number(double amount) {
  double rounded = round_percent(amount, 2);
  if (rounded == std::trunc(rounded)) return fmt::format("{}", static_cast<long long>(rounded));
  std::string out = fmt::format("{:.2f}", rounded);
  if (out.back() == '0') out.pop_back();
  return out;
}

}  // namespace bvplan
