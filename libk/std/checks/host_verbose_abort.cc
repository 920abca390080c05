// std::__libcpp_verbose_abort for :libcxx_checks_test, which compiles the checks against the
// kernel's libc++ configuration on the host and links no libc++ library: prints libc++'s
// message and aborts (the kernel's definition, //libk/std:libcxx_runtime, panics).
#include <__verbose_abort>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

// NOLINTNEXTLINE(cert-dcl50-cpp): libc++ declares this hook as a printf-style function.
void std::__libcpp_verbose_abort(const char* format, ...) {
  va_list args;
  va_start(args, format);
  vfprintf(stderr, format, args);
  va_end(args);
  fputc('\n', stderr);
  abort();
}
