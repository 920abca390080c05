// Must not compile: a handler declared to diverge (returns Never) that tries to return.
#include <cstdint>

#include "libk/arch/x86_64/interrupt_handler.h"

namespace libk::x86_64 {

Never OnDoubleFault(InterruptFrame&, std::uint64_t) { return {}; }

}  // namespace libk::x86_64
