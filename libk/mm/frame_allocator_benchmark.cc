// The bitmap frame allocator's cost per frame, over 1 GiB of usable memory:
//   bazel run -c opt //libk/mm:frame_allocator_benchmark
// Allocations come in runs of 4096 frames followed by freeing them (clock paused), as a
// mapper filling page tables would; the mixed benchmark frees each frame right away.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/containers/span.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/values.h"

namespace libk::mm {
namespace {

using x86_64::paging::FrameRange;
using x86_64::paging::PhysAddr;
using x86_64::paging::PhysFrame;
using x86_64::paging::Size4KiB;

BitmapFrameAllocator Make(std::vector<std::uint64_t>& bitmap) {
  const multiboot2::MemoryRegion map[] = {
      {0x10'0000, 0x4000'0000, multiboot2::MemoryType::kAvailable}};
  return BitmapFrameAllocator::Create(Span<const multiboot2::MemoryRegion>(map),
                                      Span<const PhysRange>(), PhysAddr::New(0x4010'0000),
                                      [&](FrameRange<Size4KiB> /*frames*/, std::size_t words) {
                                        bitmap.assign(words, 0);
                                        return Span<std::uint64_t>(bitmap);
                                      })
      .value();
}

void BM_AllocateFrame(benchmark::State& state) {
  std::vector<std::uint64_t> bitmap;
  BitmapFrameAllocator frames = Make(bitmap);
  std::vector<PhysFrame<Size4KiB>> taken;
  taken.reserve(4096);
  while (state.KeepRunning()) {
    taken.push_back(frames.AllocateFrame().value());
    if (taken.size() == 4096) {
      state.PauseTiming();
      for (const PhysFrame<Size4KiB> frame : taken) frames.DeallocateFrame(frame);
      taken.clear();
      state.ResumeTiming();
    }
  }
}
BENCHMARK(BM_AllocateFrame);

void BM_AllocateAndFreeFrame(benchmark::State& state) {
  std::vector<std::uint64_t> bitmap;
  BitmapFrameAllocator frames = Make(bitmap);
  // Half the frames in use, spread out, so the search has something to skip.
  std::vector<PhysFrame<Size4KiB>> held;
  held.reserve(frames.total_frames() / 2);
  for (std::uint64_t i = 0; i < frames.total_frames() / 2; ++i) {
    held.push_back(frames.AllocateFrame().value());
  }
  for (std::size_t i = 0; i < held.size(); i += 2) frames.DeallocateFrame(held[i]);
  while (state.KeepRunning()) {
    const PhysFrame<Size4KiB> frame = frames.AllocateFrame().value();
    frames.DeallocateFrame(frame);
  }
}
BENCHMARK(BM_AllocateAndFreeFrame);

}  // namespace
}  // namespace libk::mm
