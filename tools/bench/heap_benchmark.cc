// A benchmark kernel (not a test): the cost in TSC cycles of an operator new + delete pair
// of 16, 64, 256 and 1,024 bytes on the kernel heap, in the live page tables, for the
// allocator design the image links (one image per design). Each sample times 100 pairs;
// the median of 1,001 samples is printed per size. The lock (IrqMutex) and new_delete's
// header are included, as the kernel pays them. Run: bazel run //tools/bench:heap_<design>.
#include <cstddef>
#include <cstdint>
#include <new>

#include "libk/alloc/global_heap.h"
#include "libk/arch/x86_64/cpu.h"
#include "libk/fmt/string_view.h"
#include "libk/result/optional.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/heap/sizes.h"
#include "kernel/main.h"
#include "kernel/qemu/exit.h"
#include "tests/integration/heap_boot.h"

namespace kernel {
namespace {

constexpr int kSamples = 1001;
constexpr int kPairsPerSample = 100;
constexpr std::size_t kBallastBytes = std::size_t{8} << 20;

std::uint64_t samples[kSamples];
// Keeps the compiler from dropping the allocations.
void* volatile sink = nullptr;

void SortSamples() {
  for (int i = 1; i < kSamples; ++i) {
    const std::uint64_t value = samples[i];
    int j = i;
    for (; j > 0 && samples[j - 1] > value; --j) samples[j] = samples[j - 1];
    samples[j] = value;
  }
}

void MeasurePairs(std::size_t size) {
  for (std::uint64_t& sample : samples) {
    const std::uint64_t start = libk::x86_64::ReadTimeStampCounter();
    for (int i = 0; i < kPairsPerSample; ++i) {
      void* block = ::operator new(size);
      sink = block;
      ::operator delete(block, size);
    }
    sample = (libk::x86_64::ReadTimeStampCounter() - start) / kPairsPerSample;
  }
  SortSamples();
  serial_println("bench: heap {}: new+delete of {} bytes: median {} cycles (min {}, p90 {})",
                 libk::alloc::global_heap::Name(), size, samples[kSamples / 2], samples[0],
                 samples[kSamples * 9 / 10]);
}

}  // namespace

void Main(const libk::multiboot2::Info& info) {
  console::Init();
  heap_boot::Init(info, (std::uint64_t{1} << 30) / 4096, libk::kNone);
  // Under TCG every write to a frame that holds code the emulator translated (the boot
  // loader's, in low memory, where the heap's first frames come from) takes a slow path
  // that costs several times a whole pair. A ballast block held throughout keeps the
  // measured blocks on frames above those. The bump allocator cannot run with a live block
  // (it would never reuse memory), so its figures include that slow path.
  const bool bump = libk::alloc::global_heap::Name() == libk::StringView("bump");
  if (!bump) sink = ::operator new(kBallastBytes);
  serial_println("bench: heap {}: {}", libk::alloc::global_heap::Name(),
                 bump ? "no ballast" : "8 MiB ballast held");
  for (const std::size_t size : {16, 64, 256, 1024}) MeasurePairs(size);
  qemu::Exit(qemu::ExitCode::kSuccess);
}

}  // namespace kernel
