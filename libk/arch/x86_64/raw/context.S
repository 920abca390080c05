// KeelSaveContext / KeelResumeContext: see context.h.
    .text
    .global KeelSaveContext
    .type KeelSaveContext, @function
KeelSaveContext:
    mov %rbx, 0(%rdi)
    mov %rbp, 8(%rdi)
    mov %r12, 16(%rdi)
    mov %r13, 24(%rdi)
    mov %r14, 32(%rdi)
    mov %r15, 40(%rdi)
    lea 8(%rsp), %rax           // The caller's stack pointer after this call returns.
    mov %rax, 48(%rdi)
    mov (%rsp), %rax            // The return address.
    mov %rax, 56(%rdi)
    xor %eax, %eax
    ret

    .global KeelResumeContext
    .type KeelResumeContext, @function
KeelResumeContext:
    mov 0(%rdi), %rbx
    mov 8(%rdi), %rbp
    mov 16(%rdi), %r12
    mov 24(%rdi), %r13
    mov 32(%rdi), %r14
    mov 40(%rdi), %r15
    mov 48(%rdi), %rsp
    mov %rsi, %rax
    jmp *56(%rdi)
