#!/usr/bin/python3
"""The LLVM tools of keel's build, for scripts that run outside Bazel.

`.bazelrc` names the LLVM major version once (`build --repo_env=CC=clang-N`); Bazel's side
reads it through platforms/local_clang.bzl, and scripts read it here, so moving to another
LLVM version is a one-line change.
"""

import os
import re
import shutil
import sys

_CC_LINE = re.compile(r"^build --repo_env=CC=clang-(\d+)\s*$")


def workspace_root():
    """Returns the workspace root (the directory above tools/)."""
    return os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def major(root=None):
    """Returns the LLVM major version that .bazelrc names, as a string."""
    path = os.path.join(root or workspace_root(), ".bazelrc")
    with open(path) as bazelrc:
        for line in bazelrc:
            match = _CC_LINE.match(line)
            if match:
                return match.group(1)
    sys.exit("keel: %s names no LLVM version (build --repo_env=CC=clang-N)" % path)


def tool(name, root=None):
    """Returns the path of LLVM tool `name` (e.g. "clang-format") of the build's version."""
    versioned = "%s-%s" % (name, major(root))
    path = shutil.which(versioned)
    if not path:
        sys.exit("keel: %s is not installed; run tools/setup.sh" % versioned)
    return path


if __name__ == "__main__":
    # `tools/llvm.py` prints the major version; `tools/llvm.py NAME` the path of a tool.
    print(tool(sys.argv[1]) if len(sys.argv) > 1 else major())
