#include "kernel/stack_protector/stack_protector.h"

#include <bit>
#include <cstdint>

#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/random.h"
#include "libk/panic/panic.h"

#include "kernel/stack_protector/guard_value.h"

// The compiler reads and calls these names; they must keep them.
// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)

// The canary. Its initial value guards nothing (it is known); KeelInitStackGuard replaces it
// before anything but boot assembly has run.
extern "C" {
std::uintptr_t __stack_chk_guard = 0;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)
}

namespace kernel::stack_protector {
namespace {

GuardSource source = GuardSource::kTimeStampCounter;

}  // namespace

GuardSource CurrentGuardSource() { return source; }

}  // namespace kernel::stack_protector

extern "C" {

// Sets the canary. boot/entry64.S calls it on the boot stack before the .init_array
// constructors and KeelBootMain, so no protected frame is live yet; this function itself
// must have no canary, because it changes the value its own epilogue would compare.
[[gnu::no_stack_protector]] void KeelInitStackGuard() {
  using kernel::stack_protector::ChooseStackGuard;
  const kernel::stack_protector::StackGuard guard =
      ChooseStackGuard(libk::x86_64::HardwareRandom64(), libk::x86_64::ReadTimeStampCounter());
  kernel::stack_protector::source = guard.source;
  __stack_chk_guard = guard.value;
}

// Called by a protected function whose canary changed: its frame was overwritten, so
// nothing it would return to can be trusted. The return address lies just after the call
// in that function; one byte earlier is inside it even when the call is its last
// instruction. The panic's backtrace names that function.
[[noreturn]] void __stack_chk_fail() {
  // (A separate variable: clang-tidy 19's analyzer crashes on a bit_cast of the builtin.)
  const void* const return_address = __builtin_return_address(0);
  LIBK_PANIC("stack smashing detected in {:#x}", std::bit_cast<std::uintptr_t>(return_address) - 1);
}

}  // extern "C"
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
