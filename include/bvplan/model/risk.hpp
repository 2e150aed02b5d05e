// A plan's risk register: risks rated by likelihood and impact (1 to 5 each), before
// controls and at each review, with the actions that mitigate them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bvplan/core/date.hpp"
#include "bvplan/core/diagnostic.hpp"
#include "bvplan/model/reference.hpp"

namespace bvplan {

// Likelihood and impact, each a whole number from 1 to 5.
struct RiskRating {
  int likelihood = 1;
  int impact = 1;
  int score() const { return likelihood * impact; }
  friend bool operator==(const RiskRating&, const RiskRating&) = default;
};

struct RiskReview {
  Date date;
  Position position;  // of its date
  RiskRating rating;
  std::string note;
};

enum class RiskStatus { open, closed };
const char* to_string(RiskStatus status);

struct Risk {
  std::string id;
  Position position;  // of its id
  std::string title;
  Reference owner;
  RiskRating inherent;  // before controls
  std::string controls;
  std::vector<Reference> mitigated_by;  // action ids
  std::optional<RiskRating> target;
  std::vector<RiskReview> reviews;  // in file order
  RiskStatus status = RiskStatus::open;
  bool well_formed = false;  // every required field was read
};

// The scores from which a risk is medium and high (plan: risk_bands).
struct RiskBands {
  int medium = 8;
  int high = 15;
};

enum class RiskBand { low, medium, high };
const char* to_string(RiskBand band);
RiskBand risk_band(int score, const RiskBands& bands);

// The latest review dated on or before `as_of` (the last of equal dates), or nullptr.
const RiskReview* latest_review(const Risk& risk, Date as_of);
// The latest review's rating on or before `as_of`, else the inherent one.
RiskRating current_rating(const Risk& risk, Date as_of);

}  // namespace bvplan
