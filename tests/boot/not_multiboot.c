/* A freestanding ELF with no multiboot2 header: multiboot2_header_test must reject it. */
void _start(void) {
  for (;;) {
  }
}
