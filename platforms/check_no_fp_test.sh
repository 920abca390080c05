#!/bin/bash
# Shows that check_no_fp.py (run by kernel_binary on every kernel ELF) passes the kernel and
# integer code, and rejects planted x87 and SSE code compiled with the kernel's flags.
set -uo pipefail
source "$1"  # llvm.env: KEEL_LLVM_OBJDUMP
check=$2
kernel=$3
find_archive() {
  local path
  path=$(find -L "${TEST_SRCDIR}" -name "lib$1.a" | head -n1)
  [[ -n "${path}" ]] || { echo "FAIL: lib$1.a not found in the runfiles" >&2; exit 1; }
  echo "${path}"
}
status=0
expect_pass() {
  if python3 "${check}" "${KEEL_LLVM_OBJDUMP}" "$1"; then
    echo "ok: $2 passes"
  else
    echo "FAIL: $2 must pass the check" >&2
    status=1
  fi
}
expect_reject() {
  local output
  if output=$(python3 "${check}" "${KEEL_LLVM_OBJDUMP}" "$1" 2>&1); then
    echo "FAIL: $2 must be rejected" >&2
    status=1
  elif ! grep -qE "$3" <<<"${output}"; then
    echo "FAIL: $2 was rejected without naming /$3/:" >&2
    echo "${output}" >&2
    status=1
  else
    echo "ok: $2 is rejected:"
    sed 's/^/    /' <<<"${output}" | head -n4
  fi
}
expect_pass "${kernel}" "the kernel ELF"
expect_pass "$(find_archive integer_only)" "integer code"
expect_reject "$(find_archive uses_x87)" "x87 arithmetic" 'in _Z18ScaleByOneAndAHalfi: f(ild|mul)'
expect_reject "$(find_archive uses_sse)" "SSE arithmetic" 'in _Z18ScaleByOneAndAHalfi: .*%xmm'
exit "${status}"
