// The property every allocator must satisfy, without RapidCheck: an alloc/free sequence
// (a Workload) runs against a model of the live blocks (a std::map). Shared by the
// allocators' property tests (heap_model.h generates workloads) and the heap fuzzer (which
// decodes them from bytes); checks go through LIBK_MODEL_CHECK. Each allocator supplies a
// Policy with its own laws (heap_policies.h): when a request surely fits without growing,
// what its invariants are, and what "back to the initial state" means once all is freed.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <random>
#include <vector>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/alloc/testing/buffer_region_source.h"
#include "libk/testing/model_check.h"

namespace libk::alloc::testing {

struct Request {
  std::size_t size;
  std::size_t align;
};

struct Op {
  bool allocate;
  Request request;
  std::size_t pick;  // Which live block a free takes (modulo their number).
};

struct Workload {
  std::size_t offset;   // Of the region's base past a page boundary.
  std::size_t initial;  // The region's first size.
  std::vector<Op> ops;
  std::uint64_t seed;  // The order in which the remaining blocks are freed at the end.
};

// The region: up to 4 MiB, grown 16 KiB at a time.
inline constexpr std::size_t kLimit = std::size_t{4} << 20;
inline constexpr std::size_t kStep = std::size_t{16} << 10;

// Runs `workload` on a fresh A, checking after every step that live blocks are aligned,
// inside the region, disjoint and intact, that the statistics match the model, that
// growth and failure happen only when Policy says they may, and at the end that freeing
// everything returns A to its initial state.
template <typename A, typename Policy>
void RunWorkload(const Workload& workload) {  // NOLINT(readability-function-cognitive-complexity)
  struct Live {
    std::byte* block;
    std::size_t size;
    std::size_t align;
    std::byte pattern;
  };
  BufferRegionSource source(workload.offset, workload.initial, kLimit, kStep);
  A heap;
  // SAFETY: the source's buffer outlives the allocator and is used by nothing else.
  heap.Init(source.base(), workload.initial, &source);
  std::map<std::uintptr_t, Live> live;
  std::size_t in_use = 0;
  std::size_t peak = 0;
  std::size_t next_pattern = 1;
  std::size_t by_class[kSizeClassCount + 1] = {};

  const auto check_stats = [&] {
    LIBK_MODEL_CHECK(Policy::InvariantsHold(heap));
    const HeapStats stats = heap.Stats();
    LIBK_MODEL_CHECK(stats.bytes_in_use == in_use);
    LIBK_MODEL_CHECK(stats.peak_bytes_in_use == peak);
    LIBK_MODEL_CHECK(stats.live_allocations == live.size());
    LIBK_MODEL_CHECK(
        std::equal(std::begin(by_class), std::end(by_class), std::begin(stats.live_by_class)));
    LIBK_MODEL_CHECK(stats.region_bytes == source.committed());
    LIBK_MODEL_CHECK(stats.free_bytes <= stats.region_bytes);
    LIBK_MODEL_CHECK(stats.largest_free_block <= stats.free_bytes);
  };
  const auto free_block = [&](auto it) {
    const Live info = it->second;
    // Compared as a whole (memset and memcmp), not byte by byte: a fuzzer's coverage
    // instrumentation would trace each byte's comparison.
    const std::vector<std::byte> written(info.size, info.pattern);
    LIBK_MODEL_CHECK(info.size == 0 || std::memcmp(info.block, written.data(), info.size) == 0);
    const std::size_t counted = info.size == 0 ? 1 : info.size;
    // SAFETY: the block came from heap.Allocate(size, align) and leaves the model now.
    LIBK_MODEL_CHECK(heap.Deallocate(info.block, info.size, info.align).is_ok());
    in_use -= counted;
    --by_class[SizeClassOf(counted, info.align)];
    live.erase(it);
  };

  for (const Op& op : workload.ops) {
    if (!op.allocate) {
      if (!live.empty()) {
        auto it = live.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(op.pick % live.size()));
        free_block(it);
      }
      check_stats();
      continue;
    }
    const auto [size, align] = op.request;
    const HeapStats before = heap.Stats();
    const std::size_t refusals = source.refusals();
    void* ptr = heap.Allocate(size, align);
    LIBK_MODEL_CHECK(Policy::InvariantsHold(heap));
    const HeapStats after = heap.Stats();
    const bool fits = Policy::SurelyFits(before, size, align);
    // Growth happens only when the request did not fit in what the allocator had.
    if (after.grow_count != before.grow_count) LIBK_MODEL_CHECK(!fits);
    if (ptr == nullptr) {
      // Failure only when it did not fit and the source refused to grow.
      LIBK_MODEL_CHECK(!fits);
      LIBK_MODEL_CHECK(source.refusals() > refusals);
      check_stats();
      continue;
    }
    auto* block = BytesOf(ptr);
    const auto address = std::bit_cast<std::uintptr_t>(ptr);
    const auto base = std::bit_cast<std::uintptr_t>(source.base());
    const std::size_t counted = size == 0 ? 1 : size;
    LIBK_MODEL_CHECK(address % align == 0);
    LIBK_MODEL_CHECK(address >= base && address + counted <= base + source.committed());
    // Disjoint from the neighbours on both sides.
    auto next = live.lower_bound(address);
    if (next != live.end()) LIBK_MODEL_CHECK(address + counted <= next->first);
    if (next != live.begin()) {
      auto prev = std::prev(next);
      LIBK_MODEL_CHECK(prev->first + std::max<std::size_t>(prev->second.size, 1) <= address);
    }
    const auto pattern = static_cast<std::byte>((next_pattern++ % 251) + 1);
    std::fill(block, block + size, pattern);
    live.emplace(address, Live{block, size, align, pattern});
    in_use += counted;
    peak = std::max(peak, in_use);
    ++by_class[SizeClassOf(counted, align)];
    check_stats();
  }

  // Free what is left in a random order; then the allocator is as it started.
  std::vector<std::uintptr_t> order;
  order.reserve(live.size());
  for (const auto& [address, info] : live) order.push_back(address);
  std::shuffle(order.begin(), order.end(), std::mt19937_64(workload.seed));
  for (const std::uintptr_t address : order) free_block(live.find(address));
  check_stats();
  Policy::CheckInitialState(heap);
}

}  // namespace libk::alloc::testing
