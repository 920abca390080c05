// The register state an interrupt entry stub saves before it calls into C++: the layout is
// shared by the assembly (through the KEEL_IFRAME_* offsets of
// libk/arch/x86_64/interrupt_frame_layout.h) and by C++ (InterruptFrame), and
// static_asserts keep the two in agreement.
#pragma once

#include <cstddef>
#include <cstdint>

#include "libk/arch/x86_64/interrupt_frame_layout.h"
#include "libk/arch/x86_64/segment_selector.h"

namespace libk::x86_64 {

// The saved state of an interrupted context, lowest address first. Handlers may modify it:
// the stub restores the registers from it and `iretq`s to rip/cs/rflags/rsp/ss.
struct InterruptFrame {
  // General-purpose registers, as the stub pushed them.
  std::uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
  std::uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
  // The vector number (0..255), pushed by the stub.
  std::uint64_t vector;
  // The CPU's error code, or 0 for vectors without one.
  std::uint64_t error_code;
  // Pushed by the CPU. In the cs and ss slots only the low 16 bits are defined.
  std::uint64_t rip, cs, rflags, rsp, ss;

  // Returns the interrupted code segment.
  constexpr SegmentSelector code_segment() const {
    return SegmentSelector::FromRaw(static_cast<std::uint16_t>(cs));
  }
  // Returns the interrupted stack segment.
  constexpr SegmentSelector stack_segment() const {
    return SegmentSelector::FromRaw(static_cast<std::uint16_t>(ss));
  }
  // Returns whether the interrupted code ran in ring 3.
  constexpr bool from_user() const { return code_segment().rpl() == PrivilegeLevel::kRing3; }
};

static_assert(sizeof(InterruptFrame) == KEEL_IFRAME_SIZE);
static_assert(sizeof(InterruptFrame) % 16 == 0);
static_assert(offsetof(InterruptFrame, r15) == KEEL_IFRAME_R15);
static_assert(offsetof(InterruptFrame, r14) == KEEL_IFRAME_R14);
static_assert(offsetof(InterruptFrame, r13) == KEEL_IFRAME_R13);
static_assert(offsetof(InterruptFrame, r12) == KEEL_IFRAME_R12);
static_assert(offsetof(InterruptFrame, r11) == KEEL_IFRAME_R11);
static_assert(offsetof(InterruptFrame, r10) == KEEL_IFRAME_R10);
static_assert(offsetof(InterruptFrame, r9) == KEEL_IFRAME_R9);
static_assert(offsetof(InterruptFrame, r8) == KEEL_IFRAME_R8);
static_assert(offsetof(InterruptFrame, rbp) == KEEL_IFRAME_RBP);
static_assert(offsetof(InterruptFrame, rdi) == KEEL_IFRAME_RDI);
static_assert(offsetof(InterruptFrame, rsi) == KEEL_IFRAME_RSI);
static_assert(offsetof(InterruptFrame, rdx) == KEEL_IFRAME_RDX);
static_assert(offsetof(InterruptFrame, rcx) == KEEL_IFRAME_RCX);
static_assert(offsetof(InterruptFrame, rbx) == KEEL_IFRAME_RBX);
static_assert(offsetof(InterruptFrame, rax) == KEEL_IFRAME_RAX);
static_assert(offsetof(InterruptFrame, vector) == KEEL_IFRAME_VECTOR);
static_assert(offsetof(InterruptFrame, error_code) == KEEL_IFRAME_ERROR_CODE);
static_assert(offsetof(InterruptFrame, rip) == KEEL_IFRAME_RIP);
static_assert(offsetof(InterruptFrame, cs) == KEEL_IFRAME_CS);
static_assert(offsetof(InterruptFrame, rflags) == KEEL_IFRAME_RFLAGS);
static_assert(offsetof(InterruptFrame, rsp) == KEEL_IFRAME_RSP);
static_assert(offsetof(InterruptFrame, ss) == KEEL_IFRAME_SS);

}  // namespace libk::x86_64
