#!/usr/bin/env python3
"""The runner's W^X check on captured QEMU `info tlb` output (an excerpt of what the
boot page tables of keel's kernel look like): the parser reads every page line, the
boot map passes, and a single text page made writable is caught and named."""

import importlib.util
import sys

runner_path, excerpt_path = sys.argv[1:3]
spec = importlib.util.spec_from_file_location("run_qemu_test", runner_path)
runner = importlib.util.module_from_spec(spec)
spec.loader.exec_module(runner)

failures = []


def expect(name, got, want):
    if got != want:
        failures.append("%s: got %r, want %r" % (name, got, want))


with open(excerpt_path) as f:
    excerpt = f.read()
pages = runner.parse_tlb(excerpt)
expect("pages parsed", len(pages), len(excerpt.strip().splitlines()))
expect("first page", pages[0], (0xffffffff80000000, 0, "X-------W"))
expect("boot map violations", runner.wx_violations(pages), [])

# The text page at 0xffffffff80101000 made writable, as the W^X meta-test kernel does.
broken = excerpt.replace("ffffffff80101000: 0000000000101000 ----A----",
                         "ffffffff80101000: 0000000000101000 ----A---W")
violations = runner.wx_violations(runner.parse_tlb(broken))
expect("broken text page", violations, [(0xffffffff80101000, 0x101000, "----A---W")])
expect("description", runner.describe_wx(violations), "ffffffff80101000 -> 101000 (4 KiB)")

# A huge page without NX, and many pages: the description is cut short.
huge = [(0xffffffff80400000 + i * 0x200000, 0x400000 + i * 0x200000, "--P-----W")
        for i in range(10)]
expect("huge description", runner.describe_wx(huge, limit=1),
       "ffffffff80400000 -> 400000 (2 MiB or 1 GiB), and 9 more")
# Read-only executable, and writable no-execute, pages are fine; so is a user page with NX.
expect("no false alarms", runner.wx_violations(runner.parse_tlb(
    "0000000000400000: 0000000000001000 X------UW\n"
    "ffffffff80100000: 0000000000100000 ---------\n")), [])
# Paging off, or garbage: nothing parsed (the runner reports that as a problem).
expect("paging off", runner.parse_tlb("PG disabled\n"), [])

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("wx_check_test: %d pages parsed; W^X violations found exactly where planted" % len(pages))
