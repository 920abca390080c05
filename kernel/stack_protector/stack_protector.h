// The stack protector's runtime: the canary (__stack_chk_guard) that
// -fstack-protector-strong frames compare before returning, set at boot, and
// __stack_chk_fail, which panics when a frame's copy was overwritten.
#pragma once

#include "kernel/stack_protector/guard_value.h"

namespace kernel::stack_protector {

// Returns where this boot's canary came from.
GuardSource CurrentGuardSource();

}  // namespace kernel::stack_protector
