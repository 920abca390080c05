// The layout of the register frame that keel's interrupt entry stubs
// (libk/arch/x86_64/raw/interrupt_entry.S) build before calling into C++, and which vectors
// get an error code from the CPU. Plain macros, so the assembly and C++ share one source;
// libk/arch/x86_64/interrupt_frame.h checks InterruptFrame against them.
#pragma once

// Offsets in bytes from the frame's base (the stack pointer after the last push).
// The stub builds the frame from the top down:
//   1. the CPU pushes ss, rsp, rflags, cs, rip (and an error code for some vectors);
//   2. the stub pushes a 0 error code if the CPU did not, then the vector number;
//   3. the stub stores rax, rbx, rcx, rdx, rsi, rdi, rbp, r8 ... r15 below them, so r15
//      ends up at offset 0.
#define KEEL_IFRAME_R15 0
#define KEEL_IFRAME_R14 8
#define KEEL_IFRAME_R13 16
#define KEEL_IFRAME_R12 24
#define KEEL_IFRAME_R11 32
#define KEEL_IFRAME_R10 40
#define KEEL_IFRAME_R9 48
#define KEEL_IFRAME_R8 56
#define KEEL_IFRAME_RBP 64
#define KEEL_IFRAME_RDI 72
#define KEEL_IFRAME_RSI 80
#define KEEL_IFRAME_RDX 88
#define KEEL_IFRAME_RCX 96
#define KEEL_IFRAME_RBX 104
#define KEEL_IFRAME_RAX 112
#define KEEL_IFRAME_VECTOR 120
#define KEEL_IFRAME_ERROR_CODE 128
#define KEEL_IFRAME_RIP 136
#define KEEL_IFRAME_CS 144
#define KEEL_IFRAME_RFLAGS 152
#define KEEL_IFRAME_RSP 160
#define KEEL_IFRAME_SS 168
// The whole frame. A multiple of 16: the CPU aligns the stack to 16 bytes before pushing,
// so after the stub's pushes the stack is aligned again for the `call` into C++.
#define KEEL_IFRAME_SIZE 176

// The number of IDT vectors, each with its own entry stub.
#define KEEL_IDT_VECTORS 256
// The distance in bytes between consecutive entry stubs.
#define KEEL_ENTRY_STUB_BYTES 16

// Whether the CPU pushes an error code for `vector` (8, 10-14, 17, 21, 29, 30; Intel SDM
// vol. 3A, table 6-1, plus AMD's #VC and #SX). Vectors 32..255 never get one from the CPU,
// nor does any vector reached with a software `int n`. Usable in assembler `.if`
// expressions; descriptor_checks.cc checks it against HasErrorCode for every vector.
#define KEEL_VECTOR_HAS_ERROR_CODE(vector)                                                    \
  ((vector) == 8 || ((vector) >= 10 && (vector) <= 14) || (vector) == 17 || (vector) == 21 || \
   (vector) == 29 || (vector) == 30)
