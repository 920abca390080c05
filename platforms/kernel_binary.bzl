"""Moves a kernel target onto the x86_64 bare-metal platform.

`kernel_binary` wraps a `cc_binary` built for `//platforms:x86_64_bare_metal` through a
configuration transition, so a plain `bazel build //...` on the host builds the kernel
ELF with the bare-metal toolchain and no `--platforms` flag.
"""

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
    ctx.actions.symlink(output = out, target_file = binary)
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
    },
)
