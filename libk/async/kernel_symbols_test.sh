#!/bin/bash
# Checks what libk/async, built for the kernel by :kernel_build_test, needs from outside
# libk: only the heap's operator new (the nothrow form) and operator delete, which a kernel
# with a heap defines, and the runtime of the compiler's checks, which every kernel links. Anything else -- the libc++ runtime library (std::nothrow is an
# object defined there), libatomic, other C++ ABI functions -- is not linked into kernels,
# so a kernel that spawns tasks would fail to link.
set -euo pipefail
archives=()
while IFS= read -r archive; do
  archives+=("${archive}")
done < <(find -L "${TEST_SRCDIR}" -path '*libk/async*' -name 'lib*.a' | sort)
if [[ ${#archives[@]} -lt 3 ]]; then
  echo "FAIL: expected the archives of :kernel_instantiations, :core and :slots, found:" >&2
  printf '  %s\n' "${archives[@]}" >&2
  exit 1
fi
# libk's own symbols (namespace libk, its vtables), the mem routines of //libk/std, the
# heap's functions: operator new(size_t, const nothrow_t&), operator delete(void*[, size_t]),
# and what every kernel links from the runtime layer for the compiler's checks: the stack
# protector's guard and failure handler (kernel/stack_protector) and the aborting UBSan
# handlers (kernel/ubsan).
allowed='^(_ZN4libk|_ZNK4libk|_ZTVN4libk|_ZnwmRKSt9nothrow_t$|_ZdlPv$|_ZdlPvm$|mem(cpy|move|set|cmp|chr)$|__stack_chk_(fail|guard)$|__ubsan_handle_[a-z0-9_]+_abort$|__ubsan_handle_builtin_unreachable$)'
outside=$(nm --undefined-only --format=just-symbols "${archives[@]}" | grep -v ':$' | sort -u |
  grep -Ev "${allowed}" || true)
if [[ -n "${outside}" ]]; then
  echo "FAIL: libk/async needs symbols that a kernel does not define:" >&2
  while IFS= read -r symbol; do
    echo "  ${symbol}  ($(c++filt "${symbol}"))" >&2
  done <<<"${outside}"
  exit 1
fi
echo "PASS: ${#archives[@]} archives need nothing from outside libk but operator new and delete"
