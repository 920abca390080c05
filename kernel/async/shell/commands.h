// The shell's commands and their dispatcher, pure so the host tests them. What the
// commands report comes from a ShellContext that the kernel passes in, so memory, heap
// and task figures plug in from their subsystems without the shell knowing them.
#pragma once

#include "libk/fmt/sink.h"
#include "libk/fmt/string_view.h"

namespace kernel::async::shell {

// Where the commands' figures come from. Each method writes its report (whole lines).
class ShellContext {
 public:
  ShellContext(const ShellContext&) = delete;
  ShellContext& operator=(const ShellContext&) = delete;

  // Writes how long the kernel has run.
  virtual void Uptime(libk::Sink& out) = 0;
  // Writes what physical memory there is (for now, the boot loader's memory map).
  virtual void Memory(libk::Sink& out) = 0;
  // Writes the heap's statistics.
  virtual void Heap(libk::Sink& out) = 0;
  // Writes the executor's task counters.
  virtual void Tasks(libk::Sink& out) = 0;
  // Writes the timer's tick count and rate.
  virtual void Ticks(libk::Sink& out) = 0;
  // Writes what the kernel counted and let go since boot: NMIs, spurious and unhandled
  // IRQs, input dropped at full queues or ignored by the decoder and the line editors.
  virtual void Stats(libk::Sink& out) = 0;

 protected:
  ShellContext() = default;
  ~ShellContext() = default;
};

// The prompt printed before each line.
inline constexpr libk::StringView kPrompt = "keel> ";

// Runs the command `line` (spaces around it ignored; an empty line does nothing), writing
// its output to `out`: `help` lists the commands; `uptime`, `mem`, `heap`, `tasks`,
// `ticks` and `stats` ask `context`; a command with arguments, or an unknown one, gets a
// one-line error.
void RunCommand(libk::StringView line, ShellContext& context, libk::Sink& out);

}  // namespace kernel::async::shell
