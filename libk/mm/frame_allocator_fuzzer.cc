// Fuzzes UsableMemory and BitmapFrameAllocator against the per-frame model in
// testing/frame_model.h (the one the property tests use): the input decodes into a memory
// map as messy as firmware's (unsorted, overlapping, zero-length, unaligned, above 4 GiB
// and past 2^52, any type), in-use ranges and a limit for the bitmap, then allocate, free
// and release steps. The bitmap must land where the model says (or creation must fail
// exactly when there is no room); no frame may be handed out twice or be outside usable
// memory, in use or the bitmap's; at the end every usable frame but the bitmap's must
// have been handed out.
//
// Input script (tools/fuzz/byte_reader.h):
//   regions (1 byte, mod 25), each: anchor (1 byte, mod 7, frame_model.h's kAnchors),
//     offset (3 bytes, mod 4 MiB), length kind (1 byte, mod 8: 0 empty; 1 whole pages,
//     2 bytes mod 512; else 1 + 3 bytes mod 4 MiB), type (1 byte: below 192 available,
//     else the byte mod 8, unknown types included)
//   in-use ranges (1 byte, mod 7), each: anchor (1 byte, mod 6), offset (3 bytes, mod
//     4 MiB), size (3 bytes, mod 1 MiB)
//   bitmap limit (1 byte, mod 4: 1 MiB, 16 MiB, 1 GiB, just under 2^52)
//   steps, an op byte each (mod 8): 0-4 allocate; 5-6 free the held frame (next byte,
//     modulo their number); 7 release the in-use frames (once)
#include <cstddef>
#include <cstdint>
#include <span>

#include "libk/mm/testing/frame_model.h"
#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/types.h"
#include "libk/multiboot2/values.h"

#include "tools/fuzz/byte_reader.h"

namespace libk::mm {
namespace {

// At most this many steps per input, so one input stays fast.
constexpr std::size_t kMaxSteps = 2048;
constexpr std::uint64_t kLimits[] = {0x10'0000, 0x100'0000, 0x4000'0000,
                                     (std::uint64_t{1} << 52) - 0x1000};

std::uint64_t U24(keel::fuzz::ByteReader& input) {
  const std::uint64_t low = input.Byte();
  const std::uint64_t middle = input.Byte();
  return low | (middle << 8) | (std::uint64_t{input.Byte()} << 16);
}

testing::MapSetup DecodeSetup(keel::fuzz::ByteReader& input) {
  testing::MapSetup setup;
  const std::size_t regions = input.Below(25);  // UsableMemory holds the runs of 24 always.
  for (std::size_t i = 0; i < regions; ++i) {
    multiboot2::MemoryRegion region;
    region.base = testing::kAnchors[input.Below(7)] + (U24(input) % 0x40'0000);
    const std::uint8_t length_kind = input.Byte() % 8;
    if (length_kind == 0) {
      region.length = 0;
    } else if (length_kind == 1) {
      const std::uint64_t low = input.Byte();
      region.length = ((low | (std::uint64_t{input.Byte()} << 8)) % 0x200) * 0x1000;
    } else {
      region.length = 1 + (U24(input) % 0x40'0000);
    }
    const std::uint8_t type = input.Byte();
    region.type = type < 192 ? multiboot2::MemoryType::kAvailable
                             : static_cast<multiboot2::MemoryType>(type % 8);
    setup.regions.push_back(region);
  }
  const std::size_t in_use = input.Below(7);
  for (std::size_t i = 0; i < in_use; ++i) {
    const std::uint64_t start = testing::kAnchors[input.Below(6)] + (U24(input) % 0x40'0000);
    setup.in_use.push_back(PhysRange{x86_64::paging::PhysAddr::New(start), U24(input) % 0x10'0000});
  }
  setup.limit = kLimits[input.Below(4)];
  return setup;
}

void Run(keel::fuzz::ByteReader& input) {
  testing::FrameAllocatorHarness harness(DecodeSetup(input));
  if (!harness.created()) return;
  for (std::size_t step = 0; step < kMaxSteps && !input.empty(); ++step) {
    const std::uint8_t op = input.Byte() % 8;
    if (op < 5) {
      harness.Allocate();
    } else if (op < 7) {
      harness.Free(input.Byte());
    } else {
      harness.ReleaseInUse();
    }
  }
  // Every available frame is eventually handed out, once the in-use ones are released.
  harness.ReleaseInUse();
  harness.TakeAll();
  harness.CheckAllHandedOut();
}

}  // namespace
}  // namespace libk::mm

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  keel::fuzz::ByteReader input(std::span(data, size));
  libk::mm::Run(input);
  return 0;
}
