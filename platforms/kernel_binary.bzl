"""Moves a kernel target onto the x86_64 bare-metal platform.

`kernel_binary` wraps a `cc_binary` built for `//platforms:x86_64_bare_metal` through a
configuration transition, so a plain `bazel build //...` on the host builds the kernel
ELF with the bare-metal toolchain and no `--platforms` flag.
"""

def _without_sanitizers(flags):
    return [f for f in flags if not (f.startswith("-fsanitize") or f.startswith("-fno-sanitize"))]

def _bare_metal_transition_impl(settings, _attr):
    # The host's sanitizers (--config=asan) need a hosted runtime: drop them for the kernel.
    return {
        "//command_line_option:platforms": "//platforms:x86_64_bare_metal",
        "//command_line_option:copt": _without_sanitizers(settings["//command_line_option:copt"]),
        "//command_line_option:linkopt": _without_sanitizers(
            settings["//command_line_option:linkopt"],
        ),
    }

bare_metal_transition = transition(
    implementation = _bare_metal_transition_impl,
    inputs = ["//command_line_option:copt", "//command_line_option:linkopt"],
    outputs = [
        "//command_line_option:platforms",
        "//command_line_option:copt",
        "//command_line_option:linkopt",
    ],
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
