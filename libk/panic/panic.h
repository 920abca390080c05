// Panics: the end of the road for a broken invariant. A panic carries a message and the
// source location of the failed check; the platform's handler reports it (kernel: serial
// and screen, then exit or halt; host: stderr, then abort) and never returns.
#pragma once

#include <cstddef>

#include "libk/base/source_location.h"
#include "libk/fmt/format.h"

namespace libk {

// What a panic handler is told.
struct PanicInfo {
  const char* message = "";
  SourceLocation location;
};

namespace internal {
// Reports a panic and stops. Defined once per platform: //libk/panic:host_handler on the
// host (linked automatically), //kernel:panic_handler in every kernel image.
[[noreturn]] void HandlePanic(const PanicInfo& info);

// The size of the stack buffer a formatted panic message is built in; a longer message is
// cut short and ends in "...".
inline constexpr std::size_t kPanicMessageCapacity = 256;

// Panics with `prefix` followed by the formatted message.
template <typename... Args>
[[noreturn, gnu::cold, gnu::noinline]] void PanicFormatted(SourceLocation location,
                                                           const char* prefix,
                                                           FormatStringFor<Args...> format,
                                                           const Args&... args) {
  char buffer[kPanicMessageCapacity];
  BufferSink message(buffer);
  message.Write(prefix);
  Format(message, format, args...);
  if (message.truncated()) {
    // A truncated BufferSink is full: mark the cut with "...".
    buffer[kPanicMessageCapacity - 4] = '.';
    buffer[kPanicMessageCapacity - 3] = '.';
    buffer[kPanicMessageCapacity - 2] = '.';
  }
  HandlePanic(PanicInfo{buffer, location});
}

// Panics with `message` alone (LIBK_ASSERT without a message).
[[noreturn, gnu::cold]] inline void PanicFormatted(SourceLocation location, const char* message) {
  HandlePanic(PanicInfo{message, location});
}
}  // namespace internal

// Stops with `message`, reporting the caller's source location.
[[noreturn]] inline void Panic(const char* message,
                               SourceLocation location = SourceLocation::Current()) {
  internal::HandlePanic(PanicInfo{message, location});
}

}  // namespace libk

// Panics with a message formatted as by libk::Format: LIBK_PANIC("bad frame {:#x}", addr).
// The format string is checked at compile time; the message is cut at 255 characters.
#define LIBK_PANIC(format, ...)                                                                   \
  ::libk::internal::PanicFormatted(::libk::SourceLocation::Current(__FILE__, __LINE__, __func__), \
                                   "", format __VA_OPT__(, ) __VA_ARGS__)

// Panics when `condition` is false, with the condition's text and, if given, a message
// formatted as by libk::Format: LIBK_ASSERT(n < size, "index {} of {}", n, size). The
// message arguments are evaluated only when the assertion fails.
#define LIBK_ASSERT(condition, ...)                                        \
  do {                                                                     \
    if (!(condition)) [[unlikely]] {                                       \
      ::libk::internal::PanicFormatted(                                    \
          ::libk::SourceLocation::Current(__FILE__, __LINE__, __func__),   \
          "assertion failed: " #condition __VA_OPT__(": ", ) __VA_ARGS__); \
    }                                                                      \
  } while (false)
