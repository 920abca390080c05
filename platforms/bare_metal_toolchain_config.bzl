"""The clang 14 + ld.lld C++ toolchain configuration for the x86_64 bare-metal platform.

Every kernel translation unit is compiled freestanding, without a red zone, without SSE,
for the top 2 GiB of the address space (-mcmodel=kernel), and with -nostdinc so that only
clang's own resource headers and keel's freestanding subset (//libk/std) are visible: a
hosted header in kernel code is a build error, not a silent dependency.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load(
    "@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl",
    "feature",
    "flag_group",
    "flag_set",
    "tool_path",
)
load("@local_clang//:paths.bzl", "CLANG", "RESOURCE_INCLUDE")

_TARGET = "--target=x86_64-unknown-none-elf"

_C_AND_CXX = [
    ACTION_NAMES.c_compile,
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
]

_CXX = [
    ACTION_NAMES.cpp_compile,
    ACTION_NAMES.cpp_header_parsing,
    ACTION_NAMES.cpp_module_compile,
]

_ASM = [
    ACTION_NAMES.assemble,
    ACTION_NAMES.preprocess_assemble,
]

_LINK = [
    ACTION_NAMES.cpp_link_executable,
]

# Flags shared by C, C++ and assembly.
_COMMON_FLAGS = [
    _TARGET,
    "-ffreestanding",
    "-nostdinc",
    "-isystem",
    RESOURCE_INCLUDE,
    "-mno-red-zone",
    "-mgeneral-regs-only",
    "-mcmodel=kernel",
    "-fno-pic",
    "-fno-pie",
    "-fno-stack-protector",
    "-fno-omit-frame-pointer",
    "-g",
    "-O2",
    "-Wall",
    "-Wextra",
    "-Werror",
    "-Wthread-safety",
    "-D__KEEL_KERNEL__=1",
]

_CXX_FLAGS = [
    "-std=c++20",
    "-fno-exceptions",
    "-fno-rtti",
    "-fno-threadsafe-statics",
    "-fno-use-cxa-atexit",
    "-fsized-deallocation",
]

_LINK_FLAGS = [
    _TARGET,
    "-fuse-ld=lld",
    "-nostdlib",
    "-static",
    "-Wl,-z,max-page-size=4096",
    "-Wl,--no-undefined",
]

def _impl(ctx):
    features = [
        feature(
            name = "keel_bare_metal_flags",
            enabled = True,
            flag_sets = [
                flag_set(actions = _C_AND_CXX + _ASM, flag_groups = [flag_group(flags = _COMMON_FLAGS)]),
                flag_set(actions = _CXX, flag_groups = [flag_group(flags = _CXX_FLAGS)]),
                flag_set(actions = _LINK, flag_groups = [flag_group(flags = _LINK_FLAGS)]),
            ],
        ),
        # Static libraries only: there is no loader in a kernel.
        feature(name = "supports_pic", enabled = False),
        feature(name = "supports_dynamic_linker", enabled = False),
    ]

    tool_paths = [
        tool_path(name = "gcc", path = CLANG),
        tool_path(name = "ld", path = "/usr/bin/ld.lld"),
        tool_path(name = "ar", path = "/usr/bin/ar"),
        tool_path(name = "cpp", path = "/bin/false"),
        tool_path(name = "gcov", path = "/bin/false"),
        tool_path(name = "nm", path = "/usr/bin/nm"),
        tool_path(name = "objcopy", path = "/usr/bin/objcopy"),
        tool_path(name = "objdump", path = "/usr/bin/objdump"),
        tool_path(name = "strip", path = "/usr/bin/strip"),
    ]

    return cc_common.create_cc_toolchain_config_info(
        ctx = ctx,
        features = features,
        cxx_builtin_include_directories = [RESOURCE_INCLUDE],
        toolchain_identifier = "keel_x86_64_bare_metal",
        host_system_name = "x86_64-unknown-linux-gnu",
        target_system_name = "x86_64-unknown-none-elf",
        target_cpu = "x86_64",
        target_libc = "none",
        compiler = "clang",
        abi_version = "none",
        abi_libc_version = "none",
        tool_paths = tool_paths,
    )

bare_metal_toolchain_config = rule(
    implementation = _impl,
    attrs = {},
    provides = [CcToolchainConfigInfo],
)
