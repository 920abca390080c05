// std::__libcpp_verbose_abort for the kernel: libc++ calls it when a hardening check fails
// (keel's libcxx_config/__assertion_handler sends every failed check here) and where it
// would throw an exception that -fno-exceptions leaves out (std::optional::value() of an
// empty optional, std::get of the wrong alternative, ...). It panics with libc++'s message,
// which names the header, line and broken precondition. Also defines std::nothrow, which
// libc++ leaves to that runtime library.
#include <__verbose_abort>  // libc++'s declaration of the hook defined here.
#include <cstdarg>
#include <new>

#include "libk/fmt/sink.h"
#include "libk/panic/panic.h"
#include "libk/std/abort_message.h"

// NOLINTNEXTLINE(cert-dcl50-cpp): libc++ declares this hook as a printf-style function.
void std::__libcpp_verbose_abort(const char* format, ...) {
  char buffer[libk::internal::kPanicMessageCapacity];
  libk::BufferSink message(buffer);
  std::va_list args;
  va_start(args, format);
  // SAFETY: libc++ passes a format whose only conversions are %s, each with a string.
  libk::FormatAbortMessage(message, format, args);
  va_end(args);
  // libc++ ends its assertion messages with a newline; the panic handler adds its own.
  if (message.size() > 0 && message.view()[message.size() - 1] == '\n') {
    buffer[message.size() - 1] = '\0';
  }
  libk::Panic(message.c_str());
}

// libc++ declares std::nothrow in <new> and defines it in its runtime library, which kernels
// do not link; the kernel's definition is here.
const std::nothrow_t std::nothrow{};
