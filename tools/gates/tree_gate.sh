#!/usr/bin/env bash
# Runs one tree-wide gate (format_check.py, unsafe_lint.py, buildifier_check.py) over the
# real source tree of this workspace: the root is found by resolving the runfiles symlink
# of //:.clang-format. The files it checks are not Bazel inputs; their digests are
# (DIGESTS, a file of CLASS=DIGEST lines from a tree_digest target), so Bazel reruns the
# test exactly when a checked file changes. The tree is compared with those digests before
# and after the check, so a cached pass always belongs to the tree it names.
# Usage: tree_gate.sh DIGESTS CHECK.py [ARGS...]
set -euo pipefail
digests=$1
check=$2
shift 2
root=$(dirname "$(readlink -f .clang-format)")
if [ ! -f "$root/WORKSPACE" ]; then
  echo "tree_gate: could not find the workspace root through .clang-format (got $root)" >&2
  exit 1
fi
mapfile -t classes <"$digests"
verify() { /usr/bin/python3 tools/gates/tree_digest.py --root "$root" --check "${classes[@]}"; }
verify
status=0
/usr/bin/python3 "tools/gates/$check" --root "$root" "$@" || status=$?
verify
exit "$status"
