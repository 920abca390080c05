// Must not compile: a handler declared to diverge (returns Never) that tries to return.
#include <cstdint>

#include "libk/arch/x86_64/interrupt_handler.h"

namespace kernel::x86_64 {

Never OnDoubleFault(InterruptFrame&, std::uint64_t) { return {}; }

}  // namespace kernel::x86_64
