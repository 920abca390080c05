#!/bin/bash
# Checks that the kernel's memcpy/memmove/memset/memcmp/memchr (libmem_runtime.lo, built for bare
# metal by :kernel_build_test) do not call any of those functions: a byte loop that the
# compiler turned back into a call to itself would recurse forever in the kernel.
set -euo pipefail
archive=$(find -L "${TEST_SRCDIR}" -name 'libmem_runtime.lo' | head -n1)
if [[ -z "${archive}" ]]; then
  echo "FAIL: libmem_runtime.lo not found in the runfiles" >&2
  exit 1
fi
defined=$(nm --defined-only "${archive}" | awk '{print $3}')
for symbol in memcpy memmove memset memcmp memchr __cxa_pure_virtual; do
  if ! grep -qx "${symbol}" <<<"${defined}"; then
    echo "FAIL: ${symbol} is not defined by ${archive}" >&2
    exit 1
  fi
done
# A call from one of them to another (or to itself) shows up as a relocation in code against
# the callee's symbol, whether or not that symbol is defined in the same archive.
calls=$(objdump -r "${archive}" | awk '
  /^RELOCATION RECORDS FOR/ { code = ($4 ~ /^\[\.text/) }
  code && $3 ~ /^(memcpy|memmove|memset|memcmp|memchr)([-+]|$)/ { print }')
if [[ -n "${calls}" ]]; then
  echo "FAIL: the memory runtime calls a memory runtime function:" >&2
  echo "${calls}" >&2
  exit 1
fi
echo "PASS: ${archive#"${TEST_SRCDIR}"/} defines the memory runtime without calling it"
