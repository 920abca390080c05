// The 64-bit entry in the higher half: loads the data segments and a higher-half GDT
// pointer, switches to the boot stack, drops the identity map, zeroes .bss, sets the stack
// protector's canary, runs the .init_array constructors and calls
// KeelBootMain(multiboot2 information address).
#include "boot/boot_constants.h"

    .section .text.boot64, "ax"
    .code64
    .global start64
    .type start64, @function
start64:
    mov $KEEL_BOOT_DATA_SELECTOR, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    xor %eax, %eax
    mov %ax, %fs
    mov %ax, %gs
    movabs $(boot_gdt_pointer64 + KEEL_KERNEL_VMA), %rax
    lgdt (%rax)
    mov $__boot_stack_top, %rsp

    // The 32-bit code is done; from here on low addresses (null included) fault.
    movq $0, boot_pml4(%rip)
    mov %cr3, %rax
    mov %rax, %cr3

    mov %ebp, %r12d             // Physical address of the multiboot2 information.

    lea __bss_start(%rip), %rdi
    lea __bss_end(%rip), %rcx
    sub %rdi, %rcx
    xor %eax, %eax
    rep stosb

    // The canary (kernel/stack_protector) must be set before any C++ frame that checks it
    // is live: here only this assembly, which has no canary, is on the stack.
    call KeelInitStackGuard

    lea __init_array_start(%rip), %rbx
1:  lea __init_array_end(%rip), %rax
    cmp %rax, %rbx
    jae 2f
    call *(%rbx)
    add $8, %rbx
    jmp 1b

2:  mov %r12, %rdi
    xor %ebp, %ebp              // Ends the frame-pointer chain for backtraces.
    call KeelBootMain
3:  cli
    hlt
    jmp 3b
