#!/usr/bin/python3
"""Writes compile_commands.json at the workspace root, for clangd and other clang tools.

Usage: tools/compile_commands.py [BAZEL_FLAGS...]

Asks Bazel for the C++ compile actions of everything under //... (`bazel aquery
'mnemonic("CppCompile", deps(//...))'`), including the kernel sources reached through
kernel_binary's transition to the bare-metal platform. For each C++ source it writes one
entry whose directory is the workspace root and whose arguments are the compile command
of that action, with:
  - assembly (.S) and external repositories' sources left out;
  - Bazel's reproducibility flags (-D__DATE__="redacted", ...) and dependency-file flags
    (-MD -MF ...) dropped;
  - paths into external repositories (external/...) made absolute through the execution
    root, so they resolve from the workspace root; bazel-out/... resolves through the
    workspace's bazel-out symlink.
A source compiled both for the kernel and for the host gets the kernel's command (the
stricter, freestanding view). Build once first (`bazel build //...`) so that generated
headers exist. Extra arguments are passed to `bazel aquery` (e.g. --config=asan).
"""

import json
import os
import subprocess
import sys

QUERY = 'mnemonic("CppCompile", deps(set(//...) except attr("tags", "manual", //...)))'
CXX_SOURCES = (".cc", ".cpp", ".cxx", ".c")
DROPPED_PREFIXES = ("-D__DATE__=", "-D__TIMESTAMP__=", "-D__TIME__=", "-frandom-seed=")
DROPPED_WITH_VALUE = ("-MF", "-MT", "-MQ")
DROPPED = ("-MD", "-MMD")
KERNEL_TARGET = "--target=x86_64-unknown-none-elf"


def bazel(workspace, *args):
    return subprocess.run(["bazel"] + list(args), cwd=workspace, check=True,
                          capture_output=True, text=True).stdout


def clean_arguments(arguments, execution_root):
    """Returns `arguments` without the dropped flags, external/ paths made absolute."""
    result = []
    skip_next = False
    for arg in arguments:
        if skip_next:
            skip_next = False
            continue
        if arg in DROPPED_WITH_VALUE:
            skip_next = True
            continue
        if arg in DROPPED or arg.startswith(DROPPED_PREFIXES):
            continue
        if arg.startswith("external/") or arg.startswith("bazel-out/") and "/external/" in arg:
            arg = os.path.join(execution_root, arg)
        result.append(arg)
    return result


def source_of(arguments):
    if "-c" in arguments:
        index = arguments.index("-c")
        if index + 1 < len(arguments):
            return arguments[index + 1]
    return None


def main(argv):
    workspace = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    execution_root = bazel(workspace, "info", "execution_root").strip()
    output = bazel(workspace, "aquery", QUERY, "--output=jsonproto", *argv[1:])
    actions = json.loads(output).get("actions", [])
    entries = {}
    for action in actions:
        arguments = action.get("arguments", [])
        source = source_of(arguments)
        if not source or not source.endswith(CXX_SOURCES) or source.startswith("external/"):
            continue
        entry = {
            "directory": workspace,
            "file": source,
            "arguments": clean_arguments(arguments, execution_root),
        }
        previous = entries.get(source)
        if previous is None or (KERNEL_TARGET in entry["arguments"]
                                and KERNEL_TARGET not in previous["arguments"]):
            entries[source] = entry
    path = os.path.join(workspace, "compile_commands.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump([entries[k] for k in sorted(entries)], f, indent=2)
        f.write("\n")
    kernel = sum(1 for e in entries.values() if KERNEL_TARGET in e["arguments"])
    print("compile_commands: wrote %d entries (%d kernel, %d host) to %s" %
          (len(entries), kernel, len(entries) - kernel, path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
