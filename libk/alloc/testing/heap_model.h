// Random workloads for the heap model (heap_workload.h) with RapidCheck: alloc/free
// sequences with sizes 1 B to 64 KiB and alignments 1 to 4096, and how a counterexample
// prints.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <utility>
#include <vector>

#include <rapidcheck.h>

#include "libk/alloc/testing/heap_workload.h"

namespace libk::alloc::testing {

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

}  // namespace libk::alloc::testing
