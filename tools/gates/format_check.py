#!/usr/bin/python3
"""The clang-format gate: fails when a C++ file differs from `clang-format` output.

Usage: format_check.py [--root DIR] [--style-file FILE] [FILE...]

Checks FILEs (relative to DIR), or every C++ file of the tree under DIR as listed by
source_tree.py, with `clang-format-N --dry-run --Werror` (N: the LLVM version .bazelrc
names, see tools/llvm.py) and the style in FILE (DIR's .clang-format by default).
Prints the offending files and exits 1 if there is any.
"""

import os
import re
import subprocess
import sys

import source_tree

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
import llvm  # noqa: E402  (tools/llvm.py)

BATCH = 100
DIAGNOSTIC_RE = re.compile(r"^(.+?):\d+:\d+: (?:error|warning):", re.MULTILINE)


def main(argv):
    root, style_file, files = None, None, []
    args = iter(argv[1:])
    for arg in args:
        if arg == "--root":
            root = next(args)
        elif arg == "--style-file":
            style_file = next(args)
        else:
            files.append(arg)
    if root is None:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
    root = os.path.realpath(root)
    style_file = os.path.realpath(style_file or os.path.join(root, ".clang-format"))
    if not os.path.isfile(style_file):
        sys.exit("format_check: no style file at %s" % style_file)
    files = files or source_tree.list_files(root, source_tree.is_cxx)
    clang_format = llvm.tool("clang-format", root)
    bad = set()
    # One clang-format process per batch of files (one per file would cost a process start
    # each). Without an extension a file is C++ to clang-format, as the std headers are.
    for start in range(0, len(files), BATCH):
        batch = files[start:start + BATCH]
        result = subprocess.run(
            [clang_format, "--style=file:" + style_file, "--dry-run", "--Werror"] + batch,
            cwd=root, capture_output=True, text=True)
        if result.returncode == 0:
            continue
        sys.stdout.write(result.stderr)
        named = {m.group(1) for m in DIAGNOSTIC_RE.finditer(result.stderr)} & set(batch)
        # A failure that names no file (a crash, an unreadable file) fails the whole batch.
        bad |= named or set(batch)
    bad = sorted(bad)
    print("format_check: %d file(s) checked, %d not formatted" % (len(files), len(bad)),
          file=sys.stderr)
    if bad:
        print("Fix with: %s -i %s" % (os.path.basename(clang_format), " ".join(bad)),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
