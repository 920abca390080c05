#!/usr/bin/env python3
"""The tree digests that let Bazel cache the tree-wide gates change exactly when a gated
file does: a new untracked file, an edit, a rename or a removal changes its class's digest;
a file of another class or outside the gates (docs, ignored files) does not. `--check`
rejects a stale digest, which is how tree_gate.sh refuses to pass for a tree it did not see.
Runs on a throwaway git checkout and on a plain directory (the walk fallback).
"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__))))
import tree_digest  # noqa: E402

FAILURES = []


def expect(condition, what):
    print("%s: %s" % ("ok" if condition else "FAIL", what))
    if not condition:
        FAILURES.append(what)


def write(root, path, text):
    os.makedirs(os.path.dirname(os.path.join(root, path)) or root, exist_ok=True)
    with open(os.path.join(root, path), "w") as f:
        f.write(text)


def digests(root):
    return {name: tree_digest.digest(root, name) for name in tree_digest.CLASSES}


def check_tree(root, label):
    write(root, "kernel/a.cc", "int a;\n")
    write(root, "kernel/BUILD", "cc_library(name = 'a')\n")
    write(root, "docs/notes.md", "notes\n")
    base = digests(root)

    def changed_after(action, what, cxx, bazel):
        before = digests(root)
        action()
        after = digests(root)
        expect((before["CXX"] != after["CXX"]) == cxx and
               (before["BAZEL"] != after["BAZEL"]) == bazel,
               "%s: %s changes %s" % (label, what,
                                      "+".join(n for n, c in (("CXX", cxx), ("BAZEL", bazel))
                                               if c) or "no digest"))

    changed_after(lambda: write(root, "kernel/new.h", "int b;\n"), "a new header", True, False)
    # The same length: the content itself, not only its size, is hashed.
    changed_after(lambda: write(root, "kernel/a.cc", "int b;\n"), "an edit", True, False)
    changed_after(lambda: os.rename(os.path.join(root, "kernel/new.h"),
                                    os.path.join(root, "kernel/renamed.h")),
                  "a rename", True, False)
    changed_after(lambda: os.remove(os.path.join(root, "kernel/renamed.h")), "a removal",
                  True, False)
    changed_after(lambda: write(root, "kernel/sub/BUILD", "filegroup(name = 'x')\n"),
                  "a new package", False, True)
    changed_after(lambda: write(root, "docs/notes.md", "more\n"), "a doc edit", False, False)
    changed_after(lambda: write(root, "tools/gates/testdata/planted.cc", "int  x;\n"),
                  "a planted violation", False, False)

    now = digests(root)
    expect(tree_digest.main(["x", "--root", root, "--check"] +
                            ["%s=%s" % kv for kv in now.items()]) == 0,
           "%s: --check accepts the current digests" % label)
    expect(tree_digest.main(["x", "--root", root, "--check", "CXX=%s" % base["CXX"]]) == 1,
           "%s: --check rejects a stale digest" % label)


def main():
    scratch = tempfile.mkdtemp(prefix="tree_digest_test.")
    try:
        plain = os.path.join(scratch, "plain")
        os.makedirs(plain)
        check_tree(plain, "plain directory")

        repo = os.path.join(scratch, "repo")
        os.makedirs(repo)
        git = ["git", "-C", repo, "-c", "user.name=t", "-c", "user.email=t@t"]
        subprocess.run(git + ["init", "-q"], check=True)
        write(repo, ".gitignore", "/ignored/\n")
        write(repo, "kernel/tracked.cc", "int t;\n")
        subprocess.run(git + ["add", "-A"], check=True)
        subprocess.run(git + ["commit", "-q", "-m", "start"], check=True)
        check_tree(repo, "git checkout")
        before = digests(repo)
        write(repo, "ignored/x.cc", "int  x;\n")
        expect(digests(repo) == before, "git checkout: an ignored file changes no digest")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if FAILURES:
        print("%d check(s) failed" % len(FAILURES), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
