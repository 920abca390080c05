// A benchmark kernel (not a test): the cost in TSC cycles of interrupt round trips through
// keel's entry stubs and dispatcher, each the median of many samples, printed on COM1.
// Run it with `bazel run //tools/bench:interrupts`.
#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/idt_table.h"
#include "libk/arch/x86_64/raw/traps.h"
#include "libk/sync/interrupts.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/interrupts/idt.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/main.h"
#include "kernel/qemu/exit.h"
#include "kernel/time/timer.h"

namespace kernel {
namespace {

namespace raw = libk::x86_64::raw;

constexpr int kSamples = 1001;
constexpr std::uint8_t kSoftwareVector = 0x81;
constexpr std::uint32_t kTimerHz = 1000;

std::uint64_t samples[kSamples];

void DoNothing(libk::x86_64::InterruptFrame& /*frame*/) {}

// Sorts the samples (insertion sort: a thousand values, once per benchmark).
void SortSamples() {
  for (int i = 1; i < kSamples; ++i) {
    const std::uint64_t value = samples[i];
    int j = i;
    for (; j > 0 && samples[j - 1] > value; --j) samples[j] = samples[j - 1];
    samples[j] = value;
  }
}

void Report(const char* what) {
  SortSamples();
  serial_println("bench: {}: median {} cycles (min {}, p90 {}, {} samples)", what,
                 samples[kSamples / 2], samples[0], samples[kSamples * 9 / 10], kSamples);
}

// Times `body` kSamples times with the TSC.
template <typename F>
void Measure(const char* what, F body) {
  for (std::uint64_t& sample : samples) {
    const std::uint64_t start = libk::x86_64::ReadTimeStampCounter();
    body();
    sample = libk::x86_64::ReadTimeStampCounter() - start;
  }
  Report(what);
}

// Measures real timer interrupts as the gaps they leave in a loop that reads the TSC: the
// gap across a tick covers delivery, the stub, the dispatcher, the tick handler, the PIC
// end of interrupt and iretq. A tick seen in one iteration struck after the TSC read of
// the iteration before the previous one, so the sample spans those two iterations (the
// loop's own cost, a few rdtsc baselines, is included).
void MeasureTimerGaps() {
  interrupts::WaitForInterrupt();  // Enables interrupts.
  std::uint64_t last_tick = time::Ticks();
  std::uint64_t previous = libk::x86_64::ReadTimeStampCounter();
  std::uint64_t before_previous = previous;
  for (int i = 0; i < kSamples;) {
    const std::uint64_t tick = time::Ticks();
    const std::uint64_t now = libk::x86_64::ReadTimeStampCounter();
    if (tick != last_tick) {
      samples[i++] = now - before_previous;
      last_tick = tick;
    }
    before_previous = previous;
    previous = now;
  }
  libk::interrupts::Disable();
  Report("timer IRQ 0 from the PIT, seen as a gap in a rdtsc loop");
}

}  // namespace

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  interrupts::Init();
  interrupts::UpdateIdt([](libk::x86_64::IdtTable& idt) {
    idt.Set<libk::x86_64::ExceptionVector::kBreakpoint>(&DoNothing);
    idt.SetInterrupt(kSoftwareVector, &DoNothing);
  });
  serial_println("bench: interrupt round trips, TSC cycles (interrupts disabled except below)");
  Measure("rdtsc alone (baseline)", [] {});
  // SAFETY: DoNothing, installed above for the breakpoint, returns.
  Measure("int3 -> breakpoint handler (empty) -> iretq", [] { raw::Int3(); });
  Measure("int $0x81 -> handler (empty) -> iretq", [] {
    // SAFETY: vector 0x81 has DoNothing, which returns and takes no error code.
    raw::SoftwareInterrupt<kSoftwareVector>();
  });
  time::StartTimer(kTimerHz);
  Measure("int $32 -> timer IRQ handler (tick, PIC end of interrupt) -> iretq", [] {
    // SAFETY: vector 32 is IRQ 0, whose dispatcher takes no error code and returns; the
    // end of interrupt it sends with nothing in service is ignored by the PIC.
    raw::SoftwareInterrupt<32>();
  });
  MeasureTimerGaps();
  qemu::Exit(qemu::ExitCode::kSuccess);
}

}  // namespace kernel
