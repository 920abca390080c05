// keel's kernel: greets, switches to its own page tables, sets up exceptions and
// interrupts (the timer and the keyboard), then idles with interrupts enabled, echoing what
// is typed to the screen and COM1.
#include "kernel/main.h"

#include "kernel/console/console.h"
#include "kernel/console/key_echo.h"
#include "kernel/console/print.h"
#include "kernel/input/keyboard.h"
#include "kernel/interrupts/interrupts.h"
#include "kernel/mm/address_space.h"
#include "kernel/mm/print.h"
#include "kernel/time/timer.h"

namespace kernel {
namespace {
constexpr std::uint32_t kTimerHz = 100;
}  // namespace

void Main(const libk::multiboot2::Info& boot_info) {
  console::Init();
  kprintln("Hello World!");
  // The boot map goes away here: from now on the boot information is seen through the
  // direct map.
  static_cast<void>(mm::Init(boot_info));
  mm::PrintMemoryLine();
  interrupts::Init();
  time::StartTimer(kTimerHz);
  if (const auto keyboard = input::Init(&console::EchoKey); keyboard.is_error()) {
    kprintln("keyboard: not available ({})", libk::ErrorName(keyboard.error()));
  } else {
    kprintln("keel: interrupts on, timer at {} Hz; type away", kTimerHz);
  }
  interrupts::IdleForever();
}

}  // namespace kernel
