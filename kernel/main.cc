// keel's kernel: greets, switches to its own page tables, sets up exceptions and
// interrupts, the heap and the timer, then runs the interactive kernel: a shell on the
// keyboard and on COM1 and a status line, as tasks on the async executor (kernel/async,
// docs/async.md). kernel::Start (start.h) does all of it, so that test kernels can run
// the very same path.
#include "kernel/main.h"

#include "kernel/start.h"

namespace kernel {

void Main(const libk::multiboot2::Info& boot_info) { Start(boot_info); }

}  // namespace kernel
