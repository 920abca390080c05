#include "kernel/async/interactive.h"

#include <cstdint>

#include "libk/alloc/global_heap.h"
#include "libk/alloc/heap_stats.h"
#include "libk/async/sleep.h"
#include "libk/async/task.h"
#include "libk/fmt/format.h"
#include "libk/fmt/sink.h"
#include "libk/multiboot2/types.h"
#include "libk/panic/panic.h"
#include "libk/sync/interrupts.h"

#include "kernel/async/shell/line_editor.h"
#include "kernel/async/streams.h"
#include "kernel/console/console.h"
#include "kernel/console/print.h"
#include "kernel/input/keyboard.h"
#include "kernel/input/serial.h"
#include "kernel/interrupts/exceptions.h"
#include "kernel/interrupts/irq.h"
#include "kernel/mm/address_space.h"
#include "kernel/time/timer.h"

namespace kernel::async {
namespace {

using libk::async::Task;

// Writes to the screen and COM1.
class ConsoleSink final : public libk::Sink {
 public:
  void Write(libk::StringView text) override { console::Write(text.data(), text.size()); }
};

// Writes to COM1 only.
class SerialSink final : public libk::Sink {
 public:
  void Write(libk::StringView text) override { serial_print("{}", text); }
};

struct Uptime {
  std::uint64_t seconds;
};

Uptime UptimeNow() {
  const std::uint64_t millihertz = time::TimerMillihertz();
  return {millihertz == 0 ? 0 : time::Ticks() * 1000 / millihertz};
}

void FormatUptime(libk::Sink& out, Uptime uptime) {
  const std::uint64_t s = uptime.seconds;
  libk::Format(out, "{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
}

// What the shells share with the stats command: their streams, line editors and counts.
// Only tasks touch it, all on the executor's one CPU, so it needs no lock; the interrupt
// handlers' own counters (queue overflows, NMIs, IRQs) are atomics where they live.
struct ShellInputs {
  KeyboardStream* keys = nullptr;  // Null until RunInteractive, or without a keyboard.
  SerialStream* serial = nullptr;
  shell::LineEditor keyboard_editor;
  shell::LineEditor serial_editor;
  // Keys that type nothing a line can hold: arrows, F-keys and the like, non-ASCII.
  std::uint64_t keys_without_character = 0;
};

constinit ShellInputs inputs;

Task<void> KeyboardShell(KeyboardStream* keys, shell::ShellContext* context) {
  ConsoleSink out;
  shell::LineEditor& editor = inputs.keyboard_editor;
  out.Write(shell::kPrompt);
  while (const auto key = co_await keys->NextKey()) {
    if (key->kind() != drivers::keyboard::DecodedKey::Kind::kUnicode || key->unicode() > 0x7f) {
      ++inputs.keys_without_character;
      continue;
    }
    if (const auto line = editor.Feed(static_cast<char>(key->unicode()), out)) {
      shell::RunCommand(*line, *context, out);
      out.Write(shell::kPrompt);
    }
  }
}

Task<void> SerialShell(SerialStream* bytes, shell::ShellContext* context) {
  SerialSink out;
  shell::LineEditor& editor = inputs.serial_editor;
  out.Write(shell::kPrompt);
  while (const auto byte = co_await bytes->Next()) {
    if (const auto line = editor.Feed(static_cast<char>(*byte), out)) {
      shell::RunCommand(*line, *context, out);
      out.Write(shell::kPrompt);
    }
  }
}

// Writes one figure of the stats command: right-aligned, then what it counts.
void Figure(libk::Sink& out, std::uint64_t value, libk::StringView what) {
  libk::Format(out, "  {:>8} {}\n", value, what);
}

void EditorFigures(libk::Sink& out, const shell::LineEditor& editor, libk::StringView shell) {
  const shell::LineEditorStats& stats = editor.stats();
  libk::Format(out, "  {:>8} {} shell: control bytes ignored\n", stats.ignored, shell);
  libk::Format(out, "  {:>8} {} shell: characters dropped past the line limit\n", stats.dropped,
               shell);
  libk::Format(out, "  {:>8} {} shell: too-long lines dropped\n", stats.long_lines, shell);
}

Task<void> StatusLine() {
  for (;;) {
    libk::FixedBufferSink<81> line;
    line.Write(" keel | up ");
    FormatUptime(line, UptimeNow());
    libk::Format(line, " | {} ticks | heap {} used", time::Ticks(),
                 libk::alloc::ByteSize{libk::alloc::global_heap::Stats().bytes_in_use});
    console::WriteStatusRow(line.view().data(), line.view().size());
    co_await libk::async::Sleep(Milliseconds(500));
  }
}

}  // namespace

void KernelShellContext::Uptime(libk::Sink& out) {
  out.Write("up ");
  FormatUptime(out, UptimeNow());
  out.Put('\n');
}

void KernelShellContext::Memory(libk::Sink& out) {
  if (info_ == nullptr || !info_->HasMemoryMap()) {
    out.Write("mem: the boot loader gave no memory map\n");
    return;
  }
  std::uint64_t usable = 0;
  for (const libk::multiboot2::MemoryRegion region : info_->MemoryMap()) {
    libk::Format(out, "  {:#014x} {} {}\n", region.base,
                 libk::alloc::ByteSize{static_cast<std::size_t>(region.length)}, region.type);
    if (libk::multiboot2::IsUsable(region.type)) usable += region.length;
  }
  libk::Format(out, "mem: {} usable\n", libk::alloc::ByteSize{static_cast<std::size_t>(usable)});
  if (mm::IsInitialized()) {
    const mm::MemoryStats stats = mm::Stats();
    libk::Format(out, "mem: {} of {} frames free, {} in page tables\n", stats.free_frames,
                 stats.total_frames, stats.page_table_frames);
  }
}

void KernelShellContext::Heap(libk::Sink& out) {
  libk::Format(out, "{} heap: {}\n", libk::alloc::global_heap::Name(),
               libk::alloc::global_heap::Stats());
}

void KernelShellContext::Tasks(libk::Sink& out) {
  const libk::async::ExecutorStats stats = runtime_->executor().stats();
  libk::Format(out, "tasks: {} live, {} spawned, {} completed, {} cancelled; {} runs, {} halts\n",
               stats.live, stats.spawned, stats.completed, stats.cancelled, stats.resumes,
               KernelExecutor::halts());
}

void KernelShellContext::Ticks(libk::Sink& out) {
  const std::uint64_t millihertz = time::TimerMillihertz();
  libk::Format(out, "{} ticks at {}.{:03} Hz\n", time::Ticks(), millihertz / 1000,
               millihertz % 1000);
}

void KernelShellContext::Stats(libk::Sink& out) {
  const interrupts::IrqCounters irqs = interrupts::Counters();
  const std::uint64_t nmis = interrupts::Nmis().count;
  out.Write("stats: since boot\n");
  Figure(out, nmis, "NMIs");
  Figure(out, irqs.spurious_irq7, "spurious IRQ 7");
  Figure(out, irqs.spurious_irq15, "spurious IRQ 15");
  Figure(out, irqs.unhandled, "IRQs without a handler");
  Figure(out, irqs.dispatched, "IRQs dispatched");
  Figure(out, irqs.dispatched + irqs.spurious_irq7 + irqs.spurious_irq15 + nmis,
         "interrupts in all");
  Figure(out, input::ScancodesReceived(), "scancodes received");
  Figure(out, inputs.keys != nullptr ? inputs.keys->overflows() : 0,
         "scancodes dropped (queue full)");
  Figure(out, inputs.keys != nullptr ? inputs.keys->ignored() : 0,
         "scancodes not understood (unknown codes, error bytes)");
  Figure(out, inputs.keys_without_character, "keys that type no character");
  Figure(out, input::SerialBytesReceived(), "serial bytes received");
  Figure(out, inputs.serial != nullptr ? inputs.serial->overflows() : 0,
         "serial bytes dropped (queue full)");
  EditorFigures(out, inputs.keyboard_editor, "keyboard");
  EditorFigures(out, inputs.serial_editor, "serial");
  Figure(out, runtime_->executor().stats().wake_overflows, "wake-queue overflows");
}

void RunInteractive(KernelExecutor& runtime, shell::ShellContext& context) {
  console::ReserveStatusRow();
  libk::async::Executor& executor = runtime.executor();
  if (const auto keys = KeyboardStream::Start(); keys.is_ok()) {
    inputs.keys = keys.value();
    LIBK_ASSERT(executor.Spawn(KeyboardShell(keys.value(), &context)).is_ok(),
                "cannot spawn the keyboard shell");
  } else {
    kprintln("keyboard: not available ({})", libk::ErrorName(keys.error()));
  }
  inputs.serial = SerialStream::Start();
  LIBK_ASSERT(executor.Spawn(SerialShell(inputs.serial, &context)).is_ok(),
              "cannot spawn the serial shell");
  LIBK_ASSERT(executor.Spawn(StatusLine()).is_ok(), "cannot spawn the status line");
  // Input typed from now on reaches the shells (the i8042's set-up discards earlier keys).
  kprintln("keel: shell on the keyboard and COM1; type help");
  runtime.RunUntil([] { return false; });
  LIBK_PANIC("the interactive run loop returned");
}

}  // namespace kernel::async
