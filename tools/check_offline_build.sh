#!/usr/bin/env bash
# Proves that keel builds with no network at all and nothing cached: a copy of the source
# tree (the files git knows, committed or not) built with a fresh Bazel output base (the
# same as after `bazel clean --expunge`) inside a network namespace with only loopback.
# Usage: tools/check_offline_build.sh [targets...]   (default //...)
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(//...)
command -v unshare >/dev/null || { echo "check_offline_build: unshare missing (util-linux)" >&2; exit 1; }
work=$(mktemp -d /tmp/keel-offline.XXXXXX)
out="$work/output_base"
trap '(cd "$work/src" 2>/dev/null && bazel --output_base="$out" shutdown >/dev/null 2>&1) || true; rm -rf "$work"' EXIT
mkdir -p "$work/src"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -xf - -C "$work/src"
cd "$work/src"
echo "check_offline_build: building ${targets[*]} from scratch with the network unreachable..."
unshare --net bash -c '
  set -euo pipefail
  ip link set lo up 2>/dev/null || true
  if getent hosts example.org >/dev/null 2>&1 && timeout 5 bash -c "</dev/tcp/93.184.216.34/80" 2>/dev/null; then
    echo "check_offline_build: the network is still reachable; the check would prove nothing" >&2
    exit 1
  fi
  bazel --output_base="$0" build "${@}"
  bazel --output_base="$0" shutdown
' "$out" "${targets[@]}"
echo "check_offline_build: ok: a clean build succeeded offline"
