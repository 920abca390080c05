"""`compile_fail_test`: passes only when a C++ snippet fails to compile with the expected
diagnostic.

    compile_fail_test(
        name = "mutex_without_guard",
        src = "compile_fail/mutex_without_guard.cc",
        deps = ["//libk/sync"],
        expected = "requires holding mutex",
    )

The snippet is compiled with the C++ toolchain, flags and include paths that a cc_library
depending on `deps` would get (warnings are errors). The compile runs as a build action
that always succeeds and records the compiler's status and diagnostics; the test then
checks that compilation failed and that `expected` appears in the diagnostics. A snippet
that compiles, or fails for another reason, fails the test and prints the diagnostics.

`kernel_compile_fail_test` takes the same attributes but compiles the snippet with the
bare-metal toolchain and the kernel configuration of `deps` (through the transition of
`kernel_binary`), e.g. to prove that a hosted header is not reachable from kernel code.

`kernel_link_fail_test` (same attributes) passes only when the snippet compiles for the
kernel and then fails to link on its own with the kernel's linker flags (`-nostdlib
-static --no-undefined`) with the expected diagnostic: for what only the link can reject,
such as a call into a runtime library that kernels do not have.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "CPP_COMPILE_ACTION_NAME", "CPP_LINK_EXECUTABLE_ACTION_NAME")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")
load("//platforms:kernel_binary.bzl", "bare_metal_transition")

_ResolvedCcToolchainInfo = provider(
    "The C++ toolchain of a configuration and the --copt/--cxxopt flags of that configuration.",
    fields = ["cc_toolchain", "user_compile_flags"],
)

def _compile_fail_test(ctx, cc_toolchain, user_compile_flags, deps, link = False):
    """Compiles (and if `link`, links) ctx.file.src; returns the test's providers.

    The snippet is compiled with `cc_toolchain` and the headers of `deps`; with `link`, its
    object is then linked on its own with the toolchain's linker.
    """
    feature_configuration = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    compilation_contexts = [dep[CcInfo].compilation_context for dep in deps]
    merged = cc_common.merge_cc_infos(cc_infos = [dep[CcInfo] for dep in deps])
    cctx = merged.compilation_context
    result = ctx.actions.declare_file(ctx.label.name + ".result")
    obj_path = result.path + ".o"
    variables = cc_common.create_compile_variables(
        feature_configuration = feature_configuration,
        cc_toolchain = cc_toolchain,
        user_compile_flags = user_compile_flags,
        source_file = ctx.file.src.path,
        output_file = obj_path,
        include_directories = cctx.includes,
        quote_include_directories = cctx.quote_includes,
        system_include_directories = cctx.system_includes,
        framework_include_directories = cctx.framework_includes,
        preprocessor_defines = cctx.defines,
    )
    compiler = cc_common.get_tool_for_action(
        feature_configuration = feature_configuration,
        action_name = CPP_COMPILE_ACTION_NAME,
    )
    argv = cc_common.get_memory_inefficient_command_line(
        feature_configuration = feature_configuration,
        action_name = CPP_COMPILE_ACTION_NAME,
        variables = variables,
    )
    env = cc_common.get_environment_variables(
        feature_configuration = feature_configuration,
        action_name = CPP_COMPILE_ACTION_NAME,
        variables = variables,
    )
    linker = cc_common.get_tool_for_action(
        feature_configuration = feature_configuration,
        action_name = CPP_LINK_EXECUTABLE_ACTION_NAME,
    ) if link else ""
    args = ctx.actions.args()
    args.add(result)
    args.add(obj_path)
    args.add(linker)
    args.add(compiler)
    args.add_all(argv)
    ctx.actions.run_shell(
        inputs = depset(
            [ctx.file.src],
            transitive = [cctx.headers, cc_toolchain.all_files] + [c.headers for c in compilation_contexts],
        ),
        outputs = [result],
        arguments = [args],
        env = env,
        command = """
result=$1; obj=$2; linker=$3; shift 3
mkdir -p "$(dirname "$obj")"
stage=compile
if "$@" >"$result.log" 2>&1; then status=0; else status=$?; fi
if [ "$status" = 0 ] && [ -n "$linker" ]; then
  stage=link
  if "$linker" -nostdlib -static --no-undefined "$obj" -o "$obj.elf" >>"$result.log" 2>&1; then
    status=0
  else
    status=$?
  fi
fi
{ echo "status=$status stage=$stage"; cat "$result.log"; } >"$result"
rm -f "$result.log" "$obj" "$obj.elf"
""",
        mnemonic = "CompileFail",
        progress_message = "%s %s (expected to fail)" % ("Linking" if link else "Compiling", ctx.file.src.short_path),
    )
    what = "link" if link else "compile"
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(
        output = script,
        is_executable = True,
        content = """#!/bin/bash
result="{result}"
expected={expected}
first=$(head -n1 "$result")
if [ "$first" = "status=0 stage={what}" ]; then
  echo "FAIL: {src} {what}ed, but it must not." >&2
  exit 1
fi
if [ "{what}" = link ] && [ "${{first#* }}" != "stage=link" ]; then
  echo "FAIL: {src} must compile (and then fail to link), but it did not compile:" >&2
  tail -n +2 "$result" >&2
  exit 1
fi
if ! grep -qF -- "$expected" "$result"; then
  echo "FAIL: {src} failed to {what}, but without the expected diagnostic:" >&2
  echo "  expected: $expected" >&2
  echo "--- {what} output ---" >&2
  tail -n +2 "$result" >&2
  exit 1
fi
echo "PASS: {src} fails to {what} with: $expected"
grep -F -m1 -- "$expected" "$result"
""".format(
            result = result.short_path,
            expected = repr(ctx.attr.expected).replace("$", "\\$").replace("`", "\\`"),
            src = ctx.file.src.short_path,
            what = what,
        ),
    )
    return [DefaultInfo(executable = script, runfiles = ctx.runfiles(files = [result]))]

def _compile_fail_test_impl(ctx):
    flags = ctx.fragments.cpp.copts + ctx.fragments.cpp.cxxopts
    return _compile_fail_test(ctx, find_cpp_toolchain(ctx), flags, ctx.attr.deps)

def _kernel_compile_fail_test_impl(ctx):
    resolved = ctx.attr._bare_metal_cc_toolchain[0][_ResolvedCcToolchainInfo]
    return _compile_fail_test(ctx, resolved.cc_toolchain, resolved.user_compile_flags, ctx.attr.deps)

def _kernel_link_fail_test_impl(ctx):
    resolved = ctx.attr._bare_metal_cc_toolchain[0][_ResolvedCcToolchainInfo]
    return _compile_fail_test(ctx, resolved.cc_toolchain, resolved.user_compile_flags, ctx.attr.deps, link = True)

compile_fail_test = rule(
    implementation = _compile_fail_test_impl,
    test = True,
    attrs = {
        "src": attr.label(mandatory = True, allow_single_file = [".cc"]),
        "deps": attr.label_list(providers = [CcInfo]),
        "expected": attr.string(mandatory = True, doc = "A substring of the expected diagnostic."),
        "_cc_toolchain": attr.label(default = "@bazel_tools//tools/cpp:current_cc_toolchain"),
    },
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
    incompatible_use_toolchain_transition = True,
)

_KERNEL_ATTRS = {
    "src": attr.label(mandatory = True, allow_single_file = [".cc"]),
    "deps": attr.label_list(providers = [CcInfo], cfg = bare_metal_transition),
    "expected": attr.string(mandatory = True, doc = "A substring of the expected diagnostic."),
    "_bare_metal_cc_toolchain": attr.label(
        default = "//tools/compile_fail:resolved_cc_toolchain",
        cfg = bare_metal_transition,
        providers = [_ResolvedCcToolchainInfo],
    ),
    "_allowlist_function_transition": attr.label(
        default = "@bazel_tools//tools/allowlists/function_transition_allowlist",
    ),
}

kernel_compile_fail_test = rule(
    implementation = _kernel_compile_fail_test_impl,
    test = True,
    doc = "Like compile_fail_test, with the bare-metal toolchain and the kernel configuration.",
    attrs = _KERNEL_ATTRS,
    fragments = ["cpp"],
)

kernel_link_fail_test = rule(
    implementation = _kernel_link_fail_test_impl,
    test = True,
    doc = "Passes when `src` compiles for the kernel but its object does not link on its own.",
    attrs = _KERNEL_ATTRS,
    fragments = ["cpp"],
)

def _resolved_cc_toolchain_impl(ctx):
    return [_ResolvedCcToolchainInfo(
        cc_toolchain = find_cpp_toolchain(ctx),
        user_compile_flags = ctx.fragments.cpp.copts + ctx.fragments.cpp.cxxopts,
    )]

# Bazel 4's current_cc_toolchain alias ignores the target platform under a Starlark
# transition; this resolves the C++ toolchain (and reads the compile flags) of the
# configuration it is built in.
resolved_cc_toolchain = rule(
    implementation = _resolved_cc_toolchain_impl,
    doc = "The C++ toolchain and --copt/--cxxopt flags of this target's configuration.",
    fragments = ["cpp"],
    toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],
    incompatible_use_toolchain_transition = True,
)
