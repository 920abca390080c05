// panic_screen: the production panic path (no test hook, no exit): the message, file and
// line appear on COM1 and on the VGA screen, and the kernel halts.
#include "libk/panic/panic.h"

#include "kernel/console/console.h"
#include "kernel/main.h"

namespace kernel {

void Main(const libk::multiboot2::Info& /*info*/) {
  console::Init();
  const int answer = 41;
  LIBK_ASSERT(answer == 42, "answer is {}", answer);
}

}  // namespace kernel
