#!/bin/bash
# The built kernel ELF must be accepted by GRUB as a multiboot2 kernel, and a plain ELF
# without the header must be rejected (so the check itself can fail).
set -u
kernel=$1
not_multiboot=$2
command -v grub-file >/dev/null || { echo "grub-file missing (Debian package grub-common)" >&2; exit 1; }
if ! grub-file --is-x86-multiboot2 "$kernel"; then
  echo "FAIL: grub-file does not accept $kernel as a multiboot2 kernel" >&2
  exit 1
fi
echo "ok: $kernel is a multiboot2 kernel"
if grub-file --is-x86-multiboot2 "$not_multiboot"; then
  echo "FAIL: grub-file accepts $not_multiboot, which has no multiboot2 header" >&2
  exit 1
fi
echo "ok: $not_multiboot (no header) is rejected"
