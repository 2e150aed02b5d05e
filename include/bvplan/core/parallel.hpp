// Work shared among threads, with failures brought back to the caller's thread.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace bvplan {

// Calls work(i) for every i in [0, count) on up to `threads` threads (the caller's
// included). An exception thrown by any call stops the others from taking more work and
// is rethrown here, on the caller's thread, after all threads have joined: a thread
// that lets an exception escape would end the process with std::terminate.
template <typename Work>
void run_in_parallel(size_t count, size_t threads, Work work) {
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_failure;
  std::mutex failure_mutex;
  auto worker = [&]() noexcept {
    try {
      for (size_t i; !failed && (i = next++) < count;) work(i);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!first_failure) first_failure = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> pool;
  try {
    for (size_t t = 1; t < std::min(threads, count); ++t) pool.emplace_back(worker);
  } catch (...) {
    // No thread to be had: the ones started and this one do the work.
  }
  worker();
  for (std::thread& t : pool) t.join();
  if (first_failure) std::rethrow_exception(first_failure);
}

}  // namespace bvplan
