#include "bvplan/core/parallel.hpp"

#include <atomic>
#include <new>
#include <stdexcept>
#include <vector>

#include <doctest/doctest.h>

using namespace bvplan;

TEST_CASE("run_in_parallel does every item once") {
  std::vector<std::atomic<int>> done(1000);
  run_in_parallel(done.size(), 4, [&](size_t i) { ++done[i]; });
  for (const auto& d : done) CHECK(d == 1);
  run_in_parallel(0, 4, [&](size_t) { FAIL("no work"); });
}

TEST_CASE("a worker's exception comes back to the caller instead of std::terminate") {
  // history parses plans on every core; an exception leaving a std::thread used to end
  // the process (exit 134) instead of "bvplan: error: out of memory".
  std::atomic<int> calls{0};
  CHECK_THROWS_AS(run_in_parallel(100, 4,
                                  [&](size_t i) {
                                    ++calls;
                                    if (i == 50) throw std::bad_alloc();
                                  }),
                  std::bad_alloc);
  CHECK(calls <= 100);
  CHECK_THROWS_WITH_AS(run_in_parallel(8, 8, [](size_t) { throw std::runtime_error("every one"); }), "every one",
                       std::runtime_error);
}
