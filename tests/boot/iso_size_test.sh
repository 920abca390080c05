#!/bin/bash
# The GRUB ISO stays trimmed: under 2 MiB (no locales, fonts, themes or unused modules).
set -u
iso=$1
limit=$((2 * 1024 * 1024))
size=$(stat -L -c %s "$iso")
if [ "$size" -ge "$limit" ]; then
  echo "FAIL: $iso is $size bytes; the limit is $limit" >&2
  exit 1
fi
echo "ok: $iso is $size bytes (limit $limit)"
