// Host benchmarks of the lock fast paths against std::mutex: uncontended lock/unlock of
// each lock type, then the same counter incremented by 1, 2 and 4 threads sharing a lock.
// Run with: bazel run -c opt //libk/sync:lock_benchmark
#include <cstdint>
#include <mutex>

#include <benchmark/benchmark.h>

#include "libk/sync/irq_spin_lock.h"
#include "libk/sync/mutex.h"
#include "libk/sync/scoped_lock.h"
#include "libk/sync/spin_lock.h"

namespace libk {
namespace {

void BM_SpinLock(benchmark::State& state) {
  SpinLock lock;
  std::uint64_t counter = 0;
  while (state.KeepRunning()) {
    lock.Lock();
    benchmark::DoNotOptimize(++counter);
    lock.Unlock();
  }
}
BENCHMARK(BM_SpinLock);

void BM_IrqSpinLock(benchmark::State& state) {
  IrqSpinLock lock;
  std::uint64_t counter = 0;
  while (state.KeepRunning()) {
    lock.Lock();
    benchmark::DoNotOptimize(++counter);
    lock.Unlock();
  }
}
BENCHMARK(BM_IrqSpinLock);

void BM_MutexGuard(benchmark::State& state) {
  Mutex<std::uint64_t> counter(0);
  while (state.KeepRunning()) {
    auto guard = counter.Lock();
    benchmark::DoNotOptimize(++*guard);
  }
}
BENCHMARK(BM_MutexGuard);

void BM_MutexWith(benchmark::State& state) {
  Mutex<std::uint64_t> counter(0);
  while (state.KeepRunning()) {
    counter.With([](std::uint64_t& n) { benchmark::DoNotOptimize(++n); });
  }
}
BENCHMARK(BM_MutexWith);

void BM_IrqMutexWith(benchmark::State& state) {
  IrqMutex<std::uint64_t> counter(0);
  while (state.KeepRunning()) {
    counter.With([](std::uint64_t& n) { benchmark::DoNotOptimize(++n); });
  }
}
BENCHMARK(BM_IrqMutexWith);

void BM_StdMutex(benchmark::State& state) {
  std::mutex lock;
  std::uint64_t counter = 0;
  while (state.KeepRunning()) {
    lock.lock();
    benchmark::DoNotOptimize(++counter);
    lock.unlock();
  }
}
BENCHMARK(BM_StdMutex);

// Shared between the threads of the contended benchmarks.
constinit Mutex<std::uint64_t> shared_counter;
std::mutex shared_std_lock;
std::uint64_t shared_std_counter = 0;

void BM_MutexWithContended(benchmark::State& state) {
  while (state.KeepRunning()) {
    shared_counter.With([](std::uint64_t& n) { benchmark::DoNotOptimize(++n); });
  }
}
BENCHMARK(BM_MutexWithContended)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

void BM_StdMutexContended(benchmark::State& state) {
  while (state.KeepRunning()) {
    const std::lock_guard<std::mutex> hold(shared_std_lock);
    benchmark::DoNotOptimize(++shared_std_counter);
  }
}
BENCHMARK(BM_StdMutexContended)->Threads(1)->Threads(2)->Threads(4)->UseRealTime();

}  // namespace
}  // namespace libk
