#!/usr/bin/env bash
# Shows that each static gate bites: clang-tidy (with the host flags and with the kernel's
# bare-metal flags), the clang-format check and the unsafe-boundary lint each reject the
# violations planted in tools/gates/testdata, and accept the clean control files.
# (The aspect itself: `bazel build --config=tidy //tools/gates/testdata:tidy_violation`
# must fail; Bazel cannot run inside a test, see docs/testing-gates.md.)
set -uo pipefail

testdata=tools/gates/testdata
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_finding NAME STATUS OUTPUT SUBSTRING...: the tool failed and said each SUBSTRING.
expect_finding() {
  local name=$1 status=$2 output=$3
  shift 3
  if [ "$status" -eq 0 ]; then
    fail "$name: the tool accepted the planted violation"
    echo "$output" >&2
    return
  fi
  local s
  for s in "$@"; do
    if ! grep -qF -- "$s" <<<"$output"; then
      fail "$name: no '$s' in the output:"
      echo "$output" >&2
      return
    fi
  done
  pass "$name"
}

# expect_clean NAME STATUS OUTPUT: the tool accepted the control file.
expect_clean() {
  if [ "$2" -ne 0 ]; then
    fail "$1: the tool rejected the clean control file:"
    echo "$3" >&2
  else
    pass "$1"
  fi
}

# --- clang-tidy ---------------------------------------------------------------------------
# The build's LLVM tools (KEEL_CLANG, KEEL_CLANG_TIDY, ...: platforms/local_clang.bzl).
# shellcheck disable=SC1091
source ../local_clang/llvm.env
tidy=$KEEL_CLANG_TIDY clang=$KEEL_CLANG
if [ ! -x "$tidy" ] || [ ! -x "$clang" ]; then
  fail "$tidy and $clang are needed; run tools/setup.sh"
else
  host_flags=(-std=c++23 -Wall -Wextra -Werror)
  kernel_flags=(--target=x86_64-unknown-none-elf -ffreestanding -nostdinc
    -isystem "$("$clang" -print-resource-dir)/include" -mno-red-zone -mgeneral-regs-only
    -mcmodel=kernel -fno-exceptions -fno-rtti -std=c++23 -Wall -Wextra -Werror
    -D__KEEL_KERNEL__=1)
  for config in host kernel; do
    if [ "$config" = host ]; then flags=("${host_flags[@]}"); else flags=("${kernel_flags[@]}"); fi
    out=$("$tidy" --quiet --config-file=.clang-tidy "$testdata/tidy_violation.cc" -- "${flags[@]}" 2>&1)
    expect_finding "clang-tidy ($config flags) rejects tidy_violation.cc" $? "$out" \
      "tidy_violation.cc:7:15: error: invalid case style for parameter 'Value' [readability-identifier-naming" \
      "tidy_violation.cc:10:29: error: result of integer division used in a floating point context" \
      "[bugprone-integer-division"
    out=$("$tidy" --quiet --config-file=.clang-tidy "$testdata/tidy_clean.cc" -- "${flags[@]}" 2>&1)
    expect_clean "clang-tidy ($config flags) accepts tidy_clean.cc" $? "$out"
  done
  # The coroutine checks that keep task frames from dangling (docs/async.md). The planted
  # file includes the host's <coroutine>, so it is checked with the host flags.
  out=$("$tidy" --quiet --config-file=.clang-tidy "$testdata/tidy_coroutine_violation.cc" -- \
    "${host_flags[@]}" 2>&1)
  expect_finding "clang-tidy rejects tidy_coroutine_violation.cc" $? "$out" \
    "tidy_coroutine_violation.cc:27:30: error: coroutine parameters should not be references [cppcoreguidelines-avoid-reference-coroutine-parameters" \
    "tidy_coroutine_violation.cc:34:15: error: coroutine lambda may cause use-after-free" \
    "[cppcoreguidelines-avoid-capturing-lambda-coroutines"
  out=$("$tidy" --quiet --config-file=.clang-tidy "$testdata/tidy_coroutine_clean.cc" -- \
    "${host_flags[@]}" 2>&1)
  expect_clean "clang-tidy accepts tidy_coroutine_clean.cc" $? "$out"
fi

# --- clang-format -------------------------------------------------------------------------
out=$(/usr/bin/python3 tools/gates/format_check.py --root . --style-file .clang-format \
  "$testdata/misformatted.cc" 2>&1)
expect_finding "format_check rejects misformatted.cc" $? "$out" \
  "misformatted.cc:5:4: error: code should be clang-formatted" "1 not formatted"
out=$(/usr/bin/python3 tools/gates/format_check.py --root . --style-file .clang-format \
  "$testdata/formatted.cc" "$testdata/tidy_violation.cc" "$testdata/tidy_coroutine_violation.cc" \
  "$testdata/tidy_coroutine_clean.cc" 2>&1)
expect_clean "format_check accepts formatted.cc" $? "$out"

# --- unsafe-boundary lint -----------------------------------------------------------------
# The planted tree mirrors the repository's layout (its BUILD files are named BUILD.fixture,
# so that Bazel does not load them); its expected.txt lists every violation the lint must
# report there, and nothing else (the control cases must stay silent).
out=$(/usr/bin/python3 tools/gates/unsafe_lint.py --root "$testdata/unsafe" \
  --build-file BUILD.fixture 2>/dev/null)
status=$?
if [ "$status" -eq 0 ]; then
  fail "unsafe_lint accepted the planted tree"
elif ! diff <(echo "$out") "$testdata/unsafe/expected.txt" >&2; then
  fail "unsafe_lint's findings differ from $testdata/unsafe/expected.txt (diff above)"
else
  pass "unsafe_lint reports exactly the $(wc -l <"$testdata/unsafe/expected.txt") planted violations"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all gates bite"
