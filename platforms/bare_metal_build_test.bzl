"""`bare_metal_build_test`: a test that passes when its targets build for the kernel.

    bare_metal_build_test(
        name = "freestanding_checks_build_test",
        targets = [":freestanding_checks"],
    )

The targets are built for `//platforms:x86_64_bare_metal` through the same transition as
`kernel_binary`, so a plain `bazel test //...` compiles kernel-only libraries (and the
static_asserts in them) with the bare-metal toolchain. If any of them fails to build, the
test fails to build; the test itself only lists what was built.
"""

load("//platforms:kernel_binary.bzl", "bare_metal_transition")

def _bare_metal_build_test_impl(ctx):
    files = depset(transitive = [target[DefaultInfo].files for target in ctx.attr.targets])
    lines = ["#!/bin/bash", "echo 'Built for x86_64 bare metal:'"]
    lines.extend(["echo '  %s'" % f.short_path for f in files.to_list()])
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(output = script, content = "\n".join(lines) + "\n", is_executable = True)
    return [DefaultInfo(executable = script, runfiles = ctx.runfiles(transitive_files = files))]

bare_metal_build_test = rule(
    implementation = _bare_metal_build_test_impl,
    test = True,
    doc = "Passes when every target in `targets` builds for the bare-metal platform.",
    attrs = {
        "targets": attr.label_list(
            mandatory = True,
            allow_empty = False,
            cfg = bare_metal_transition,
            doc = "Targets (usually kernel-only cc_library) that produce files when built.",
        ),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
    },
)
