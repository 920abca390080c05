#include "kernel/debug/backtrace.h"

#include "libk/arch/x86_64/interrupt_frame_layout.h"
#include "libk/fmt/format.h"

namespace kernel::debug {
namespace {

// A frame record is the saved frame pointer and the return address above it.
constexpr std::uint64_t kFrameRecordBytes = 16;
// The dispatcher's frame record sits right below the interrupt frame: the stub calls the
// dispatcher with the stack pointer at the frame's base, and the dispatcher pushes rbp.
constexpr std::uint64_t kInterruptFrameAboveRecord = 16;
constexpr std::uint64_t kPageFaultVector = 14;

constexpr bool IsCanonical(std::uint64_t address) {
  const std::uint64_t upper = address >> 47;
  return upper == 0 || upper == 0x1ffff;
}

// Writes frame `index`: `address`, and the function that contains `lookup`.
void WriteFrame(libk::Sink& sink, const BacktraceMachine& machine, std::size_t index,
                std::uint64_t address, std::uint64_t lookup) {
  const libk::Optional<SymbolMatch> symbol = machine.Symbolize(lookup);
  if (symbol.has_value()) {
    libk::Format(sink, "  #{} {:#018x} {}+{:#x}\n", index, address, symbol->name,
                 address - symbol->start);
  } else {
    libk::Format(sink, "  #{} {:#018x} (no symbol)\n", index, address);
  }
}

// Writes the interrupted context saved in the interrupt frame at `frame`.
void WriteInterruptFrame(libk::Sink& sink, const BacktraceMachine& machine, std::uint64_t frame,
                         bool& page_fault_reported) {
  const auto at = [&](std::uint64_t offset) { return machine.ReadWord(frame + offset); };
  const std::uint64_t vector = at(KEEL_IFRAME_VECTOR);
  libk::Format(sink, "  -- interrupted: vector {}, error code {:#x} --\n", vector,
               at(KEEL_IFRAME_ERROR_CODE));
  libk::Format(sink, "  rip {:#018x}  rsp {:#018x}  rflags {:#x}\n", at(KEEL_IFRAME_RIP),
               at(KEEL_IFRAME_RSP), at(KEEL_IFRAME_RFLAGS));
  // CR2 belongs to the latest page fault, which is the innermost one.
  if (vector == kPageFaultVector && !page_fault_reported) {
    libk::Format(sink, "  cr2 {:#018x}\n", machine.PageFaultAddress());
    page_fault_reported = true;
  }
  libk::Format(sink, "  rax {:#018x}  rbx {:#018x}  rcx {:#018x}\n", at(KEEL_IFRAME_RAX),
               at(KEEL_IFRAME_RBX), at(KEEL_IFRAME_RCX));
  libk::Format(sink, "  rdx {:#018x}  rsi {:#018x}  rdi {:#018x}\n", at(KEEL_IFRAME_RDX),
               at(KEEL_IFRAME_RSI), at(KEEL_IFRAME_RDI));
  libk::Format(sink, "  rbp {:#018x}  r8  {:#018x}  r9  {:#018x}\n", at(KEEL_IFRAME_RBP),
               at(KEEL_IFRAME_R8), at(KEEL_IFRAME_R9));
  libk::Format(sink, "  r10 {:#018x}  r11 {:#018x}  r12 {:#018x}\n", at(KEEL_IFRAME_R10),
               at(KEEL_IFRAME_R11), at(KEEL_IFRAME_R12));
  libk::Format(sink, "  r13 {:#018x}  r14 {:#018x}  r15 {:#018x}\n", at(KEEL_IFRAME_R13),
               at(KEEL_IFRAME_R14), at(KEEL_IFRAME_R15));
  libk::Format(sink, "  cs {:#x}  ss {:#x}\n", at(KEEL_IFRAME_CS) & 0xffff,
               at(KEEL_IFRAME_SS) & 0xffff);
}

}  // namespace

void WriteBacktrace(libk::Sink& sink, const BacktraceMachine& machine,
                    std::uint64_t frame_pointer) {
  sink.Write("backtrace:\n");
  libk::Optional<StackBounds> stack = machine.StackContaining(frame_pointer);
  if (!stack.has_value()) {
    libk::Format(sink, "  (frame pointer {:#x} is not on a kernel stack)\n", frame_pointer);
    return;
  }
  // Frames lie at rising addresses: each record must be above the previous one.
  std::uint64_t floor = 0;
  bool page_fault_reported = false;
  std::size_t index = 0;
  while (true) {
    if (index == kMaxBacktraceFrames) {
      libk::Format(sink, "  (stopped after {} frames)\n", kMaxBacktraceFrames);
      return;
    }
    if (frame_pointer == 0) {
      sink.Write("  (end of the frame chain)\n");
      return;
    }
    if (!IsCanonical(frame_pointer)) {
      libk::Format(sink, "  (frame pointer {:#x} is not canonical)\n", frame_pointer);
      return;
    }
    if (frame_pointer % 8 != 0 || !stack->Contains(frame_pointer, kFrameRecordBytes)) {
      libk::Format(sink, "  (frame pointer {:#x} is outside the stack [{:#x}, {:#x}))\n",
                   frame_pointer, stack->low, stack->high);
      return;
    }
    if (frame_pointer < floor) {
      libk::Format(sink, "  (frame pointer {:#x} does not move up the stack)\n", frame_pointer);
      return;
    }
    const std::uint64_t next = machine.ReadWord(frame_pointer);
    const std::uint64_t return_address = machine.ReadWord(frame_pointer + 8);
    if (return_address == 0) {
      sink.Write("  (end of the frame chain)\n");
      return;
    }
    if (return_address != machine.InterruptReturnAddress()) {
      // A return address follows its call: the call itself, one byte back, is in the
      // caller even when the call was the caller's last instruction.
      WriteFrame(sink, machine, index++, return_address, return_address - 1);
      floor = frame_pointer + kFrameRecordBytes;
      frame_pointer = next;
      continue;
    }
    const std::uint64_t frame = frame_pointer + kInterruptFrameAboveRecord;
    if (!stack->Contains(frame, KEEL_IFRAME_SIZE)) {
      libk::Format(sink, "  (interrupt frame at {:#x} is outside the stack)\n", frame);
      return;
    }
    WriteInterruptFrame(sink, machine, frame, page_fault_reported);
    // The interrupted instruction itself (a fault's rip is the faulting instruction).
    const std::uint64_t rip = machine.ReadWord(frame + KEEL_IFRAME_RIP);
    WriteFrame(sink, machine, index++, rip, rip);
    const std::uint64_t interrupted_sp = machine.ReadWord(frame + KEEL_IFRAME_RSP);
    const libk::Optional<StackBounds> interrupted = machine.StackContaining(interrupted_sp);
    if (!interrupted.has_value()) {
      libk::Format(sink, "  (interrupted stack pointer {:#x} is not on a kernel stack)\n",
                   interrupted_sp);
      return;
    }
    // On the same stack, the interrupted frames lie above the interrupt frame.
    floor = interrupted->low == stack->low ? frame + KEEL_IFRAME_SIZE : 0;
    stack = interrupted;
    frame_pointer = machine.ReadWord(frame + KEEL_IFRAME_RBP);
  }
}

}  // namespace kernel::debug
