// Test helper: runs a function on several threads that all start at the same moment, so
// that tests of the locks see real contention rather than threads running one by one.
#pragma once

#include <atomic>
#include <thread>
#include <vector>

namespace libk::testing {

// Calls `body(i)` for i in [0, threads) on `threads` threads released together, and
// returns when all have finished.
template <typename Body>
void RunConcurrently(int threads, const Body& body) {
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (int i = 0; i < threads; ++i) {
    pool.emplace_back([&, i] {
      ready.fetch_add(1);
      while (!go.load(std::memory_order_acquire)) {
        std::this_thread::yield();
      }
      body(i);
    });
  }
  while (ready.load() != threads) {
    std::this_thread::yield();
  }
  go.store(true, std::memory_order_release);
  for (std::thread& thread : pool) {
    thread.join();
  }
}

}  // namespace libk::testing
