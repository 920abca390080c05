#!/usr/bin/env bash
# Installs buildifier (the BUILD/.bzl formatter and linter) from the npm package
# @bazel/buildifier, which ships the prebuilt binaries inside the package: npm downloads
# nothing else and runs no install script. Idempotent; run as root (or with sudo), like
# tools/setup.sh. Needs node and npm (Debian packages nodejs, npm).
#
# The version is pinned: buildifier's lint rules change between releases, and 6.4.0 is the
# last release whose rules do not assume Bazel 7+ (rules_shell, cc rules out of Bazel).
set -euo pipefail

version=6.4.0
prefix=/opt/keel/buildifier
link=/usr/local/bin/buildifier

say() { printf 'install_buildifier: %s\n' "$*"; }
die() { printf 'install_buildifier: error: %s\n' "$*" >&2; exit 1; }

installed_version() {
  "$1" --version 2>/dev/null | sed -n 's/^buildifier version: \([^ ]*\).*/\1/p'
}

if [ -x "$link" ] && [ "$(installed_version "$link")" = "$version" ]; then
  say "buildifier $version is already installed at $link; nothing to do."
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) binary=buildifier-linux_amd64 ;;
  Linux-aarch64) binary=buildifier-linux_arm64 ;;
  *) die "no prebuilt buildifier for $(uname -s)-$(uname -m) in the npm package." ;;
esac

command -v npm >/dev/null 2>&1 || die "npm is missing; install it with: apt-get install npm"

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "not root and sudo is not available."
  sudo=(sudo)
fi

say "installing @bazel/buildifier@$version into $prefix ..."
"${sudo[@]}" mkdir -p "$prefix"
"${sudo[@]}" npm install --prefix "$prefix" --no-save --no-audit --no-fund --ignore-scripts \
  --loglevel=error "@bazel/buildifier@$version" >/dev/null \
  || die "npm install @bazel/buildifier@$version failed."
target="$prefix/node_modules/@bazel/buildifier/$binary"
[ -x "$target" ] || die "the package has no $binary."
[ "$(installed_version "$target")" = "$version" ] || die "$target does not run."
"${sudo[@]}" ln -sfn "$target" "$link"
say "installed buildifier $version at $link."
