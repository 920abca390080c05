#!/bin/bash
# Checks what a package's kernel build (its :kernel_build_test) needs from outside libk.
# Kernels link libk, the mem routines of //libk/std and the runtime of the compiler's
# checks, and nothing of libc++'s runtime library: a symbol from there (std::nothrow is an
# object defined in it) compiles, and only the link of the kernel that uses it would fail.
#
# Usage: kernel_symbols_test.sh PACKAGE MIN_ARCHIVES [EXTRA_ALLOWED_REGEX]
#   PACKAGE       the package whose archives, its subpackages' included (lib*.a, and lib*.lo
#                 of alwayslink libraries, in the runfiles), are checked
#   MIN_ARCHIVES  how many archives its kernel build must have produced at least
#   EXTRA_ALLOWED what else it may need (an ERE matched against whole mangled names)
set -euo pipefail
package="$1"
min_archives="$2"
extra="${3:-}"
archives=()
while IFS= read -r archive; do
  archives+=("${archive}")
done < <(find -L "${TEST_SRCDIR}" -path "*/${package}/*" \( -name "lib*.a" -o -name "lib*.lo" \) | sort)
if [[ ${#archives[@]} -lt ${min_archives} ]]; then
  echo "FAIL: expected at least ${min_archives} archives of ${package}, found:" >&2
  printf '  %s\n' "${archives[@]}" >&2
  exit 1
fi
# libk's own symbols (namespace libk, its vtables), the mem routines, the stack protector's
# guard and failure handler (kernel/stack_protector) and the aborting UBSan handlers
# (kernel/ubsan), which every kernel links.
allowed='_ZN4libk.*|_ZNK4libk.*|_ZTVN4libk.*|mem(cpy|move|set|cmp|chr)|__stack_chk_(fail|guard)|__ubsan_handle_[a-z0-9_]+_abort|__ubsan_handle_builtin_unreachable'
if [[ -n "${extra}" ]]; then
  allowed="${allowed}|${extra}"
fi
outside=$(nm --undefined-only --format=just-symbols "${archives[@]}" | grep -v ':$' | sort -u |
  grep -Ev "^(${allowed})$" || true)
if [[ -n "${outside}" ]]; then
  echo "FAIL: ${package} needs symbols that a kernel does not define:" >&2
  while IFS= read -r symbol; do
    echo "  ${symbol}  ($(c++filt "${symbol}"))" >&2
  done <<<"${outside}"
  exit 1
fi
echo "PASS: ${#archives[@]} archives of ${package} need nothing a kernel lacks"
