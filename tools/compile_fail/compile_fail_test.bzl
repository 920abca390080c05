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
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "CPP_COMPILE_ACTION_NAME")
load("@bazel_tools//tools/cpp:toolchain_utils.bzl", "find_cpp_toolchain")

def _compile_fail_test_impl(ctx):
    cc_toolchain = find_cpp_toolchain(ctx)
    feature_configuration = cc_common.configure_features(
        ctx = ctx,
        cc_toolchain = cc_toolchain,
        requested_features = ctx.features,
        unsupported_features = ctx.disabled_features,
    )
    compilation_contexts = [dep[CcInfo].compilation_context for dep in ctx.attr.deps]
    merged = cc_common.merge_cc_infos(cc_infos = [dep[CcInfo] for dep in ctx.attr.deps])
    cctx = merged.compilation_context
    result = ctx.actions.declare_file(ctx.label.name + ".result")
    obj_path = result.path + ".o"
    variables = cc_common.create_compile_variables(
        feature_configuration = feature_configuration,
        cc_toolchain = cc_toolchain,
        user_compile_flags = ctx.fragments.cpp.copts + ctx.fragments.cpp.cxxopts,
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
    args = ctx.actions.args()
    args.add(result)
    args.add(obj_path)
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
result=$1; obj=$2; shift 2
mkdir -p "$(dirname "$obj")"
if "$@" >"$result.log" 2>&1; then status=0; else status=$?; fi
{ echo "status=$status"; cat "$result.log"; } >"$result"
rm -f "$result.log" "$obj"
""",
        mnemonic = "CompileFail",
        progress_message = "Compiling %s (expected to fail)" % ctx.file.src.short_path,
    )
    script = ctx.actions.declare_file(ctx.label.name + ".sh")
    ctx.actions.write(
        output = script,
        is_executable = True,
        content = """#!/bin/bash
result="{result}"
expected={expected}
if head -n1 "$result" | grep -qx 'status=0'; then
  echo "FAIL: {src} compiled, but it must not." >&2
  exit 1
fi
if ! grep -qF -- "$expected" "$result"; then
  echo "FAIL: {src} failed to compile, but without the expected diagnostic:" >&2
  echo "  expected: $expected" >&2
  echo "--- compiler output ---" >&2
  tail -n +2 "$result" >&2
  exit 1
fi
echo "PASS: {src} fails to compile with: $expected"
grep -F -m1 -- "$expected" "$result"
""".format(
            result = result.short_path,
            expected = repr(ctx.attr.expected).replace("$", "\\$").replace("`", "\\`"),
            src = ctx.file.src.short_path,
        ),
    )
    return [DefaultInfo(executable = script, runfiles = ctx.runfiles(files = [result]))]

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
