// Run-time checks of the parts of keel's standard subset that constant evaluation cannot
// reach: coroutines, atomics and placement new. Shared by the host tests (against the real
// library and against keel's headers) and, later, by an in-kernel test.
#pragma once

namespace keel_std_checks {

// Runs every check; returns 0 if all pass, else the source line of the first that failed.
int RunRuntimeChecks();

}  // namespace keel_std_checks
