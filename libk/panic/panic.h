// Panics: the end of the road for a broken invariant. A panic carries a message and the
// source location of the failed check; the platform's handler reports it (kernel: serial
// and screen, then exit or halt; host: stderr, then abort) and never returns.
#pragma once

#include "libk/base/source_location.h"

namespace libk {

// What a panic handler is told.
struct PanicInfo {
  const char* message;
  SourceLocation location;
};

namespace internal {
// Reports a panic and stops. Defined once per platform: //libk/panic:host_handler on the
// host (linked automatically), //kernel:panic_handler in every kernel image.
[[noreturn]] void HandlePanic(const PanicInfo& info);
}  // namespace internal

// Stops with `message`, reporting the caller's source location.
[[noreturn]] inline void Panic(const char* message,
                               SourceLocation location = SourceLocation::Current()) {
  internal::HandlePanic(PanicInfo{message, location});
}

}  // namespace libk

// Panics with `message` (a string literal) when `condition` is false.
#define LIBK_ASSERT(condition, message)                                             \
  do {                                                                              \
    if (!(condition)) [[unlikely]] {                                                \
      ::libk::Panic("assertion failed: " #condition ": " message,                   \
                    ::libk::SourceLocation::Current(__FILE__, __LINE__, __func__)); \
    }                                                                               \
  } while (false)
