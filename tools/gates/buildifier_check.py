#!/usr/bin/python3
"""The buildifier gate: fails when a BUILD, .bzl or WORKSPACE file is not formatted the
way buildifier formats it, or when buildifier's linter warns about it.

Usage: buildifier_check.py [--root DIR] [FILE...]

Checks FILEs (relative to DIR), or every Bazel file of the tree under DIR as listed by
source_tree.py, with `buildifier -mode=check -lint=warn`. Needs buildifier VERSION,
installed by tools/gates/install_buildifier.sh; a missing or different buildifier fails.
"""

import os
import shutil
import subprocess
import sys

import source_tree

VERSION = "6.4.0"
CANDIDATES = ("/usr/local/bin/buildifier",
              "/opt/keel/buildifier/node_modules/@bazel/buildifier/buildifier-linux_amd64")


def find_buildifier():
    """Returns the path of buildifier VERSION, or exits with how to install it."""
    for path in (shutil.which("buildifier"),) + CANDIDATES:
        if not path or not os.access(path, os.X_OK):
            continue
        out = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
        if ("buildifier version: %s " % VERSION) in out + " ":
            return path
    sys.exit("buildifier_check: buildifier %s is not installed; run "
             "tools/gates/install_buildifier.sh (as root)" % VERSION)


def main(argv):
    root, files = None, []
    args = iter(argv[1:])
    for arg in args:
        if arg == "--root":
            root = next(args)
        else:
            files.append(arg)
    if root is None:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
    root = os.path.realpath(root)
    # The BUILD wrappers in third_party/ are keel's own files: check them too.
    files = files or source_tree.list_files(root, source_tree.is_bazel,
                                            excluded=("tools/gates/testdata/",))
    buildifier = find_buildifier()
    result = subprocess.run([buildifier, "-mode=check", "-lint=warn"] + files, cwd=root,
                            capture_output=True, text=True)
    sys.stdout.write(result.stdout + result.stderr)
    print("buildifier_check: %d file(s) checked, buildifier exited with %d" %
          (len(files), result.returncode), file=sys.stderr)
    if result.returncode != 0:
        print("Fix with: buildifier -lint=fix <file> (run from the workspace root)",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
