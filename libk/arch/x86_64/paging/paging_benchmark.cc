// The mapper's cost per operation and page size, on simulated RAM with the kernel's frame
// allocator supplying tables:
//   bazel run -c opt //libk/arch/x86_64/paging:paging_benchmark
// MapTo and Unmap run over batches of 4096 pages (so table creation and freeing are
// included at their real rate, one table per 512 pages); the other half of each batch's
// work is done with the clock paused. Translate walks the batch in a scrambled order.
#include <cstddef>
#include <cstdint>
#include <vector>

#include <benchmark/benchmark.h>

#include "libk/arch/x86_64/paging/addr.h"
#include "libk/arch/x86_64/paging/frame.h"
#include "libk/arch/x86_64/paging/mapper.h"
#include "libk/arch/x86_64/paging/page.h"
#include "libk/arch/x86_64/paging/page_size.h"
#include "libk/arch/x86_64/paging/page_table.h"
#include "libk/arch/x86_64/paging/phys_to_virt.h"
#include "libk/arch/x86_64/paging/testing/simulated_ram.h"
#include "libk/containers/span.h"
#include "libk/mm/bitmap_frame_allocator.h"
#include "libk/mm/usable_memory.h"
#include "libk/multiboot2/values.h"

namespace libk::x86_64::paging {
namespace {

constexpr std::uint64_t kBatch = 4096;
constexpr std::uint64_t kRamFrames = 64;
constexpr std::uint64_t kRamBase = 0x100'0000;

// Simulated RAM, a frame allocator over it, and a mapper with an empty root.
class Bench {
 public:
  Bench()
      : ram_(PhysFrame<Size4KiB>::Containing(PhysAddr::New(kRamBase)), kRamFrames),
        frames_(MakeFrames()),
        root_(frames_.AllocateFrame().value()),
        mapper_(root_, ram_.View()) {
    ram_.View().TableAt(root_).Zero();
  }

  template <PageSize S>
  Page<S> PageAt(std::uint64_t i) const {
    return Page<S>::Containing(VirtAddr::New(0xffff'8000'0000'0000)) + i;
  }
  template <PageSize S>
  void Map(std::uint64_t i) {
    // SAFETY: simulated page tables; no code runs on these mappings.
    mapper_
        .MapTo(PageAt<S>(i), PhysFrame<S>::Containing(PhysAddr::New(0)) + i,
               PageTableFlag::kWritable, frames_)
        .value()
        .Ignore();
  }
  template <PageSize S>
  void Unmap(std::uint64_t i) {
    // SAFETY: as above.
    mapper_.Unmap(PageAt<S>(i), frames_).value().flush.Ignore();
  }
  Mapper<SimulatedPhysicalMemory>& mapper() { return mapper_; }

 private:
  mm::BitmapFrameAllocator MakeFrames() {
    const multiboot2::MemoryRegion map[] = {
        {kRamBase, kRamFrames * 4096, multiboot2::MemoryType::kAvailable}};
    return mm::BitmapFrameAllocator::Create(
               Span<const multiboot2::MemoryRegion>(map), Span<const mm::PhysRange>(),
               PhysAddr::New(kRamBase + (kRamFrames * 4096)),
               [this](FrameRange<Size4KiB> /*frames*/, std::size_t words) {
                 bitmap_.assign(words, 0);
                 return Span<std::uint64_t>(bitmap_);
               })
        .value();
  }

  testing::SimulatedRam ram_;
  std::vector<std::uint64_t> bitmap_;
  mm::BitmapFrameAllocator frames_;
  PhysFrame<Size4KiB> root_;
  Mapper<SimulatedPhysicalMemory> mapper_;
};

template <PageSize S>
void BM_MapTo(benchmark::State& state) {
  Bench bench;
  std::uint64_t i = 0;
  while (state.KeepRunning()) {
    bench.Map<S>(i);
    if (++i == kBatch) {
      state.PauseTiming();
      for (std::uint64_t j = 0; j < kBatch; ++j) bench.Unmap<S>(j);
      i = 0;
      state.ResumeTiming();
    }
  }
}

template <PageSize S>
void BM_Unmap(benchmark::State& state) {
  Bench bench;
  std::uint64_t i = kBatch;
  while (state.KeepRunning()) {
    if (i == kBatch) {
      state.PauseTiming();
      for (std::uint64_t j = 0; j < kBatch; ++j) bench.Map<S>(j);
      i = 0;
      state.ResumeTiming();
    }
    bench.Unmap<S>(i++);
  }
}

template <PageSize S>
void BM_Translate(benchmark::State& state) {
  Bench bench;
  for (std::uint64_t j = 0; j < kBatch; ++j) bench.Map<S>(j);
  std::uint64_t i = 0;
  while (state.KeepRunning()) {
    // A scrambled walk over the batch (2654435761 is odd, so every page comes up).
    const VirtAddr address = bench.PageAt<S>((i++ * 2654435761U) % kBatch).StartAddress() + 8;
    benchmark::DoNotOptimize(bench.mapper().Translate(address));
  }
}

BENCHMARK_TEMPLATE(BM_MapTo, Size4KiB);
BENCHMARK_TEMPLATE(BM_MapTo, Size2MiB);
BENCHMARK_TEMPLATE(BM_MapTo, Size1GiB);
BENCHMARK_TEMPLATE(BM_Unmap, Size4KiB);
BENCHMARK_TEMPLATE(BM_Unmap, Size2MiB);
BENCHMARK_TEMPLATE(BM_Unmap, Size1GiB);
BENCHMARK_TEMPLATE(BM_Translate, Size4KiB);
BENCHMARK_TEMPLATE(BM_Translate, Size2MiB);
BENCHMARK_TEMPLATE(BM_Translate, Size1GiB);

}  // namespace
}  // namespace libk::x86_64::paging
