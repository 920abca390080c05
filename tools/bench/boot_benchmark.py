#!/usr/bin/env python3
"""Boot benchmark: boots a kernel ISO N times under QEMU (TCG) and reports the median
wall time from QEMU's start to the first serial line and to QEMU's exit.

    bazel run //tools/bench:boot -- [--runs N] [--iso PATH]

The default ISO is the basic_boot test kernel, which exits through isa-debug-exit once its
tests pass. Figures are wall-clock on a shared machine: compare medians, not single runs.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time


def one_boot(iso):
    cmd = ["qemu-system-x86_64", "-accel", "tcg", "-cdrom", iso, "-boot", "d", "-serial", "stdio",
           "-display", "none", "-monitor", "none", "-no-reboot",
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first_line = None
    for _ in proc.stdout:
        if first_line is None:
            first_line = time.monotonic() - start
    proc.wait(timeout=60)
    return first_line, time.monotonic() - start, proc.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--iso", default=None)
    parser.add_argument("default_iso", nargs="?")
    args = parser.parse_args()
    iso = os.path.abspath(args.iso or args.default_iso)
    firsts, exits = [], []
    for i in range(args.runs):
        first, total, status = one_boot(iso)
        if first is None or status != 33:
            print("run %d: the kernel did not print and exit successfully (status %s)" % (i, status))
            return 1
        firsts.append(first)
        exits.append(total)
    print("boot benchmark (%s, TCG, %d runs):" % (os.path.basename(iso), args.runs))
    print("  QEMU start -> first serial line: median %.3f s (min %.3f, max %.3f)"
          % (statistics.median(firsts), min(firsts), max(firsts)))
    print("  QEMU start -> exit:              median %.3f s (min %.3f, max %.3f)"
          % (statistics.median(exits), min(exits), max(exits)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
