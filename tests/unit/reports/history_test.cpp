#include "bvplan/reports/history.hpp"

#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace bvplan;
using bvplan::test::d;

namespace {
std::vector<std::string> iso(const std::vector<Date>& dates) {
  std::vector<std::string> out;
  for (Date x : dates) out.push_back(to_iso(x));
  return out;
}
}  // namespace

TEST_CASE("period_ends: quarters and months, with a final partial point") {
  CHECK(iso(period_ends(d("2004-02-10"), d("2004-09-30"), HistoryStep::quarter)) ==
        std::vector<std::string>{"2004-03-31", "2004-06-30", "2004-09-30"});
  CHECK(iso(period_ends(d("2004-02-10"), d("2004-08-15"), HistoryStep::quarter)) ==
        std::vector<std::string>{"2004-03-31", "2004-06-30", "2004-08-15"});
  CHECK(iso(period_ends(d("2004-01-31"), d("2004-03-31"), HistoryStep::month)) ==
        std::vector<std::string>{"2004-01-31", "2004-02-29", "2004-03-31"});
  CHECK(iso(period_ends(d("2004-05-05"), d("2004-05-20"), HistoryStep::month)) ==
        std::vector<std::string>{"2004-05-20"});
  CHECK(period_ends(d("2004-05-05"), d("2004-05-01"), HistoryStep::month).empty());
}
