// print_in_interrupts: the timer interrupt prints a line on every tick while the main loop
// prints without pause. The console lock disables interrupts while held, so a tick never
// lands inside a main-loop line (the runner forbids any text directly before a '#') and
// never deadlocks on the lock the code it interrupted holds.
#include <cstdint>

#include "libk/panic/panic.h"
#include "libk/sync/interrupts.h"

#include "kernel/console/print.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/testing/ktest.h"
#include "kernel/time/timer.h"

namespace {

namespace interrupts = kernel::interrupts;
namespace time = kernel::time;

constexpr std::uint32_t kHz = 250;
constexpr std::uint64_t kTicks = 200;

class PrintTick final : public time::TickHook {
 public:
  void OnTick(std::uint64_t tick) override {
    if (tick <= kTicks) kernel::kprintln("#tick {}", tick);
  }
};

KTEST(print_in_interrupts, lines_stay_whole) {
  PrintTick print_tick;
  LIBK_ASSERT(time::AddTickHook(print_tick).is_ok(), "no free tick hook");
  time::StartTimer(kHz);
  std::uint64_t lines = 0;
  interrupts::WaitForInterrupt();  // Enables interrupts.
  while (time::Ticks() < kTicks) {
    kernel::kprintln("=main {}=", lines++);
  }
  libk::interrupts::Disable();
  LIBK_ASSERT(time::RemoveTickHook(print_tick).is_ok(), "the tick hook was not registered");
  kernel::kprintln("print_in_interrupts: {} main lines during {} ticks", lines, kTicks);
  LIBK_ASSERT(lines > kTicks, "the main loop printed only {} lines", lines);
}

}  // namespace
