// Frame-pointer backtraces. The walk, its stopping rules and the crossing from an
// interrupt handler into the code it interrupted are pure: they see the machine only
// through BacktraceMachine, so host tests run them over simulated stacks, and the kernel
// supplies real stacks, memory and symbols (kernel/panic/backtrace.cc).
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/fmt/sink.h"
#include "libk/result/optional.h"

#include "kernel/debug/symbol_table.h"

namespace kernel::debug {

// A stack's usable bytes: [low, high).
struct StackBounds {
  std::uint64_t low;
  std::uint64_t high;

  // Returns whether [address, address + bytes) lies inside the stack.
  constexpr bool Contains(std::uint64_t address, std::uint64_t bytes) const {
    return address >= low && address <= high && bytes <= high - address;
  }
};

// What a backtrace needs from the machine.
class BacktraceMachine {
 public:
  // Returns the stack that contains `address` (or whose guard page does), if any.
  virtual libk::Optional<StackBounds> StackContaining(std::uint64_t address) const = 0;

  // Returns the 8 bytes at `address`. Called only for words inside bounds that
  // StackContaining returned.
  virtual std::uint64_t ReadWord(std::uint64_t address) const = 0;

  // Returns the return address of the entry stubs' call into the interrupt dispatcher: the
  // frame that returns there sits right below an interrupt frame
  // (libk/arch/x86_64/interrupt_frame_layout.h).
  virtual std::uint64_t InterruptReturnAddress() const = 0;

  // Returns the function that contains `address`.
  virtual libk::Optional<SymbolMatch> Symbolize(std::uint64_t address) const = 0;

  // Returns CR2, the address of the last page fault.
  virtual std::uint64_t PageFaultAddress() const = 0;

 protected:
  BacktraceMachine() = default;
  BacktraceMachine(const BacktraceMachine&) = default;
  BacktraceMachine& operator=(const BacktraceMachine&) = default;
  BacktraceMachine(BacktraceMachine&&) = default;
  BacktraceMachine& operator=(BacktraceMachine&&) = default;
  ~BacktraceMachine() = default;
};

// The most frames (interrupt frames included) a backtrace prints.
inline constexpr std::size_t kMaxBacktraceFrames = 32;

// Writes, one line each, the return addresses of the frame chain that starts at the frame
// pointer `frame_pointer` with their functions ("  #1 0xffffffff80101234 Name+0x24"). A
// frame that returns into the interrupt entry stubs is followed by the interrupted
// context: its vector, error code and registers (CR2 too for the innermost page fault),
// then its rip as a frame, and the walk goes on from its rbp on its own stack. The walk
// ends, with a line saying why, at a null frame pointer or return address; at a frame
// pointer that is misaligned, non-canonical, off every known stack or outside the stack
// the walk is on; at one that does not move towards the stack's base; or after
// kMaxBacktraceFrames frames. Memory is read only inside the stack being walked.
void WriteBacktrace(libk::Sink& sink, const BacktraceMachine& machine, std::uint64_t frame_pointer);

}  // namespace kernel::debug
