// The interrupt entry stubs: one per IDT vector, all funnelling into one common path that
// saves the interrupted registers as an InterruptFrame (layout in
// libk/arch/x86_64/interrupt_frame_layout.h), calls the kernel's
//
//     extern "C" void KeelInterruptDispatch(libk::x86_64::InterruptFrame* frame);
//
// restores the registers from the frame (a handler may have changed them) and returns to
// the interrupted code with iretq. KeelInterruptEntryPoints (read-only data) holds the
// stubs' addresses, so C++ builds IDT gates from integers without casting pointers.
#include "libk/arch/x86_64/interrupt_frame_layout.h"

    .text
    .balign KEEL_ENTRY_STUB_BYTES
    .global KeelInterruptStubs
    .type KeelInterruptStubs, @function
KeelInterruptStubs:
    // Stub v starts exactly at KeelInterruptStubs + v * KEEL_ENTRY_STUB_BYTES: the .org
    // pads up to it and fails to assemble if the previous stub outgrew its slot.
    .set vector, 0
    .rept KEEL_IDT_VECTORS
    .org KeelInterruptStubs + vector * KEEL_ENTRY_STUB_BYTES, 0xcc
    .if !KEEL_VECTOR_HAS_ERROR_CODE(vector)
    pushq $0                        // The error code the CPU did not push.
    .endif
    pushq $vector
    jmp KeelInterruptCommon
    .set vector, vector + 1
    .endr
    .size KeelInterruptStubs, . - KeelInterruptStubs

    // On entry: the vector at 0(%rsp), the error code above it, then the CPU's frame.
    // The CPU aligned the stack to 16 bytes before its pushes, so after the registers are
    // stored (KEEL_IFRAME_SIZE, a multiple of 16, in all) %rsp is 16-byte aligned for
    // the call, as the System V ABI requires.
    .type KeelInterruptCommon, @function
KeelInterruptCommon:
    sub $KEEL_IFRAME_VECTOR, %rsp
    mov %rax, KEEL_IFRAME_RAX(%rsp)
    mov %rbx, KEEL_IFRAME_RBX(%rsp)
    mov %rcx, KEEL_IFRAME_RCX(%rsp)
    mov %rdx, KEEL_IFRAME_RDX(%rsp)
    mov %rsi, KEEL_IFRAME_RSI(%rsp)
    mov %rdi, KEEL_IFRAME_RDI(%rsp)
    mov %rbp, KEEL_IFRAME_RBP(%rsp)
    mov %r8, KEEL_IFRAME_R8(%rsp)
    mov %r9, KEEL_IFRAME_R9(%rsp)
    mov %r10, KEEL_IFRAME_R10(%rsp)
    mov %r11, KEEL_IFRAME_R11(%rsp)
    mov %r12, KEEL_IFRAME_R12(%rsp)
    mov %r13, KEEL_IFRAME_R13(%rsp)
    mov %r14, KEEL_IFRAME_R14(%rsp)
    mov %r15, KEEL_IFRAME_R15(%rsp)
    cld                             // The ABI expects the direction flag clear.
    mov %rsp, %rdi
    call KeelInterruptDispatch
.Lafter_dispatch:                   // KeelInterruptDispatchReturn: backtraces look for it.
    mov KEEL_IFRAME_RAX(%rsp), %rax
    mov KEEL_IFRAME_RBX(%rsp), %rbx
    mov KEEL_IFRAME_RCX(%rsp), %rcx
    mov KEEL_IFRAME_RDX(%rsp), %rdx
    mov KEEL_IFRAME_RSI(%rsp), %rsi
    mov KEEL_IFRAME_RDI(%rsp), %rdi
    mov KEEL_IFRAME_RBP(%rsp), %rbp
    mov KEEL_IFRAME_R8(%rsp), %r8
    mov KEEL_IFRAME_R9(%rsp), %r9
    mov KEEL_IFRAME_R10(%rsp), %r10
    mov KEEL_IFRAME_R11(%rsp), %r11
    mov KEEL_IFRAME_R12(%rsp), %r12
    mov KEEL_IFRAME_R13(%rsp), %r13
    mov KEEL_IFRAME_R14(%rsp), %r14
    mov KEEL_IFRAME_R15(%rsp), %r15
    add $KEEL_IFRAME_RIP, %rsp      // Drops the registers, the vector and the error code.
    iretq
    .size KeelInterruptCommon, . - KeelInterruptCommon

    .section .rodata
    .balign 8
    .global KeelInterruptEntryPoints
    .type KeelInterruptEntryPoints, @object
KeelInterruptEntryPoints:
    .set vector, 0
    .rept KEEL_IDT_VECTORS
    .quad KeelInterruptStubs + vector * KEEL_ENTRY_STUB_BYTES
    .set vector, vector + 1
    .endr
    .size KeelInterruptEntryPoints, . - KeelInterruptEntryPoints

    // The return address of the call above: a frame-pointer walk that meets it knows the
    // interrupt frame lies just above the dispatcher's frame record.
    .balign 8
    .global KeelInterruptDispatchReturn
    .type KeelInterruptDispatchReturn, @object
KeelInterruptDispatchReturn:
    .quad .Lafter_dispatch
    .size KeelInterruptDispatchReturn, . - KeelInterruptDispatchReturn
