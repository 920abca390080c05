// Never compiles; the error names the configuration it was compiled for, so a test can check
// that kernel_compile_fail_test really uses the bare-metal toolchain.
#ifdef __KEEL_KERNEL__
#error compiled for the kernel
#else
#error compiled for the host
#endif
