// The 32-bit entry point. GRUB jumps here in protected mode with paging off, %eax holding
// the multiboot2 magic and %ebx the physical address of the boot information.
//
// It checks that it was started by a multiboot2 loader on a CPU with long mode and NX,
// builds the boot page tables (see boot_constants.h), enables PAE, EFER.LME, EFER.NXE,
// write protection and paging, loads a 64-bit GDT and far-jumps to 64-bit code. A failed
// check prints a message on the VGA screen (and COM1) and halts.
#include "boot/boot_constants.h"

    .section .boot.text, "ax"
    .code32
    .global _start32
    .type _start32, @function
_start32:
    cli
    cld
    mov $__boot_stack_top_phys, %esp

    cmp $KEEL_MULTIBOOT2_BOOTLOADER_MAGIC, %eax
    jne .Lno_multiboot2
    // The boot information must be reachable through the boot map (physical < 1 GiB).
    cmp $(KEEL_BOOT_MAP_BYTES - 0x10000), %ebx
    jae .Lmbi_too_high
    mov %ebx, %ebp              // Kept in %ebp until 64-bit code passes it on.

    // CPUID itself: the ID flag (bit 21) of EFLAGS must be writable.
    pushfl
    pop %eax
    mov %eax, %ecx
    xor $(1 << 21), %eax
    push %eax
    popfl
    pushfl
    pop %eax
    push %ecx
    popfl
    cmp %eax, %ecx
    je .Lno_cpuid

    // Extended leaves, then long mode (bit 29) and NX (bit 20) in 0x80000001 EDX.
    mov $0x80000000, %eax
    cpuid
    cmp $0x80000001, %eax
    jb .Lno_long_mode
    mov $0x80000001, %eax
    cpuid
    test $(1 << 29), %edx
    jz .Lno_long_mode
    test $(1 << 20), %edx
    jz .Lno_nx

    call build_boot_page_tables

    // PAE on, then the top-level table, then EFER.LME | EFER.NXE.
    mov %cr4, %eax
    or $(1 << 5), %eax
    mov %eax, %cr4
    mov $boot_pml4_phys, %eax
    mov %eax, %cr3
    mov $0xC0000080, %ecx
    rdmsr
    or $((1 << 8) | (1 << 11)), %eax
    wrmsr
    // Paging (bit 31) and supervisor write protection (bit 16) on; protected mode stays on.
    mov %cr0, %eax
    or $((1 << 31) | (1 << 16) | 1), %eax
    mov %eax, %cr0

    lgdt boot_gdt_pointer32
    ljmp $KEEL_BOOT_CODE_SELECTOR, $start64_low

// Fills the boot tables. Each 4 KiB page of the first KEEL_BOOT_SMALL_PAGES_BYTES gets
// the permissions of the section it holds: boot code and kernel text read+execute,
// rodata read-only, everything else read+write+no-execute; the stack guard pages are
// left unmapped. The rest of the first GiB is mapped read+write+no-execute with 2 MiB pages.
// The same page directory serves the identity map (needed only until the jump to the
// higher half) and the higher-half map.
build_boot_page_tables:
    // Zero every boot table.
    mov $boot_page_tables_start_phys, %edi
    mov $boot_page_tables_end_phys, %ecx
    sub %edi, %ecx
    shr $2, %ecx
    xor %eax, %eax
    rep stosl

    // PML4[0] and PML4[511] -> the two PDPTs; PDPT_low[0] and PDPT_high[510] -> the PD.
    movl $(boot_pdpt_low_phys + KEEL_PTE_PRESENT + KEEL_PTE_WRITABLE), boot_pml4_phys
    movl $(boot_pdpt_high_phys + KEEL_PTE_PRESENT + KEEL_PTE_WRITABLE), boot_pml4_phys + 511 * 8
    movl $(boot_pd_phys + KEEL_PTE_PRESENT + KEEL_PTE_WRITABLE), boot_pdpt_low_phys
    movl $(boot_pd_phys + KEEL_PTE_PRESENT + KEEL_PTE_WRITABLE), boot_pdpt_high_phys + 510 * 8

    // PD[0 .. small) -> the page tables; PD[small ..] -> 2 MiB pages, RW + NX.
    xor %ecx, %ecx
1:  mov %ecx, %eax
    shl $12, %eax
    add $(boot_pt_phys + KEEL_PTE_PRESENT + KEEL_PTE_WRITABLE), %eax
    mov %eax, boot_pd_phys(,%ecx,8)
    inc %ecx
    cmp $(KEEL_BOOT_SMALL_PAGES_BYTES >> 21), %ecx
    jb 1b
2:  mov %ecx, %eax
    shl $21, %eax
    or $(KEEL_PTE_PRESENT + KEEL_PTE_WRITABLE + KEEL_PTE_HUGE), %eax
    mov %eax, boot_pd_phys(,%ecx,8)
    movl $KEEL_PTE_NX_HIGH, boot_pd_phys + 4(,%ecx,8)
    inc %ecx
    cmp $512, %ecx
    jb 2b

    // The 4 KiB pages: %ecx = page index, %eax = physical address.
    xor %ecx, %ecx
3:  mov %ecx, %eax
    shl $12, %eax
    // The first page of each stack slot is a guard page and stays not-present.
    cmp $__stacks_start_phys, %eax
    jb 10f
    cmp $__stacks_end_phys, %eax
    jae 10f
    push %eax
    push %ebx
    sub $__stacks_start_phys, %eax
    shr $12, %eax
    xor %edx, %edx
    mov $KEEL_STACK_SLOT_PAGES, %ebx
    div %ebx                     // %edx = page index within its slot.
    pop %ebx
    pop %eax
    test %edx, %edx
    jz 6f
10:
    mov %eax, %edx
    or $KEEL_PTE_PRESENT, %edx
    cmp $__kernel_start_phys, %eax
    jb 5f                        // Below the kernel: data (RW, NX).
    cmp $__text_end_phys, %eax
    jb 4f                        // Boot code and kernel text: read + execute.
    cmp $__rodata_end_phys, %eax
    jae 5f
    movl $KEEL_PTE_NX_HIGH, boot_pt_phys + 4(,%ecx,8)   // Rodata: read-only, NX.
4:  mov %edx, boot_pt_phys(,%ecx,8)
    jmp 6f
5:  or $KEEL_PTE_WRITABLE, %edx
    mov %edx, boot_pt_phys(,%ecx,8)
    movl $KEEL_PTE_NX_HIGH, boot_pt_phys + 4(,%ecx,8)
6:  inc %ecx
    cmp $(KEEL_BOOT_SMALL_PAGES_BYTES >> 12), %ecx
    jb 3b
    ret

// Error paths: %esi = message (physical address), NUL-terminated.
.Lno_multiboot2:
    mov $msg_no_multiboot2, %esi
    jmp boot_fail
.Lmbi_too_high:
    mov $msg_mbi_too_high, %esi
    jmp boot_fail
.Lno_cpuid:
    mov $msg_no_cpuid, %esi
    jmp boot_fail
.Lno_long_mode:
    mov $msg_no_long_mode, %esi
    jmp boot_fail
.Lno_nx:
    mov $msg_no_nx, %esi
    jmp boot_fail

// Prints "keel boot error: <message>" in white on red on VGA row 0 and to COM1, then
// halts for good.
boot_fail:
    mov $0xb8000, %edi
    mov $msg_prefix, %ebx
    call .Lputs
    mov %esi, %ebx
    call .Lputs
    mov $'\n', %al
    call .Lserial_putc
7:  cli
    hlt
    jmp 7b

// Prints the NUL-terminated string at %ebx to VGA at %edi (advancing it) and to COM1.
.Lputs:
    mov (%ebx), %al
    test %al, %al
    jz 9f
    mov %al, (%edi)
    movb $0x4f, 1(%edi)
    add $2, %edi
    call .Lserial_putc
    inc %ebx
    jmp .Lputs
9:  ret

// Writes %al to COM1 once its transmit holding register is empty.
.Lserial_putc:
    mov %al, %ah
    mov $0x3fd, %dx
8:  in %dx, %al
    test $0x20, %al
    jz 8b
    mov $0x3f8, %dx
    mov %ah, %al
    out %al, %dx
    ret

    .code64
// 64-bit code at its physical address: move to the higher half.
start64_low:
    movabs $start64, %rax
    jmp *%rax

    .section .boot.rodata, "a"
msg_prefix:         .asciz "keel boot error: "
msg_no_multiboot2:  .asciz "not started by a multiboot2 boot loader (bad magic in eax)"
msg_mbi_too_high:   .asciz "multiboot2 information above the first GiB"
msg_no_cpuid:       .asciz "this CPU has no CPUID instruction"
msg_no_long_mode:   .asciz "this CPU does not support 64-bit long mode"
msg_no_nx:          .asciz "this CPU does not support the no-execute (NX) bit"

    .balign 8
boot_gdt:
    .quad 0                      // Null descriptor.
    // The accessed bits are preset: the CPU would otherwise write them into this
    // read-only page when a selector is loaded.
    .quad 0x00209b0000000000     // 64-bit kernel code: present, DPL 0, L, accessed.
    .quad 0x0000930000000000     // Kernel data: present, writable, accessed.
boot_gdt_end:
boot_gdt_pointer32:
    .short boot_gdt_end - boot_gdt - 1
    .long boot_gdt
    .balign 8
    .global boot_gdt_pointer64
boot_gdt_pointer64:
    .short boot_gdt_end - boot_gdt - 1
    .quad boot_gdt + KEEL_KERNEL_VMA

    // The boot page tables, linked in the higher half; 32-bit code uses the *_phys
    // aliases below. Zeroed by build_boot_page_tables before use.
    .section .boot_tables, "aw", @nobits
    .balign 4096
boot_page_tables_start:
boot_pml4:      .skip 4096
boot_pdpt_low:  .skip 4096
boot_pdpt_high: .skip 4096
boot_pd:        .skip 4096
boot_pt:        .skip 4096 * (KEEL_BOOT_SMALL_PAGES_BYTES >> 21)
boot_page_tables_end:
    .global boot_pml4

    .set boot_page_tables_start_phys, boot_page_tables_start - KEEL_KERNEL_VMA
    .set boot_page_tables_end_phys, boot_page_tables_end - KEEL_KERNEL_VMA
    .set boot_pml4_phys, boot_pml4 - KEEL_KERNEL_VMA
    .set boot_pdpt_low_phys, boot_pdpt_low - KEEL_KERNEL_VMA
    .set boot_pdpt_high_phys, boot_pdpt_high - KEEL_KERNEL_VMA
    .set boot_pd_phys, boot_pd - KEEL_KERNEL_VMA
    .set boot_pt_phys, boot_pt - KEEL_KERNEL_VMA
