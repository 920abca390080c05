#!/usr/bin/env python3
"""Proves that the QEMU runner catches broken kernels instead of trusting them: a kernel
that hangs must fail by the runner's own timeout, one that triple-faults must fail with
the reset explained, a kernel whose tests fail (status 35) must fail, a kernel with a
writable, executable page must fail the W^X check, and one whose code has a writable
alias must fail the alias check (the real kernel passes both, with -m 8G -cpu max as
well, on the boot tables and on its own). Then the runner's input and comparison tools, on the real
kernel's shell: bytes written to COM1 arrive exactly (NUL and 0xFF included), the chaos
reaches the kernel (keys, COM1 garbage, NMIs; with a counter to confirm them, exactly as
many NMIs as injected, and a counter that never moves fails the run), expected lines can
be regular expressions, and lines that must repeat unchanged fail when they change or
appear only once."""

import re
import subprocess
import sys
import time

(runner, hang_iso, triple_iso, failing_iso, wx_iso, alias_iso, kernel_iso,
 survival_iso) = sys.argv[1:9]
failures = []


def run(iso, *extra):
    start = time.monotonic()
    proc = subprocess.run([sys.executable, runner, "--iso", iso, "--log", "/dev/null", *extra],
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - start


def check(name, iso, must_contain, *extra):
    """Runs the runner on `iso`; it must fail and say `must_contain` (text or a regex)."""
    code, out, elapsed = run(iso, *extra)
    said = (must_contain.search(out) if isinstance(must_contain, re.Pattern)
            else must_contain in out)
    if code == 0:
        failures.append("%s: the runner PASSED a broken kernel:\n%s" % (name, out))
    elif not said:
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
wx_marker = "wx_violation: text page"
check("W^X", wx_iso, re.compile(r"W\^X violated at 'wx_violation: text page': 1 of \d+ mapped "
                                r"pages are writable and executable: ffffffff801[0-9a-f]{5} -> "
                                r"1[0-9a-f]{5} \(4 KiB\)"),
      "--timeout", "20", "--check-wx-at", wx_marker, "--check-at", wx_marker)
alias_marker = "wx_alias: the direct map's"
check("writable alias of code", alias_iso,
      re.compile(r"W\^X violated through an alias at \"wx_alias: the direct map's\": 1 "
                 r"executable pages share a frame with a writable page: frame 0x(1[0-9a-f]{5}) "
                 r"executable at ffffffff80\1 and writable at ffff800000\1"),
      "--timeout", "20", "--check-wx-at", alias_marker, "--check-at", alias_marker)
check("W^X marker never printed", kernel_iso, "never saw 'no such marker' on serial, so could "
      "not check W^X", "--timeout", "5", "--check-wx-at", "no such marker")
own_tables = "keel: interrupts on"
code, out, _ = run(kernel_iso, "--timeout", "20", "--memory", "8G", "--cpu", "max",
                   "--check-wx-at", "Hello World!", "--check-wx-at", own_tables,
                   "--check-at", own_tables)
if (code != 0 or "W^X holds at 'Hello World!'" not in out or
        "W^X holds at %r" % own_tables not in out or "no executable frame writable" not in out):
    failures.append("the real kernel should pass the W^X and alias checks with -m 8G -cpu max "
                    "on the boot tables and on its own:\n" + out)
else:
    print("ok: the real kernel passes the W^X and alias checks with -m 8G -cpu max")


def passes(name, iso, must_contain, *extra):
    """Runs the runner on `iso`; it must pass and say `must_contain` (text or a regex)."""
    code, out, elapsed = run(iso, *extra)
    said = (must_contain.search(out) if isinstance(must_contain, re.Pattern)
            else must_contain in out)
    if code != 0 or not said:
        failures.append("%s: expected the runner to pass and say %r:\n%s"
                        % (name, must_contain, out))
    else:
        print("ok: %s passed in %.1f s" % (name, elapsed))


READY = "keel: shell on the keyboard and COM1; type help"
# NUL, 0xFF, 0x01, ESC and NUL again reach the serial shell byte for byte: it ignores
# exactly those five, and runs "xy" as an (unknown) command.
passes("COM1 bytes are exact", kernel_iso, "passed",
       "--timeout", "20", "--serial-input-after", READY + "=\\x00\\xffx\\x01y\\x1b\\x00\\nstats\\n",
       "--expect-line", "unknown command 'xy'",
       "--expect-line", r"re:^ +5 serial shell: control bytes ignored$",
       "--check-at", "wake-queue overflows")
check("regex line missing", kernel_iso, r"missing serial line matching '^ +9 NMIs$'",
      "--timeout", "20", "--serial-input-after", READY + "=stats\\n",
      "--expect-line", r"re:^ +9 NMIs$", "--check-at", "wake-queue overflows")
# The chaos reaches the kernel; without a counter, NMIs injected back to back may merge.
passes("chaos", kernel_iso,
       re.compile(r"chaos sent 30\d key events, \d+ serial bytes, 10 NMIs in "),
       "--timeout", "30", "--chaos-after", READY, "--chaos-keys", "300",
       "--chaos-serial-bytes", "2000", "--chaos-nmis", "10", "--after-chaos-serial", "\\nstats\\n",
       "--expect-line", r"re:^ +([1-9]|10) NMIs$",
       "--expect-line", r"re:^ +[1-9]\d* scancodes received$",
       "--expect-line", r"re:^ +[1-9]\d* serial bytes received$",
       "--check-at", "wake-queue overflows")
# With the crash-survival kernel's NMI counter, every NMI is counted before the next.
passes("NMIs confirmed", survival_iso, "(each NMI counted before the next)",
       "--timeout", "30", "--chaos-after", READY, "--chaos-nmis", "20",
       "--chaos-nmi-counter", "crash_survival: NMI counter at ",
       "--chaos-end-marker", "crash_survival: raised ", "--after-chaos-serial", "stats\\n",
       "--expect-line", r"re:^ +20 NMIs$", "--expect-line", r"re:^ +50 spurious IRQ 15$",
       "--check-at", "wake-queue overflows")
# A "counter" that never moves (kernel text) must fail the run, not pass it.
check("NMI counter that never moves", survival_iso, "NMI 1 was not counted within 10 s",
      "--timeout", "30", "--serial-input-after", READY + "=0xffffffff80101000\\n",
      "--chaos-after", "0xffffffff80101000", "--chaos-nmis", "3",
      "--chaos-nmi-counter", "keel> ")
passes("same lines", kernel_iso, "2 occurrences of the lines matching",
       "--timeout", "20", "--serial-input-after", READY + "=heap\\nheap\\nticks\\n",
       "--same-lines", "^fixed-size block heap: .*$", "--check-at", " ticks at ")
check("same lines changed", kernel_iso, "changed: occurrence 1 is [('heap',), ('ticks',)], "
      "occurrence 2 is [('heap',), ('uptime',)]",
      "--timeout", "20", "--serial-input-after", READY + "=heap\\nticks\\nheap\\nuptime\\n",
      "--same-lines", r"keel> (\w+)$", "--check-at", "up 0:0")
check("same lines once", kernel_iso, "expected two or more occurrences to compare, found 1",
      "--timeout", "20", "--serial-input-after", READY + "=uptime\\n",
      "--same-lines", "^up ", "--check-at", "up 0:0")
if failures:
    print("\n\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("runner_meta_test: all broken kernels were rejected")
