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
