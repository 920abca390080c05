#!/bin/bash
# Kernel ELFs are debuggable: gdb resolves a function to its source file and line (DWARF
# line information survives the link), and functions keep frame pointers (they start with
# push %rbp; mov %rsp,%rbp). Usage: debug_info_test.sh ELF FUNCTION SOURCE [ELF FUNCTION SOURCE]...
# For each triple, `info line FUNCTION` in ELF must name SOURCE and a line of SOURCE that
# defines FUNCTION's unqualified name.
set -u
command -v gdb >/dev/null || { echo "FAIL: gdb is missing (Debian package gdb; run tools/setup.sh)" >&2; exit 1; }
status=0
while [ $# -ge 3 ]; do
  elf=$1 function=$2 source=$3
  shift 3
  out=$(gdb -nx -batch -ex "info line $function" "$elf" 2>&1)
  line=$(sed -n "s|^Line \([0-9][0-9]*\) of \"$source\" starts at address.*|\1|p" <<<"$out" | head -1)
  address=$(sed -n "s|^Line [0-9]* of \"$source\" starts at address \(0x[0-9a-f]*\).*|\1|p" <<<"$out" | head -1)
  if [ -z "$line" ] || [ -z "$address" ]; then
    echo "FAIL: gdb does not resolve $function in $elf to $source:<line>:" >&2
    echo "$out" >&2
    status=1
    continue
  fi
  name=${function##*::}
  if ! sed -n "${line}p" "$source" | grep -q "\\b$name("; then
    echo "FAIL: $source:$line does not define $name: '$(sed -n "${line}p" "$source")'" >&2
    status=1
    continue
  fi
  out=$(gdb -nx -batch -ex "x/2i $address" "$elf" 2>&1)
  if ! grep -qE 'push +%rbp' <<<"$out" || ! grep -qE 'mov +%rsp,%rbp' <<<"$out"; then
    echo "FAIL: $function in $elf does not start with a frame-pointer prologue:" >&2
    echo "$out" >&2
    status=1
    continue
  fi
  echo "ok: $elf: $function is $source:$line, with a frame pointer"
done
exit $status
