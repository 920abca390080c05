#!/bin/bash
# Runs compile_fail_test and kernel_link_fail_test targets that must FAIL and checks that
# they do.
status=0
for t in "$@"; do
  if "$t" >/dev/null 2>&1; then
    echo "FAIL: $t passed, but its snippet does not fail with the expected diagnostic" >&2
    status=1
  else
    echo "ok: $t fails as it should"
  fi
done
exit $status
