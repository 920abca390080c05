"""`kernel_image`: a bootable keel kernel from C++ sources.

    kernel_image(name = "kernel", srcs = ["main.cc"], deps = [...])

makes `<name>_bin` (the cc_binary, bare-metal only), `<name>_unsymbolized` (its ELF, built
for the bare-metal platform from any configuration), `<name>` (that ELF with its symbol
table filled in, for panic backtraces: kernel/debug/symbolized_kernel.bzl) and `<name>_iso`
(a GRUB ISO booting it). The sources define kernel::Main; the boot path (//boot) calls it.
Every image links the panic handler, the stack protector's runtime and the UBSan handlers
(docs/hardening.md).
"""

load("@rules_cc//cc:defs.bzl", "cc_binary")
load("//boot:grub_iso.bzl", "grub_iso")
load("//kernel/debug:symbolized_kernel.bzl", "symbolized_kernel")
load("//platforms:kernel_binary.bzl", "kernel_binary")

def kernel_image(name, srcs = [], deps = [], visibility = None, testonly = False, **kwargs):
    cc_binary(
        name = name + "_bin",
        srcs = srcs,
        deps = deps + [
            "//boot",
            "//kernel/panic",
            "//kernel/stack_protector",
            "//kernel/ubsan",
            "//libk/std:libcxx_runtime",
            "//libk/std:mem_runtime",
        ],
        additional_linker_inputs = ["//boot:linker.ld"],
        linkopts = ["-Wl,-T,$(location //boot:linker.ld)"],
        target_compatible_with = ["@platforms//os:none"],
        visibility = ["//visibility:private"],
        testonly = testonly,
        **kwargs
    )
    kernel_binary(
        name = name + "_unsymbolized",
        binary = ":" + name + "_bin",
        visibility = ["//visibility:private"],
        testonly = testonly,
    )
    symbolized_kernel(
        name = name,
        elf = ":" + name + "_unsymbolized",
        visibility = visibility,
        testonly = testonly,
    )
    grub_iso(
        name = name + "_iso",
        kernel = ":" + name,
        visibility = visibility,
        testonly = testonly,
    )
