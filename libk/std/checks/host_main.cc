// Runs keel_std_checks::RunRuntimeChecks() on the host and reports the failing line.
#include <stdio.h>

#include "libk/std/checks/runtime_checks.h"

int main() {
  const int line = keel_std_checks::RunRuntimeChecks();
  if (line != 0) {
    fprintf(stderr, "FAIL: check at libk/std/checks/runtime_checks.cc:%d\n", line);
    return 1;
  }
  printf("PASS: run-time checks of the standard subset\n");
  return 0;
}
