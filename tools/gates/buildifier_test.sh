#!/usr/bin/env bash
# The buildifier gate: first shows that it bites (a misformatted BUILD file and a .bzl file
# with a lint warning, planted in tools/gates/testdata, are each rejected), then checks
# every BUILD, .bzl and WORKSPACE file of the real tree (through tree_gate.sh).
# Usage: buildifier_test.sh DIGESTS
set -uo pipefail
testdata=tools/gates/testdata
for planted in misformatted.BUILD lint_warning.bzl; do
  if out=$(/usr/bin/python3 tools/gates/buildifier_check.py --root "$testdata" "$planted" 2>&1); then
    echo "FAIL: buildifier_check accepted the planted $planted" >&2
    exit 1
  fi
  if grep -q "is not installed" <<<"$out"; then
    echo "$out" >&2
    exit 1
  fi
  echo "PASS: buildifier_check rejects $planted"
done
exec tools/gates/tree_gate.sh "$1" buildifier_check.py
