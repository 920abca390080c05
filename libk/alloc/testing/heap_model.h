// The property every allocator must satisfy, as a RapidCheck harness: random alloc/free
// sequences (sizes 1 B to 64 KiB, alignments 1 to 4096) run against a model of the live
// blocks (a std::map). Each test file supplies a Policy with the allocator's own laws:
// when a request surely fits without growing, what its invariants are, and what "back
// to the initial state" means once everything is freed.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <random>
#include <vector>

#include <rapidcheck.h>

#include "libk/alloc/heap_stats.h"
#include "libk/alloc/region.h"
#include "libk/alloc/testing/buffer_region_source.h"

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

// Prints a counterexample (RapidCheck finds this name by argument-dependent lookup).
inline void showValue(  // NOLINT(readability-identifier-naming)
    const Workload& workload, std::ostream& os) {
  os << "offset " << workload.offset << ", initial " << workload.initial << ", seed "
     << workload.seed << ", ops:";
  for (const Op& op : workload.ops) {
    if (op.allocate) {
      os << " A(" << op.request.size << "," << op.request.align << ")";
    } else {
      os << " F(" << op.pick << ")";
    }
  }
}

// Sizes: mostly small, some pages, a few up to 64 KiB.
inline rc::Gen<std::size_t> GenSize() {
  return rc::gen::weightedOneOf<std::size_t>({
      {12, rc::gen::inRange<std::size_t>(1, 257)},
      {5, rc::gen::inRange<std::size_t>(257, 4097)},
      {2, rc::gen::inRange<std::size_t>(4097, 65537)},
      {1, rc::gen::just<std::size_t>(0)},
  });
}

// Alignments 1 to 4096, mostly up to 16.
inline rc::Gen<std::size_t> GenAlign() {
  return rc::gen::map(
      rc::gen::weightedOneOf<int>({{8, rc::gen::inRange(0, 5)}, {2, rc::gen::inRange(5, 13)}}),
      [](int shift) { return std::size_t{1} << shift; });
}

inline rc::Gen<Op> GenOp() {
  return rc::gen::apply([](bool allocate, std::size_t size, std::size_t align,
                           std::size_t pick) { return Op{allocate, Request{size, align}, pick}; },
                        rc::gen::weightedElement<bool>({{3, true}, {2, false}}), GenSize(),
                        GenAlign(), rc::gen::arbitrary<std::size_t>());
}

inline rc::Gen<Workload> GenWorkload() {
  return rc::gen::apply(
      [](std::size_t offset, std::size_t initial_pages, std::vector<Op> ops, std::uint64_t seed) {
        return Workload{offset, initial_pages * 4096, std::move(ops), seed};
      },
      rc::gen::inRange<std::size_t>(0, 64), rc::gen::inRange<std::size_t>(0, 9),
      rc::gen::scale(3.0, rc::gen::container<std::vector<Op>>(GenOp())),
      rc::gen::arbitrary<std::uint64_t>());
}

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
    RC_ASSERT(Policy::InvariantsHold(heap));
    const HeapStats stats = heap.Stats();
    RC_ASSERT(stats.bytes_in_use == in_use);
    RC_ASSERT(stats.peak_bytes_in_use == peak);
    RC_ASSERT(stats.live_allocations == live.size());
    RC_ASSERT(
        std::equal(std::begin(by_class), std::end(by_class), std::begin(stats.live_by_class)));
    RC_ASSERT(stats.region_bytes == source.committed());
    RC_ASSERT(stats.free_bytes <= stats.region_bytes);
    RC_ASSERT(stats.largest_free_block <= stats.free_bytes);
  };
  const auto free_block = [&](auto it) {
    const Live info = it->second;
    for (std::size_t i = 0; i < info.size; ++i) RC_ASSERT(info.block[i] == info.pattern);
    const std::size_t counted = info.size == 0 ? 1 : info.size;
    // SAFETY: the block came from heap.Allocate(size, align) and leaves the model now.
    RC_ASSERT(heap.Deallocate(info.block, info.size, info.align).is_ok());
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
    RC_ASSERT(Policy::InvariantsHold(heap));
    const HeapStats after = heap.Stats();
    const bool fits = Policy::SurelyFits(before, size, align);
    // Growth happens only when the request did not fit in what the allocator had.
    if (after.grow_count != before.grow_count) RC_ASSERT(!fits);
    if (ptr == nullptr) {
      // Failure only when it did not fit and the source refused to grow.
      RC_ASSERT(!fits);
      RC_ASSERT(source.refusals() > refusals);
      check_stats();
      continue;
    }
    auto* block = BytesOf(ptr);
    const auto address = std::bit_cast<std::uintptr_t>(ptr);
    const auto base = std::bit_cast<std::uintptr_t>(source.base());
    const std::size_t counted = size == 0 ? 1 : size;
    RC_ASSERT(address % align == 0);
    RC_ASSERT(address >= base && address + counted <= base + source.committed());
    // Disjoint from the neighbours on both sides.
    auto next = live.lower_bound(address);
    if (next != live.end()) RC_ASSERT(address + counted <= next->first);
    if (next != live.begin()) {
      auto prev = std::prev(next);
      RC_ASSERT(prev->first + std::max<std::size_t>(prev->second.size, 1) <= address);
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
