// Kernel code cannot reach the containers that allocate (and throw on failure): <vector> is
// not among the kernel's headers (libk/std/kernel_headers.bzl).
#include <vector>
