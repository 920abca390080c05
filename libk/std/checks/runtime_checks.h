// Run-time checks of the parts of the kernel's standard library that constant evaluation
// cannot reach: coroutines, atomics, placement new, and the algorithms libc++ hands to the
// mem routines. Shared by the host tests (libstdc++, and libc++ in the kernel's
// configuration) and by the in-kernel test //tests/integration:libcxx.
#pragma once

namespace keel_std_checks {

// Runs every check; returns 0 if all pass, else the source line of the first that failed.
int RunRuntimeChecks();

}  // namespace keel_std_checks
