"""`layering_test`: fails when a package depends on a layer above its own.

    layering_test(
        name = "layering_test",
        layers = [                       # lowest first
            "drivers: //kernel/drivers/... //kernel/qemu",
            "console: //kernel/console",
            ...
        ],
        base = ["//libk/", "@"],        # label prefixes every layer may use
        allowed = {"main": ["//boot:boot"]},
        host_roots = ["//kernel", "//kernel/time:tick_rate_test"],
        kernel_roots = ["//kernel/testing:test_main"],
    )

An aspect walks `deps` (and `binary`, through kernel_binary's transition, and `elf`, from a
symbolized kernel to the ELF it fills in) from the roots, recording for each target its
label, its direct dependencies and its source files. The test
(tools/layering/check_layers.py) then checks every target of a layered package:
  - each direct dependency is in the same or a lower layer, or in `base`, or in
    `allowed` for that layer;
  - each `#include "..."` of its files names a header of such a target (so a header that
    is only reachable through some other dependency is caught too);
  - no two packages of the layers depend on each other (no package cycle);
  - every package named exactly in `layers` is reached from the roots (a `/...` pattern
    may match nothing yet: it reserves a place for packages to come).
`kernel_roots` are analysed for the bare-metal platform (kernel-only libraries),
`host_roots` for the host (tests, and kernel images, which move themselves).

Everything the check reads is an input of the test, so Bazel caches its result until a
BUILD file or a source file of a reached target changes. With `expect_violations`, the
test passes only if the checker fails with exactly that output (for planted violations).
"""

load("//platforms:kernel_binary.bzl", "bare_metal_transition")

LayeringInfo = provider(
    doc = "The targets reached by layering_aspect, as JSON lines, and their source files.",
    fields = ["targets", "files"],
)

# The attributes that lead from a root to the code it is built from: a library's deps, a
# kernel_binary's binary, a symbolized_kernel's elf (the `kernel_image` a root names).
_ATTRS = ["deps", "binary", "elf"]

def _labels(value):
    if value == None:
        return []
    if type(value) != "list":
        value = [value]
    return value

def _layering_aspect_impl(_target, ctx):
    transitive_targets, transitive_files = [], []
    deps = []
    for attr in _ATTRS:
        for dep in _labels(getattr(ctx.rule.attr, attr, None)):
            deps.append(str(dep.label))
            if LayeringInfo in dep:
                transitive_targets.append(dep[LayeringInfo].targets)
                transitive_files.append(dep[LayeringInfo].files)
    if ctx.label.workspace_root != "":
        return [LayeringInfo(targets = depset(), files = depset())]
    files, headers = [], []
    for attr in ["srcs", "hdrs", "textual_hdrs"]:
        for f in getattr(ctx.rule.files, attr, []):
            if f.is_source and f.owner.workspace_root == "":
                files.append(f)
                if attr != "srcs":
                    headers.append(f.short_path)
    record = json.encode({
        "deps": deps,
        "files": [f.short_path for f in files],
        "headers": headers,
        "label": str(ctx.label),
    })
    return [LayeringInfo(
        targets = depset([record], transitive = transitive_targets),
        files = depset(files, transitive = transitive_files),
    )]

layering_aspect = aspect(
    implementation = _layering_aspect_impl,
    attr_aspects = _ATTRS,
)

def _layering_test_impl(ctx):
    roots = ctx.attr.host_roots + ctx.attr.kernel_roots
    targets = depset(transitive = [r[LayeringInfo].targets for r in roots]).to_list()
    files = depset(transitive = [r[LayeringInfo].files for r in roots])
    graph = ctx.actions.declare_file(ctx.label.name + ".graph.json")
    ctx.actions.write(graph, "[\n" + ",\n".join(targets) + "\n]\n")
    config = ctx.actions.declare_file(ctx.label.name + ".layers.json")
    ctx.actions.write(config, json.encode({
        "allowed": ctx.attr.allowed,
        "base": ctx.attr.base,
        "layers": ctx.attr.layers,
    }))
    args = [ctx.file._checker.short_path, graph.short_path, config.short_path]
    runfiles = [ctx.file._checker, graph, config]
    if ctx.file.expect_violations:
        args.append(ctx.file.expect_violations.short_path)
        runfiles.append(ctx.file.expect_violations)
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(
        script,
        "#!/bin/bash\nexec /usr/bin/python3 %s\n" % " ".join(args),
        is_executable = True,
    )
    return [DefaultInfo(
        executable = script,
        runfiles = ctx.runfiles(files = runfiles, transitive_files = files),
    )]

layering_test = rule(
    implementation = _layering_test_impl,
    test = True,
    doc = "Checks that the packages of `layers` depend only downwards.",
    attrs = {
        "allowed": attr.string_list_dict(
            doc = "Per layer name, more label prefixes that layer may depend on.",
        ),
        "base": attr.string_list(
            mandatory = True,
            doc = "Label prefixes every layer may depend on (the libraries below them all).",
        ),
        "expect_violations": attr.label(
            allow_single_file = True,
            doc = "The exact checker output expected from planted violations.",
        ),
        "host_roots": attr.label_list(aspects = [layering_aspect]),
        "kernel_roots": attr.label_list(
            aspects = [layering_aspect],
            cfg = bare_metal_transition,
        ),
        "layers": attr.string_list(
            mandatory = True,
            doc = "\"name: pattern...\", lowest layer first; a pattern is //pkg or //pkg/...",
        ),
        "_allowlist_function_transition": attr.label(
            default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
        ),
        "_checker": attr.label(
            default = "//tools/layering:check_layers.py",
            allow_single_file = True,
        ),
    },
)
