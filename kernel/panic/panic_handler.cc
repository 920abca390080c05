// The kernel's panic handler: reports the message and its source location on serial and
// screen, on a line of their own, then the backtrace (with the interrupted registers when
// an exception handler panicked), gives the test hook a chance to recover, then halts or
// exits QEMU.
#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/raw/address.h"
#include "libk/arch/x86_64/raw/io.h"
#include "libk/fmt/sink.h"

#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/panic/backtrace.h"
#include "kernel/panic/panic.h"
#include "kernel/qemu/exit.h"

namespace kernel::panic {
namespace {

Hook hook = nullptr;
bool exit_on_panic = false;
bool panicking = false;

// Writes to the console (serial and screen).
class ConsoleSink final : public libk::Sink {
 public:
  void Write(libk::StringView text) override { console::Write(text.data(), text.size()); }
};

}  // namespace

void SetHook(Hook new_hook) { hook = new_hook; }

void SetExitOnPanic(bool exit) { exit_on_panic = exit; }

}  // namespace kernel::panic

namespace libk::internal {

void HandlePanic(const PanicInfo& info) {
  using kernel::console::Write;
  namespace panic = kernel::panic;
  if (panic::panicking) {
    // A panic while reporting a panic: say so once and stop, without recursing.
    Write("\nPANIC while panicking\n");
    kernel::qemu::Exit(kernel::qemu::ExitCode::kFailure);
  }
  panic::panicking = true;
  // SAFETY: interrupts off for good (until a test hook resumes a test with them off too).
  libk::x86_64::raw::Cli();
  kernel::console::BreakLockForPanic();
  kernel::console::StartLine();
  kernel::console::SetColors(kernel::drivers::vga_text::Color::kWhite,
                             kernel::drivers::vga_text::Color::kRed);
  const libk::SourceLocation& where = info.location;
  if (where.column != 0) {
    kernel::kprintln("PANIC at {}:{}:{} in {}: {}", where.file, where.line, where.column,
                     where.function, info.message);
  } else {
    kernel::kprintln("PANIC at {}:{} in {}: {}", where.file, where.line, where.function,
                     info.message);
  }
  kernel::console::SetColors(kernel::drivers::vga_text::Color::kLightGray,
                             kernel::drivers::vga_text::Color::kBlack);
  // The walk starts at this function's frame record: its first frame is our caller.
  panic::ConsoleSink sink;
  panic::WriteBacktrace(sink, libk::x86_64::raw::AddressOf(__builtin_frame_address(0)));
  if (panic::hook != nullptr) {
    panic::panicking = false;  // The hook may resume normal execution.
    panic::hook(info);
    panic::panicking = true;
  }
  if (panic::exit_on_panic) {
    kernel::qemu::Exit(kernel::qemu::ExitCode::kFailure);
  }
  libk::x86_64::HaltForever();
}

}  // namespace libk::internal
