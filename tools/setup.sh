#!/usr/bin/env bash
# Installs every Debian package keel needs to build, boot and test the kernel.
# Idempotent: packages already present are left alone, and a second run changes nothing.
set -euo pipefail

# The LLVM major version comes from the one line of .bazelrc that names it (CC=clang-N).
llvm=$(sed -n 's/^build --repo_env=CC=clang-\([0-9][0-9]*\)$/\1/p' "$(dirname "$0")/../.bazelrc")
[ -n "$llvm" ] || { echo "setup: error: .bazelrc names no LLVM version (build --repo_env=CC=clang-N)" >&2; exit 1; }

packages=(
  # Build system (Debian's Bazel 4.2.3 and the platforms repository it uses).
  bazel-bootstrap bazel-platforms
  # Compilers, linker, binary tools, analysis tools, the sanitizer and fuzzer runtimes,
  # and libc++'s headers, all of one LLVM version.
  "clang-$llvm" "lld-$llvm" "llvm-$llvm" "clang-tidy-$llvm" "clang-format-$llvm"
  "clangd-$llvm" "libclang-rt-$llvm-dev" "libc++-$llvm-dev" "libc++abi-$llvm-dev" g++
  # The debugger, for the debug-information test and for people.
  gdb
  # Booting: GRUB's BIOS modules, the ISO builder and QEMU.
  grub-pc-bin grub-common xorriso mtools qemu-system-x86
  # Host test and benchmark libraries.
  librapidcheck-dev libabsl-dev libbenchmark-dev libgtest-dev
  # Used by the test runners and tools (npm installs buildifier, see below).
  python3 binutils file iproute2 util-linux
)

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 \
  || die "this script needs a Debian-based system with apt-get and dpkg (Debian 12 is supported)."

# npm (for buildifier) may come from Debian or from a Node.js installed otherwise.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

install_buildifier() {
  # buildifier (BUILD file formatter and linter) is not packaged by Debian; its npm
  # package ships the binary. Idempotent as well.
  bash "$(dirname "$0")/gates/install_buildifier.sh"
}

if [ ${#missing[@]} -eq 0 ]; then
  say "all ${#packages[@]} Debian packages are already installed."
  install_buildifier
  exit 0
fi

say "missing packages: ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "not root and sudo is not available; run as root or install: ${missing[*]}"
  sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
say "updating the package lists (apt-get update)..."
"${sudo[@]}" apt-get update -q >/dev/null || die "apt-get update failed; check the package sources."
say "installing ${#missing[@]} package(s)..."
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" \
  || die "apt-get install failed for: ${missing[*]}"
install_buildifier
say "done."
