#!/usr/bin/env python3
"""The runner's W^X check on captured QEMU `info tlb` output (an excerpt of what the
boot page tables of keel's kernel look like): the parser reads every page line, the
boot map passes, and a single text page made writable is caught and named. Then the
alias check on small synthetic dumps of the kernel's own map: the direct map with its
text and rodata read-only passes; the old direct map, writable over the image's frames in
a 2 MiB or a 1 GiB page, is caught, naming the frame and both virtual addresses."""

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

# The boot map has no alias: each frame is mapped once.
expect("boot map aliases", runner.alias_violations(pages), [])

# Page sizes: P pages are 2 MiB unless 1 GiB-aligned with nothing else in their GiB.
expect("sizes", [size for _, _, size, _ in runner.page_sizes(runner.parse_tlb(
    "ffff800000001000: 0000000000001000 X-------W\n"
    "ffff800000200000: 0000000000200000 X-P-----W\n"
    "ffff800040000000: 0000000040000000 X-P-----W\n"
    "ffff800040200000: 0000000040200000 X-P-----W\n"
    "ffff800080000000: 0000000080000000 X-P-----W\n"
    "ffff800100000000: 0000000100000000 X-P-----W\n"))],
       [0x1000, 0x200000, 0x200000, 0x200000, 0x40000000, 0x40000000])

# The kernel's own map: text at -2 GiB read+execute, its frames read-only (NX) in the
# direct map's 4 KiB pages, the rest of the direct map writable (NX), data at -2 GiB
# writable with a writable alias (harmless: neither executes).
KERNEL_MAP = """\
ffff800000001000: 0000000000001000 XG-DA---W
ffff800000100000: 0000000000100000 XG-DA---W
ffff800000101000: 0000000000101000 XG--A----
ffff800000102000: 0000000000102000 XG--A----
ffff800000103000: 0000000000103000 XG-DA---W
ffff800000200000: 0000000000200000 XGPDA---W
ffff800000400000: 0000000000400000 XGPDA---W
ffff800040000000: 0000000040000000 XGPDA---W
ffff800080000000: 0000000080000000 XGPDA---W
ffffffff80101000: 0000000000101000 -G--A----
ffffffff80102000: 0000000000102000 XG--A----
ffffffff80103000: 0000000000103000 XG-DA---W
"""
kernel_map = runner.parse_tlb(KERNEL_MAP)
expect("kernel map W^X", runner.wx_violations(kernel_map), [])
expect("kernel map aliases", runner.alias_violations(kernel_map), [])

# The old direct map: one writable 2 MiB page over the image's frames.
old_2m = runner.parse_tlb(
    "ffff800000000000: 0000000000000000 XGPDA---W\n"
    "ffff800000200000: 0000000000200000 XGPDA---W\n"
    "ffffffff80101000: 0000000000101000 -G--A----\n"
    "ffffffff80102000: 0000000000102000 XG--A----\n")
aliases = runner.alias_violations(old_2m)
expect("old 2 MiB direct map", aliases, [(0x101000, 0xffffffff80101000, 0xffff800000101000)])
expect("alias description", runner.describe_aliases(aliases),
       "frame 0x101000 executable at ffffffff80101000 and writable at ffff800000101000")
expect("old 2 MiB direct map passes W^X alone", runner.wx_violations(old_2m), [])

# The old direct map with 1 GiB pages (-cpu max): the first GiB is one writable page.
old_1g = runner.parse_tlb(
    "ffff800000000000: 0000000000000000 XGPDA---W\n"
    "ffff800040000000: 0000000040000000 XGPDA---W\n"
    "ffffffff80101000: 0000000000101000 -G--A----\n"
    "ffffffff803ff000: 00000000003ff000 -G--A----\n")
expect("old 1 GiB direct map", runner.alias_violations(old_1g),
       [(0x101000, 0xffffffff80101000, 0xffff800000101000),
        (0x3ff000, 0xffffffff803ff000, 0xffff8000003ff000)])

# A writable 4 KiB window onto a frame inside an executable 2 MiB page is named at that
# frame; so is an executable user page whose frame the direct map keeps writable.
expect("window into a huge text page", runner.alias_violations(runner.parse_tlb(
    "ffffd00000000000: 0000000000345000 X-------W\n"
    "ffffffff80200000: 0000000000200000 --P------\n")),
       [(0x345000, 0xffffffff80345000, 0xffffd00000000000)])
expect("user code", runner.alias_violations(runner.parse_tlb(
    "0000000040000000: 0000000000777000 -------U-\n"
    "ffff800000600000: 0000000000600000 X-P-----W\n")),
       [(0x777000, 0x40000000, 0xffff800000777000)])
# Writable aliases of data, and read-only aliases of code, are fine.
expect("harmless aliases", runner.alias_violations(runner.parse_tlb(
    "ffff800000103000: 0000000000103000 X-------W\n"
    "ffffd00000000000: 0000000000101000 X--------\n"
    "ffffffff80101000: 0000000000101000 ---------\n"
    "ffffffff80103000: 0000000000103000 X-------W\n")), [])
expect("many aliases cut short", runner.describe_aliases(
    [(0x1000 * i, 0x1000 * i, 0x2000 * i) for i in range(3)], limit=1),
       "frame 0x0 executable at 0 and writable at 0, and 2 more")

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("wx_check_test: %d pages parsed; W^X violations and writable aliases of code found "
      "exactly where planted" % len(pages))
