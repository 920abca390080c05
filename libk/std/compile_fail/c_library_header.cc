// Kernel code cannot reach a C library: neither libc++'s <stdio.h> nor the host's is on the
// kernel's include path.
#include <stdio.h>
