#!/usr/bin/env python3
"""Proves that the QEMU runner catches broken kernels instead of trusting them: a kernel
that hangs must fail by the runner's own timeout, one that triple-faults must fail with
the reset explained, and a kernel whose tests fail (status 35) must fail."""

import subprocess
import sys
import time

runner, hang_iso, triple_iso, failing_iso = sys.argv[1:5]
failures = []


def run(iso, *extra):
    start = time.monotonic()
    proc = subprocess.run([sys.executable, runner, "--iso", iso, "--log", "/dev/null", *extra],
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - start


def check(name, iso, must_contain, *extra):
    code, out, elapsed = run(iso, *extra)
    if code == 0:
        failures.append("%s: the runner PASSED a broken kernel:\n%s" % (name, out))
    elif must_contain not in out:
        failures.append("%s: the runner failed without saying %r:\n%s" % (name, must_contain, out))
    else:
        print("ok: %s rejected in %.1f s (%s)" % (name, elapsed, must_contain))


check("hang", hang_iso, "timed out after 3.0 s", "--timeout", "3")
# A longer timeout: booting to the kernel's line can take seconds on a loaded machine.
check("hang output still shown", hang_iso, "hang: about to hang", "--timeout", "10")
check("triple fault", triple_iso, "the guest reset or triple-faulted", "--timeout", "20")
check("failing tests", failing_iso, "the kernel reported failure", "--timeout", "20")
check("missing line", failing_iso, "missing serial line containing 'no such line'",
      "--timeout", "20", "--expect-status", "35", "--expect-line", "no such line")
if failures:
    print("\n\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("runner_meta_test: all broken kernels were rejected")
