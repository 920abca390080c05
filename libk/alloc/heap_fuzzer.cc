// Fuzzes the three heap allocators against the heap model (testing/heap_workload.h, the one
// their property tests use, with the same policies): the input picks a design and decodes
// into a workload of allocations and frees; after every step live blocks must be aligned,
// inside the region, disjoint and intact, the statistics must match the model, growth and
// failure must happen only when the policy allows, and freeing everything must bring the
// allocator back to its initial state. ASan watches the region: what the source has not
// committed is poisoned.
//
// Input script (tools/fuzz/byte_reader.h):
//   design (1 byte, mod 3: bump, linked list, fixed-size block), base offset (1 byte, mod
//   64), initial pages (1 byte, mod 9), seed of the final free order (1 byte), then ops:
//   op byte, mod 5: 0-2 allocate, 3-4 free.
//     allocate: size tier (1 byte, mod 4) and size: 0: next byte (0 to 255); 1: 1 + next
//               byte; 2: 257 + (2 bytes mod 3840); 3: 4097 + (2 bytes mod 61440);
//               then alignment (1 byte, mod 13: a shift, so 1 to 4096)
//     free:     which live block (1 byte, modulo their number)
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "libk/alloc/bump_allocator.h"
#include "libk/alloc/fixed_block_allocator.h"
#include "libk/alloc/linked_list_allocator.h"
#include "libk/alloc/testing/heap_policies.h"
#include "libk/alloc/testing/heap_workload.h"

#include "tools/fuzz/byte_reader.h"

namespace libk::alloc {
namespace {

// At most this many operations per input, so one input stays fast.
constexpr std::size_t kMaxOps = 1024;

std::size_t Size(keel::fuzz::ByteReader& input) {
  switch (input.Byte() % 4) {
    case 0:
      return input.Byte();
    case 1:
      return 1 + std::size_t{input.Byte()};
    case 2:
      return 257 + input.Below(3840);
    default:
      return 4097 + input.Below(61440);
  }
}

testing::Workload Decode(keel::fuzz::ByteReader& input) {
  testing::Workload workload{};
  workload.offset = input.Below(64);
  workload.initial = input.Below(9) * 4096;
  workload.seed = input.Byte();
  while (!input.empty() && workload.ops.size() < kMaxOps) {
    testing::Op op{};
    op.allocate = input.Byte() % 5 < 3;
    if (op.allocate) {
      op.request.size = Size(input);
      op.request.align = std::size_t{1} << input.Below(13);
    } else {
      op.pick = input.Byte();
    }
    workload.ops.push_back(op);
  }
  return workload;
}

}  // namespace
}  // namespace libk::alloc

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using libk::alloc::BumpAllocator;
  using libk::alloc::FixedBlockAllocator;
  using libk::alloc::LinkedListAllocator;
  using libk::alloc::testing::RunWorkload;
  namespace testing = libk::alloc::testing;
  keel::fuzz::ByteReader input(std::span(data, size));
  const std::uint8_t design = input.Byte() % 3;
  const testing::Workload workload = libk::alloc::Decode(input);
  switch (design) {
    case 0:
      RunWorkload<BumpAllocator, testing::BumpPolicy>(workload);
      break;
    case 1:
      RunWorkload<LinkedListAllocator, testing::LinkedListPolicy>(workload);
      break;
    default:
      RunWorkload<FixedBlockAllocator, testing::FixedBlockPolicy>(workload);
      break;
  }
  return 0;
}
