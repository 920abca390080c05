"""Moves a kernel target onto the x86_64 bare-metal platform.

`kernel_binary` wraps a `cc_binary` built for `//platforms:x86_64_bare_metal` through a
configuration transition, so a plain `bazel build //...` on the host builds the kernel
ELF with the bare-metal toolchain and no `--platforms` flag. The ELF is checked on the way:
one that holds floating-point or vector instructions fails the build (check_no_fp.py).
"""

load("@local_clang//:paths.bzl", "LLVM_OBJDUMP")

# Host-only command-line flags (--config=asan's sanitizers, for example) must not reach
# kernel code: the bare-metal toolchain carries every flag the kernel needs itself.
_RESET_FLAGS = [
    "//command_line_option:copt",
    "//command_line_option:cxxopt",
    "//command_line_option:conlyopt",
    "//command_line_option:linkopt",
]

def _bare_metal_transition_impl(_settings, _attr):
    result = {"//command_line_option:platforms": "//platforms:x86_64_bare_metal"}
    for flag in _RESET_FLAGS:
        result[flag] = []
    return result

bare_metal_transition = transition(
    implementation = _bare_metal_transition_impl,
    inputs = [],
    outputs = ["//command_line_option:platforms"] + _RESET_FLAGS,
)

def _kernel_binary_impl(ctx):
    binary = ctx.attr.binary[0][DefaultInfo].files_to_run.executable
    out = ctx.actions.declare_file(ctx.label.name + ".elf")
    ctx.actions.run_shell(
        inputs = [binary, ctx.file._check_no_fp],
        outputs = [out],
        arguments = [ctx.file._check_no_fp.path, LLVM_OBJDUMP, binary.path, out.path],
        command = 'python3 "$1" "$2" "$3" && cp "$3" "$4"',
        mnemonic = "CheckNoFp",
        progress_message = "Checking %s for floating-point instructions" % ctx.label,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

kernel_binary = rule(
    implementation = _kernel_binary_impl,
    doc = "The ELF of `binary`, built for the bare-metal platform.",
    attrs = {
        "binary": attr.label(
            mandatory = True,
            cfg = bare_metal_transition,
            doc = "A cc_binary whose target_compatible_with names @platforms//os:none.",
        ),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
        "_check_no_fp": attr.label(
            default = "//platforms:check_no_fp.py",
            allow_single_file = True,
        ),
    },
)
