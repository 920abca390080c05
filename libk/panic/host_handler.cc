// The host's panic handler: prints the panic to stderr and aborts, so that death tests
// (and a developer) see the message and where it came from.
#include <cstdio>
#include <cstdlib>

#include "libk/panic/panic.h"

namespace libk::internal {

void HandlePanic(const PanicInfo& info) {
  (void)std::fprintf(stderr, "PANIC at %s:%u in %s: %s\n", info.location.file, info.location.line,
                     info.location.function, info.message);
  (void)std::fflush(stderr);
  std::abort();
}

}  // namespace libk::internal
