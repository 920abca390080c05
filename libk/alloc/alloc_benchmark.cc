// Host benchmarks of the three allocators against glibc malloc.
//   BM_HotPair:   allocate and at once free one block of 16, 64, 256 or 1024 bytes; the
//                 best case of every design (the bump allocator resets each time).
//   BM_Replace:   a heap holding 1,000 live blocks of 16 B to 1 KiB; each iteration frees
//                 a random live block and allocates a new one of the benchmark's size, so
//                 the linked list has holes to search and a long list to insert into.
//   BM_Mixed:     rounds of 256 random operations (sizes 16 B to 32 KiB, 60 % allocations,
//                 frees of random live blocks), everything freed at the end of a round.
// Counters: fragmentation (1 - largest free block / free bytes) and overhead (bytes used
// / bytes requested) of the heap when the run ends.
// Run with: bazel run -c opt //libk/alloc:alloc_benchmark
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "libk/alloc/bump_allocator.h"
#include "libk/alloc/fixed_block_allocator.h"
#include "libk/alloc/heap_stats.h"
#include "libk/alloc/linked_list_allocator.h"
#include "libk/alloc/locked_allocator.h"
#include "libk/alloc/testing/buffer_region_source.h"

namespace libk::alloc {
namespace {

constexpr std::size_t kRegion = std::size_t{64} << 20;
constexpr std::size_t kStep = std::size_t{64} << 10;
constexpr std::size_t kAlign = 16;

// One of libk's allocators over a buffer of up to 64 MiB, which it takes 64 KiB at a time
// as it needs (as the kernel's heap grows page by page), so that its region stays close to
// its high-water mark and the fragmentation figures mean something.
template <typename A>
class RegionHeap {
 public:
  RegionHeap() {
    // SAFETY: the buffer outlives the allocator (both are members, source_ first).
    heap_.Init(source_.base(), kStep, &source_);
  }
  void* Allocate(std::size_t size) { return heap_.Allocate(size, kAlign); }
  void Free(void* block, std::size_t size) {
    // SAFETY: the benchmarks free each block once, with the size they allocated it with.
    if (heap_.Deallocate(block, size, kAlign).is_error()) std::abort();
  }
  HeapStats Stats() const { return heap_.Stats(); }

 private:
  testing::BufferRegionSource source_{0, kStep, kRegion, kStep};
  A heap_;
};

// The same, behind the lock a kernel global uses.
template <typename A>
class LockedHeap {
 public:
  LockedHeap() {
    // SAFETY: the buffer outlives the allocator (both are members, source_ first).
    heap_.Init(source_.base(), kStep, &source_);
  }
  void* Allocate(std::size_t size) { return heap_.Allocate(size, kAlign); }
  void Free(void* block, std::size_t size) {
    // SAFETY: the benchmarks free each block once, with the size they allocated it with.
    heap_.Deallocate(block, size, kAlign);
  }
  HeapStats Stats() { return heap_.Stats(); }

 private:
  testing::BufferRegionSource source_{0, kStep, kRegion, kStep};
  LockedAllocator<A> heap_;
};

// glibc's malloc and free (its blocks are 16-byte aligned): what is being compared with.
class Malloc {
 public:
  static void* Allocate(std::size_t size) {
    return std::malloc(size);  // NOLINT(cppcoreguidelines-no-malloc)
  }
  static void Free(void* block, std::size_t /*size*/) {
    std::free(block);  // NOLINT(cppcoreguidelines-no-malloc)
  }
};

// The benchmarks' random workloads are fixed, so that every run and every allocator sees
// the same one.
std::mt19937_64 FixedRandom(std::uint64_t seed) {
  return std::mt19937_64(seed);  // NOLINT(cert-msc32-c,cert-msc51-cpp)
}

template <typename H>
void ReportFragmentation(benchmark::State& state, H& heap) {
  if constexpr (requires { heap.Stats(); }) {
    const HeapStats stats = heap.Stats();
    const auto free = static_cast<double>(stats.free_bytes);
    state.counters["fragmentation"] =
        free == 0 ? 0.0 : 1.0 - (static_cast<double>(stats.largest_free_block) / free);
    state.counters["heap_KiB"] = static_cast<double>(stats.region_bytes >> 10);
    state.counters["overhead"] =
        stats.bytes_in_use == 0
            ? 0.0
            : static_cast<double>(stats.used_bytes()) / static_cast<double>(stats.bytes_in_use);
  }
}

template <typename H>
void BM_HotPair(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  auto heap = std::make_unique<H>();
  for (auto _ : state) {
    // const: DoNotOptimize then takes the pointer as an input only. Its in-out form lets
    // the static analyzer think the asm overwrote it, and report the block as leaked.
    void* const block = heap->Allocate(size);
    benchmark::DoNotOptimize(block);
    heap->Free(block, size);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations());
}

// Ages `heap` as a long-running kernel's: 1,000 live blocks of 16 B to 1 KiB after 50,000
// random replacements, so its free memory is the holes and slivers that first fit leaves.
template <typename H>
std::vector<std::pair<void*, std::size_t>> Age(H& heap) {
  constexpr std::size_t kLive = 1000;
  std::mt19937_64 rng = FixedRandom(42);
  std::vector<std::pair<void*, std::size_t>> live;
  live.reserve(kLive);
  const auto size = [&rng] { return 16 + (rng() % 1009); };
  for (std::size_t i = 0; i < kLive; ++i) {
    const std::size_t n = size();
    live.emplace_back(heap.Allocate(n), n);
  }
  for (int i = 0; i < 50000; ++i) {
    auto& [block, block_size] = live[rng() % kLive];
    heap.Free(block, block_size);
    block_size = size();
    block = heap.Allocate(block_size);
  }
  return live;
}

template <typename H>
void BM_AgedPair(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  auto heap = std::make_unique<H>();
  const std::vector<std::pair<void*, std::size_t>> live = Age(*heap);
  for (auto _ : state) {
    void* const block = heap->Allocate(size);  // const: as in BM_HotPair.
    benchmark::DoNotOptimize(block);
    heap->Free(block, size);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations());
  ReportFragmentation(state, *heap);
  for (const auto& [block, block_size] : live) heap->Free(block, block_size);
}

struct MixedOp {
  bool allocate;
  std::uint32_t value;  // The size, or which live block to free.
};

std::vector<MixedOp> MixedRound(std::mt19937_64& rng) {
  std::vector<MixedOp> ops;
  ops.reserve(256);
  for (int i = 0; i < 256; ++i) {
    const bool allocate = rng() % 10 < 6;
    const std::uint64_t bucket = rng() % 100;
    std::uint64_t size = 4097 + (rng() % 28672);  // 5 %: 4 KiB to 32 KiB.
    if (bucket < 70) {
      size = 16 + (rng() % 241);  // 70 %: 16 B to 256 B.
    } else if (bucket < 95) {
      size = 257 + (rng() % 3840);  // 25 %: 257 B to 4 KiB.
    }
    ops.push_back({allocate, static_cast<std::uint32_t>(allocate ? size : rng())});
  }
  return ops;
}

template <typename H>
void BM_Mixed(benchmark::State& state) {
  auto heap = std::make_unique<H>();
  std::mt19937_64 rng = FixedRandom(7);
  std::vector<std::vector<MixedOp>> rounds;
  rounds.reserve(16);
  for (int i = 0; i < 16; ++i) rounds.push_back(MixedRound(rng));
  std::vector<std::pair<void*, std::size_t>> live;
  live.reserve(256);
  const auto run = [&](const std::vector<MixedOp>& ops) {
    for (const MixedOp& op : ops) {
      if (op.allocate) {
        live.emplace_back(heap->Allocate(op.value), op.value);
        benchmark::DoNotOptimize(live.back().first);
      } else if (!live.empty()) {
        const std::size_t at = op.value % live.size();
        heap->Free(live[at].first, live[at].second);
        live[at] = live.back();
        live.pop_back();
      }
    }
  };
  const auto free_all = [&] {
    for (auto& [block, size] : live) heap->Free(block, size);
    live.clear();
  };
  std::size_t round = 0;
  for (auto _ : state) {
    run(rounds[round++ % rounds.size()]);
    free_all();
  }
  state.SetItemsProcessed(state.iterations() * 256);
  // The state at the end of one more round, before its blocks are freed.
  run(rounds[round % rounds.size()]);
  ReportFragmentation(state, *heap);
  free_all();
}

using Bump = RegionHeap<BumpAllocator>;
using LinkedList = RegionHeap<LinkedListAllocator>;
using FixedBlock = RegionHeap<FixedBlockAllocator>;
using LockedFixedBlock = LockedHeap<FixedBlockAllocator>;

#define LIBK_SIZES Arg(16)->Arg(64)->Arg(256)->Arg(1024)

BENCHMARK_TEMPLATE(BM_HotPair, Bump)->LIBK_SIZES;
BENCHMARK_TEMPLATE(BM_HotPair, LinkedList)->LIBK_SIZES;
BENCHMARK_TEMPLATE(BM_HotPair, FixedBlock)->LIBK_SIZES;
BENCHMARK_TEMPLATE(BM_HotPair, LockedFixedBlock)->LIBK_SIZES;
BENCHMARK_TEMPLATE(BM_HotPair, Malloc)->LIBK_SIZES;

// The bump allocator cannot run this one: with blocks always live it never frees.
BENCHMARK_TEMPLATE(BM_AgedPair, LinkedList)->LIBK_SIZES;
BENCHMARK_TEMPLATE(BM_AgedPair, FixedBlock)->LIBK_SIZES;
BENCHMARK_TEMPLATE(BM_AgedPair, LockedFixedBlock)->LIBK_SIZES;
BENCHMARK_TEMPLATE(BM_AgedPair, Malloc)->LIBK_SIZES;

BENCHMARK_TEMPLATE(BM_Mixed, Bump);
BENCHMARK_TEMPLATE(BM_Mixed, LinkedList);
BENCHMARK_TEMPLATE(BM_Mixed, FixedBlock);
BENCHMARK_TEMPLATE(BM_Mixed, LockedFixedBlock);
BENCHMARK_TEMPLATE(BM_Mixed, Malloc);

}  // namespace
}  // namespace libk::alloc
