// The multiboot2 header: tells GRUB that this ELF is a multiboot2 kernel for i386
// protected mode. It must sit in the first 32 KiB of the file, 8-byte aligned, which the
// linker script guarantees by placing .multiboot2 first.
#define MB2_HEADER_MAGIC 0xe85250d6
#define MB2_ARCH_I386 0

    .section .multiboot2, "a"
    .balign 8
mb2_header_start:
    .long MB2_HEADER_MAGIC
    .long MB2_ARCH_I386
    .long mb2_header_end - mb2_header_start
    .long -(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header_start))

    // End tag.
    .balign 8
    .short 0
    .short 0
    .long 8
mb2_header_end:

// A multiboot (version 1) header as well, so that a loader speaking only the old protocol
// still enters _start32, which then reports the wrong protocol on screen instead of the
// machine crashing silently. It must sit in the first 8 KiB, 4-byte aligned.
#define MB1_HEADER_MAGIC 0x1badb002
#define MB1_FLAGS 0
    .section .multiboot2, "a"
    .balign 4
    .long MB1_HEADER_MAGIC
    .long MB1_FLAGS
    .long -(MB1_HEADER_MAGIC + MB1_FLAGS)
