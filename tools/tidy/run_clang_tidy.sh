#!/usr/bin/env bash
# Runs clang-tidy on one file for the clang_tidy aspect and writes the marker file when it
# is clean. Usage: run_clang_tidy.sh MARKER FILE -- COMPILE_FLAGS...
# clang-tidy reads the .clang-tidy nearest to FILE (the aspect makes all of them inputs).
# The findings are printed only when there are some; a clean run prints nothing.
set -euo pipefail
tidy=$1 marker=$2 file=$3
shift 3
if [ ! -x "$tidy" ]; then
  echo "$tidy is not installed; run tools/setup.sh" >&2
  exit 1
fi
log="$marker.log"
mkdir -p "$(dirname "$marker")"
if "$tidy" --quiet --warnings-as-errors='*' "$file" "$@" >"$log" 2>&1; then
  rm -f "$log"
  : >"$marker"
else
  status=$?
  # Drop the "N warnings generated." noise and the sandbox's path prefix.
  grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$' "$log" \
    | sed -e "s|$PWD/\(\./\)\{0,1\}||g" >&2 || true
  rm -f "$log"
  exit "$status"
fi
