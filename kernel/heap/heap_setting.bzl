"""`heap_setting`: an integer build setting that reaches C++ as a preprocessor define.

    heap_setting(name = "max_mib", build_setting_default = 256, define = "KEEL_HEAP_MAX_MIB")

`bazel build --//kernel/heap:max_mib=64 //kernel` compiles every library that depends on
the setting with `-DKEEL_HEAP_MAX_MIB=64`; without the flag the default holds.
"""

def _heap_setting_impl(ctx):
    value = ctx.build_setting_value
    if value <= 0:
        fail("%s must be positive, not %d" % (ctx.label, value))
    define = "%s=%d" % (ctx.attr.define, value)
    return [CcInfo(compilation_context = cc_common.create_compilation_context(
        defines = depset([define]),
    ))]

heap_setting = rule(
    implementation = _heap_setting_impl,
    build_setting = config.int(flag = True),
    doc = "A positive integer flag, given to C++ dependents as -D<define>=<value>.",
    attrs = {"define": attr.string(mandatory = True)},
)
