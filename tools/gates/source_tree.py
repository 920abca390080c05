"""Lists keel's own source files for the gates that check the whole tree.

The gate tests read the real source tree rather than Bazel inputs (a glob cannot cross
package boundaries): they find the workspace by resolving the runfiles symlink of a
top-level file, then list the files with git (tracked, plus untracked files that are not
ignored) or, outside a git checkout, by walking the tree. See docs/testing-gates.md.
"""

import os
import subprocess

# Never checked: the gates' planted violations, and BUILD wrappers of other libraries.
EXCLUDED = ("tools/gates/testdata/", "third_party/")

CXX_EXTENSIONS = (".h", ".hh", ".hpp", ".cc", ".cpp", ".cxx", ".inc")
# Extensionless C++ headers: keel's libc++ configuration for the kernel.
CXX_HEADER_DIRS = ("libk/std/libcxx_config/",)


def is_cxx(path):
    """Returns whether `path` (relative to the root) is a C++ source or header."""
    return path.endswith(CXX_EXTENSIONS) or (
        path.startswith(CXX_HEADER_DIRS) and "." not in os.path.basename(path))


def is_bazel(path):
    """Returns whether `path` is a BUILD, .bzl or WORKSPACE file."""
    name = os.path.basename(path)
    return name in ("BUILD", "BUILD.bazel", "WORKSPACE", "WORKSPACE.bazel") or \
        name.endswith((".bzl", ".BUILD"))


def workspace_of(path):
    """Returns the directory of the real file behind `path` (a runfiles symlink of a
    top-level file such as .clang-format)."""
    return os.path.dirname(os.path.realpath(path))


def list_files(root, predicate, excluded=EXCLUDED):
    """Returns the sorted root-relative paths under `root` that satisfy `predicate`."""
    try:
        out = subprocess.run(
            ["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            check=True, capture_output=True, text=True).stdout
        paths = [p for p in out.split("\0") if p]
        if os.path.realpath(os.path.join(root, ".")) != os.path.realpath(
                subprocess.run(["git", "-C", root, "rev-parse", "--show-toplevel"], check=True,
                               capture_output=True, text=True).stdout.strip()):
            raise ValueError("root is not the top of its git checkout")
    except (OSError, ValueError, subprocess.CalledProcessError):
        paths = []
        for dirpath, dirnames, filenames in os.walk(root):
            rel_dir = os.path.relpath(dirpath, root)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "bazel-")))
            paths.extend(os.path.normpath(os.path.join(rel_dir, name)) for name in filenames)
    return sorted(p for p in paths
                  if predicate(p) and not p.startswith(excluded)
                  and os.path.isfile(os.path.join(root, p)))
