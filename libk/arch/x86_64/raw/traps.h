// Instructions that raise exceptions on purpose: for tests of the exception handlers, the
// breakpoint, and software interrupts (int n) for benchmarks.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// Raises a breakpoint exception (int3).
// Safety: the IDT must have a breakpoint handler that returns, or one that never returns
// and leaves nothing half-done that the kernel relies on; without one the CPU escalates
// to a double or triple fault.
inline void Int3() { asm volatile("int3" : : : "memory"); }

// Raises a breakpoint exception with RAX = `rax` and returns RAX as the handler left it
// in the interrupt frame (so a test can see that frame changes reach the interrupted code).
// Safety: as for Int3.
inline std::uint64_t Int3WithRax(std::uint64_t rax) {
  asm volatile("int3" : "+a"(rax) : : "memory");
  return rax;
}

// Executes ud2, which raises an invalid-opcode exception (#UD).
// Safety: the IDT must have a #UD handler; if it returns without moving the saved RIP
// past the 2-byte instruction, ud2 runs again.
inline void Ud2() { asm volatile("ud2" : : : "memory"); }

// Divides by zero with `div`, which raises a divide error (#DE).
// Safety: the IDT must have a #DE handler; if it returns without moving the saved RIP
// past the 2-byte `div %ecx`, the division runs again.
inline void DivideByZero() {
  asm volatile(
      "xorl %%ecx, %%ecx\n\t"
      "divl %%ecx"
      :
      :
      : "rax", "rcx", "rdx", "memory");
}

// Raises interrupt `kVector` with `int kVector`. The CPU pushes no error code for a
// software interrupt, whatever the vector.
// Safety: the gate of `kVector` must be present with a DPL the caller may use, and its
// handler must not expect an error code (vectors 8, 10-14, 17, 21, 29 and 30 do); a
// diverging handler (e.g. #MC) never returns here.
template <std::uint8_t kVector>
inline void SoftwareInterrupt() {
  asm volatile("int %0" : : "i"(kVector) : "memory");
}

// Sets RFLAGS.TF, so the CPU raises a debug exception (#DB) after the next instruction,
// then executes a nop.
// Safety: the IDT must have a #DB handler; one that returns must clear TF in the saved
// RFLAGS, or every following instruction traps again.
inline void SingleStepOnce() {
  asm volatile(
      "pushfq\n\t"
      "orq $0x100, (%%rsp)\n\t"
      "popfq\n\t"
      "nop"
      :
      :
      : "cc", "memory");
}

}  // namespace libk::x86_64::raw
