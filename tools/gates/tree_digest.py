#!/usr/bin/python3
"""Digests of the files the tree-wide gates read, so Bazel can cache the gates.

Usage:
  tree_digest.py                      print `STABLE_KEEL_TREE_<CLASS> <digest>` lines (the
                                      workspace status command that .bazelrc names)
  tree_digest.py --root DIR --check CLASS=DIGEST...
                                      exit 1 unless the tree under DIR has these digests

A class is a set of files a gate reads (CLASSES below). Its digest covers the sorted list
of paths and the content of each file, so adding, removing, renaming or editing any file of
the class changes it; nothing else does. Bazel runs the status command at the start of every
build; a gate test depends on its classes' digests (tree_gate.bzl), so it reruns exactly when
one of them changes and is cached otherwise. docs/testing-gates.md explains the design.
"""

import hashlib
import os
import sys

import source_tree

# Class name -> (predicate, excluded prefixes): the same selections the gates make.
CLASSES = {
    "CXX": (source_tree.is_cxx, source_tree.EXCLUDED),
    "BAZEL": (source_tree.is_bazel, ("tools/gates/testdata/",)),
}


def digest(root, name):
    """Returns the hex digest of class `name` of the tree under `root`."""
    predicate, excluded = CLASSES[name]
    h = hashlib.sha256()
    for path in source_tree.list_files(root, predicate, excluded=excluded):
        with open(os.path.join(root, path), "rb") as f:
            content = f.read()
        # Length-prefixed fields: no two different trees hash the same byte stream.
        h.update(b"%d:%s%d:" % (len(path.encode()), path.encode(), len(content)))
        h.update(content)
    return h.hexdigest()


def main(argv):
    root = os.getcwd()
    checks = []
    args = iter(argv[1:])
    for arg in args:
        if arg == "--root":
            root = next(args)
        elif arg == "--check":
            checks = list(args)
        else:
            sys.exit("tree_digest: unknown argument %r" % arg)
    root = os.path.realpath(root)
    if not checks:
        for name in CLASSES:
            print("STABLE_KEEL_TREE_%s %s" % (name, digest(root, name)))
        return 0
    stale = []
    for check in checks:
        name, _, want = check.partition("=")
        got = digest(root, name)
        if got != want:
            stale.append("%s: the build saw %s, the tree now has %s" % (name, want, got))
    if stale:
        print("tree_digest: the tree changed after Bazel's workspace status was taken:\n  " +
              "\n  ".join(stale) + "\nRerun bazel test.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
