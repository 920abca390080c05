#!/usr/bin/env python3
"""Runs a benchmark kernel under QEMU (TCG) and prints its `bench:` lines.

    bazel run //tools/bench:interrupts [-- --runs N]

A benchmark kernel measures itself (TSC cycles) and prints one `bench: ...` line per
figure over COM1, then exits through isa-debug-exit. Under TCG the TSC is the host's and
every figure includes the emulator's work: compare runs on one machine, not with hardware.
"""

import argparse
import os
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("iso")
    args = parser.parse_args()
    iso = os.path.abspath(args.iso)
    cmd = ["qemu-system-x86_64", "-accel", "tcg", "-m", "128M", "-cdrom", iso, "-boot", "d",
           "-serial", "stdio", "-display", "none", "-monitor", "none", "-no-reboot",
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    for run in range(args.runs):
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              timeout=args.timeout)
        lines = proc.stdout.decode("utf-8", "replace").splitlines()
        print("run %d of %s (TCG):" % (run + 1, os.path.basename(iso)))
        for line in lines:
            if line.startswith("bench:"):
                print("  " + line[len("bench:"):].strip())
        if proc.returncode != 33:
            print("the benchmark kernel did not exit successfully (status %d)" % proc.returncode)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
