"""`clang_tidy_aspect`: runs clang-tidy on every C++ source and header of keel.

    bazel build --config=tidy //...

(`.bazelrc`: `--aspects=//tools/tidy:clang_tidy.bzl%clang_tidy_aspect
--output_groups=clang_tidy`) fails on any finding: `.clang-tidy` makes every warning an
error, and the action passes `--warnings-as-errors=*` too.

Each `.cc` in `srcs` and each `.h` in `srcs`/`hdrs` of a cc_library, cc_binary or cc_test
is checked with the command line a compile action of that target would get in its own
configuration: the toolchain's flags for C++ compiles (bare-metal flags for kernel code,
host flags for tests), `--copt`/`--cxxopt`, the target's `copts`, and the include paths
and defines of its CcInfo. The aspect follows `deps`, the `binary` attribute of
`kernel_binary` and the `elf` attribute of `symbolized_kernel` (what a `kernel_image`
names), so kernel code reached through the bare-metal transition is analysed with the
bare-metal flags. External repositories and third_party/ are skipped; `.S`
files and compile-fail snippets are not C++ sources of a cc rule and are not checked.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "CPP_COMPILE_ACTION_NAME")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")
load("@local_clang//:paths.bzl", "CLANG_TIDY")

_CC_RULES = ["cc_library", "cc_binary", "cc_test"]
_SOURCE_EXTENSIONS = ["cc", "cpp", "cxx"]
_HEADER_EXTENSIONS = ["h", "hh", "hpp"]

# The attributes that lead to the code a target is built from.
_FOLLOWED_ATTRS = ["deps", "binary", "elf"]

def _targets(value):
    """Returns the targets behind an attribute value (a target, a list, or None)."""
    if value == None:
        return []
    if type(value) == "list":
        return value
    return [value]

def _transitive_outputs(ctx):
    """Returns the clang_tidy output groups of the targets this one depends on."""
    outputs = []
    for attr in _FOLLOWED_ATTRS:
        for dep in _targets(getattr(ctx.rule.attr, attr, None)):
            if OutputGroupInfo in dep and hasattr(dep[OutputGroupInfo], "clang_tidy"):
                outputs.append(dep[OutputGroupInfo].clang_tidy)
    return outputs

def _skipped(label):
    return label.workspace_root != "" or label.package == "third_party" or \
           label.package.startswith("third_party/")

def _compile_flags(ctx, cc_toolchain, compilation_context):
    """Returns the flags of a C++ compile action of the current target.

    The tool, the source and the output are left out: clang-tidy adds its own.
    """
    feature_configuration = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    user_flags = ctx.fragments.cpp.copts + ctx.fragments.cpp.cxxopts + \
                 getattr(ctx.rule.attr, "copts", [])
    defines = depset(
        getattr(ctx.rule.attr, "local_defines", []),
        transitive = [compilation_context.defines, compilation_context.local_defines] if hasattr(compilation_context, "local_defines") else [compilation_context.defines],
    )
    variables = cc_common.create_compile_variables(
        feature_configuration = feature_configuration,
        cc_toolchain = cc_toolchain,
        user_compile_flags = user_flags,
        include_directories = compilation_context.includes,
        quote_include_directories = compilation_context.quote_includes,
        system_include_directories = compilation_context.system_includes,
        framework_include_directories = compilation_context.framework_includes,
        preprocessor_defines = defines,
    )
    return cc_common.get_memory_inefficient_command_line(
        feature_configuration = feature_configuration,
        action_name = CPP_COMPILE_ACTION_NAME,
        variables = variables,
    )

def _clang_tidy_aspect_impl(target, ctx):
    transitive = _transitive_outputs(ctx)
    if _skipped(ctx.label) or ctx.rule.kind not in _CC_RULES or CcInfo not in target:
        return [OutputGroupInfo(clang_tidy = depset(transitive = transitive))]

    files = []
    for attr in ["srcs", "hdrs"]:
        for f in getattr(ctx.rule.files, attr, []):
            if not f.is_source:
                continue
            if f.extension in _SOURCE_EXTENSIONS or f.extension in _HEADER_EXTENSIONS:
                files.append(f)
    if not files:
        return [OutputGroupInfo(clang_tidy = depset(transitive = transitive))]

    cc_toolchain = find_cpp_toolchain(ctx)
    compilation_context = target[CcInfo].compilation_context
    flags = _compile_flags(ctx, cc_toolchain, compilation_context)
    private_headers = [f for f in getattr(ctx.rule.files, "srcs", []) if f.extension in _HEADER_EXTENSIONS]
    inputs = depset(
        ctx.files._configs + private_headers,
        transitive = [compilation_context.headers, cc_toolchain.all_files],
    )

    markers = []
    for f in files:
        marker = ctx.actions.declare_file("%s.clang_tidy/%s.ok" % (ctx.label.name, f.short_path))
        args = ctx.actions.args()
        args.add(CLANG_TIDY)
        args.add(marker)
        args.add(f)
        args.add("--")
        if f.extension in _HEADER_EXTENSIONS:
            # A header is checked on its own as C++ (-x c++-header would make clang-tidy
            # build a precompiled header and drop the flags).
            args.add_all(["-x", "c++", "-Wno-pragma-once-outside-header"])
        args.add_all(flags)
        ctx.actions.run(
            executable = ctx.executable._clang_tidy_runner,
            arguments = [args],
            inputs = depset([f], transitive = [inputs]),
            outputs = [marker],
            mnemonic = "ClangTidy",
            progress_message = "Running clang-tidy on %s (%s)" % (f.short_path, ctx.label),
        )
        markers.append(marker)
    return [OutputGroupInfo(clang_tidy = depset(markers, transitive = transitive))]

clang_tidy_aspect = aspect(
    implementation = _clang_tidy_aspect_impl,
    attr_aspects = _FOLLOWED_ATTRS,
    attrs = {
        "_cc_toolchain": attr.label(default = "@bazel_tools//tools/cpp:current_cc_toolchain"),
        # Every .clang-tidy in the tree: clang-tidy uses the one nearest to each file.
        "_configs": attr.label(default = "//tools/tidy:configs"),
        "_clang_tidy_runner": attr.label(
            default = "//tools/tidy:run_clang_tidy",
            executable = True,
            cfg = "exec",
        ),
    },
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
)
