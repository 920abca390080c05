"""The clang + ld.lld C++ toolchain (LLVM version from .bazelrc) configuration for the x86_64 bare-metal platform.

Every kernel translation unit is compiled freestanding, without a red zone, without SSE or
MMX, for the top 2 GiB of the address space (-mcmodel=kernel), and with -nostdinc so that
only these headers are visible, in this order (docs/std.md):

1. keel's libc++ configuration (//libk/std:libcxx_config: `__config_site`, `__assertion_handler`);
2. the kernel's allowlisted libc++ headers (@local_clang//:libcxx_headers);
3. keel's few C library headers (//libk/std:libc_headers: the mem routines, mbstate_t, time_t);
4. clang's resource headers (stddef.h, stdint.h, stdarg.h, ...).

A hosted header in kernel code is a build error ("file not found"), not a silent dependency.
"""

load("@bazel_tools//tools/build_defs/cc:action_names.bzl", "ACTION_NAMES")
load(
    "@bazel_tools//tools/cpp:cc_toolchain_config_lib.bzl",
    "action_config",
    "feature",
    "flag_group",
    "flag_set",
    "tool",
    "tool_path",
)
load(
    "@local_clang//:paths.bzl",
    "CLANG",
    "LIBCXX_INCLUDE",
    "LINK",
    "LLVM_AR",
    "LLVM_NM",
    "LLVM_OBJCOPY",
    "LLVM_OBJDUMP",
    "LLVM_STRIP",
    "RESOURCE_INCLUDE",
)

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

# Flags shared by C, C++ and assembly. No SSE or MMX, and no floating point the compiler
# invents (-mno-implicit-float); the x87 unit stays enabled only so that `long double` is a
# type: libc++'s <limits> declares numeric_limits<long double>, which -mgeneral-regs-only
# (x87 off too) rejects. Code that computes with floating point would compile to x87
# instructions, so every kernel ELF is scanned for them (platforms/check_no_fp.sh, run by
# kernel_binary), and returning a float or double is an error ("SSE register return with
# SSE disabled").
_COMMON_FLAGS = [
    _TARGET,
    "-ffreestanding",
    "-nostdinc",
    "-mno-red-zone",
    "-mno-sse",
    "-mno-mmx",
    "-mno-implicit-float",
    "-mcmodel=kernel",
    "-fno-pic",
    "-fno-pie",
    # Frame pointers in every function, leaves included, and no sibling calls (a call in
    # tail position that became a jump would drop its caller's frame): the panic backtrace
    # walks the frame records, and gdb shows them.
    "-fno-omit-frame-pointer",
    "-mno-omit-leaf-frame-pointer",
    "-fno-optimize-sibling-calls",
    "-g",
    "-O2",
    "-Wall",
    "-Wextra",
    "-Werror",
    "-Wthread-safety",
    "-D__KEEL_KERNEL__=1",
]

_CXX_FLAGS = [
    "-std=c++23",
    "-fno-exceptions",
    "-fno-rtti",
    "-fno-threadsafe-statics",
    "-fno-use-cxa-atexit",
    "-fsized-deallocation",
]

# Hardening (docs/hardening.md), as two features that are on by default; a build can drop
# one with --features=-keel_ubsan or --features=-keel_stack_protector.
#
# keel_ubsan: the undefined-behaviour checks that need no runtime type information (vptr
# and function would need RTTI) and no floating point; a failed check calls a handler in
# //kernel/ubsan, which panics with the file, line and column. -fno-sanitize-recover makes
# the handlers noreturn, which keeps the checks small. (local-bounds reports through a trap
# instruction in LLVM 19, seen as an invalid-opcode exception.)
_UBSAN_FLAGS = [
    "-fsanitize=alignment,bool,builtin,bounds,enum,integer-divide-by-zero,nonnull-attribute," +
    "null,object-size,pointer-overflow,return,returns-nonnull-attribute,shift," +
    "signed-integer-overflow,unreachable,vla-bound",
    "-fno-sanitize-recover=all",
]

# keel_stack_protector: a canary in every frame with an array or an address-taken local,
# compared with __stack_chk_guard (a global, not the %fs-relative slot hosted targets use)
# before returning. //kernel/stack_protector sets the guard at boot and panics on a mismatch.
_STACK_PROTECTOR_FLAGS = [
    "-fstack-protector-strong",
    "-mstack-protector-guard=global",
]

# ld.lld's own flags: the link step is ld.lld itself (@local_clang//:link.sh), not a
# compiler driver, so no host start files, libraries or search paths can reach a kernel.
_LINK_FLAGS = [
    "-nostdlib",
    "-static",
    "-z",
    "max-page-size=4096",
    "--no-undefined",
]

def _directory_of(files, attr):
    """Returns the one directory that holds every file of `files`."""
    dirs = {f.dirname: None for f in files}
    if len(dirs) != 1:
        fail("bare_metal_toolchain_config: %s must be files of one directory, got %s" % (attr, dirs.keys()))
    return dirs.keys()[0]

def _impl(ctx):
    libcxx_config = _directory_of(ctx.files.libcxx_config, "libcxx_config")
    libc = _directory_of(ctx.files.libc_headers, "libc_headers")

    # C++ sees libc++ before any C header: its <string.h>, <stddef.h> wrappers #include_next
    # the C library's, and its <cstring> checks that it found its own <string.h> first.
    cxx_includes = ["-isystem", libcxx_config, "-isystem", LIBCXX_INCLUDE, "-isystem", libc, "-isystem", RESOURCE_INCLUDE]
    c_includes = ["-isystem", libc, "-isystem", RESOURCE_INCLUDE]
    features = [
        feature(
            name = "keel_bare_metal_flags",
            enabled = True,
            flag_sets = [
                flag_set(actions = _C_AND_CXX + _ASM, flag_groups = [flag_group(flags = _COMMON_FLAGS)]),
                flag_set(actions = _CXX, flag_groups = [flag_group(flags = _CXX_FLAGS + cxx_includes)]),
                flag_set(
                    actions = [a for a in _C_AND_CXX + _ASM if a not in _CXX],
                    flag_groups = [flag_group(flags = c_includes)],
                ),
                flag_set(actions = _LINK, flag_groups = [flag_group(flags = _LINK_FLAGS)]),
            ],
        ),
        feature(
            name = "keel_ubsan",
            enabled = True,
            flag_sets = [flag_set(actions = _C_AND_CXX, flag_groups = [flag_group(flags = _UBSAN_FLAGS)])],
        ),
        feature(
            name = "keel_stack_protector",
            enabled = True,
            flag_sets = [flag_set(actions = _C_AND_CXX, flag_groups = [flag_group(flags = _STACK_PROTECTOR_FLAGS)])],
        ),
        # Kernel ELFs keep their debug information in every compilation mode (gdb, the
        # symbol table of panic backtraces); the ISO carries a stripped copy
        # (boot/grub_iso.bzl). Defining the feature without flags replaces Bazel's legacy
        # one, which would add -Wl,-S to fastbuild links (--strip=sometimes).
        feature(name = "strip_debug_symbols"),
        # Static libraries only: there is no loader in a kernel.
        feature(name = "supports_pic", enabled = False),
        feature(name = "supports_dynamic_linker", enabled = False),
    ]

    link = action_config(
        action_name = ACTION_NAMES.cpp_link_executable,
        tools = [tool(path = LINK)],
        implies = [
            "output_execpath_flags",
            "libraries_to_link",
            "user_link_flags",
        ],
    )

    tool_paths = [
        tool_path(name = "gcc", path = CLANG),
        tool_path(name = "ld", path = LINK),
        tool_path(name = "ar", path = LLVM_AR),
        tool_path(name = "cpp", path = "/bin/false"),
        tool_path(name = "gcov", path = "/bin/false"),
        tool_path(name = "nm", path = LLVM_NM),
        tool_path(name = "objcopy", path = LLVM_OBJCOPY),
        tool_path(name = "objdump", path = LLVM_OBJDUMP),
        tool_path(name = "strip", path = LLVM_STRIP),
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
        action_configs = [link],
    )

bare_metal_toolchain_config = rule(
    implementation = _impl,
    attrs = {
        "libcxx_config": attr.label(
            mandatory = True,
            allow_files = True,
            doc = "keel's __config_site and __assertion_handler for libc++ (one directory).",
        ),
        "libc_headers": attr.label(
            mandatory = True,
            allow_files = True,
            doc = "The C library headers libc++ needs in the kernel (one directory).",
        ),
    },
    provides = [CcToolchainConfigInfo],
)
