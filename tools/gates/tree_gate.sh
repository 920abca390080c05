#!/usr/bin/env bash
# Runs one tree-wide gate (format_check.py, unsafe_lint.py, buildifier_check.py) over the
# real source tree of this workspace: the root is found by resolving the runfiles symlink
# of //:.clang-format. These tests are tagged "external" (never cached), because the files
# they check are not declared Bazel inputs. Usage: tree_gate.sh CHECK.py [ARGS...]
set -euo pipefail
check=$1
shift
root=$(dirname "$(readlink -f .clang-format)")
if [ ! -f "$root/WORKSPACE" ]; then
  echo "tree_gate: could not find the workspace root through .clang-format (got $root)" >&2
  exit 1
fi
exec /usr/bin/python3 "tools/gates/$check" --root "$root" "$@"
