// Formats the printf-style message libc++ passes to std::__libcpp_verbose_abort (a failed
// hardening check, or an exception the kernel cannot throw) without a C library. libc++'s
// messages use only %s, so that is all this understands. Host-tested against snprintf;
// //libk/std:libcxx_runtime uses it in the kernel.
#pragma once

#include <cstdarg>

#include "libk/fmt/sink.h"

namespace libk {

// Writes `format` to `sink`, replacing each "%s" with the next argument of `args` (a
// NUL-terminated string; a null pointer prints as "(null)") and each "%%" with "%". Any
// other conversion is written as it stands and takes no argument.
// Safety: `format` must be a NUL-terminated string, and `args` must hold one `const char*`
// to a NUL-terminated string (or null) for each "%s" in it.
void FormatAbortMessage(Sink& sink, const char* format, std::va_list args);

}  // namespace libk
