"""`symbolized_kernel`: a kernel ELF with its own symbol table filled in.

    symbolized_kernel(name = "kernel", elf = ":kernel_unsymbolized")

writes `<name>.elf`: `elf` with the function names of its .symtab encoded into its
reserved .keel_symbols section (make_symbol_table.py), so the kernel's panic handler can
name the functions of a backtrace. The section's size is fixed at link time, so no address
moves and the table is exact for the output.
"""

load("@local_clang//:paths.bzl", "LLVM_CXXFILT", "LLVM_OBJCOPY")

def _symbolized_kernel_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + ".elf")
    ctx.actions.run(
        executable = ctx.executable._generator,
        arguments = [
            "--elf",
            ctx.file.elf.path,
            "--out",
            out.path,
            "--objcopy",
            LLVM_OBJCOPY,
            "--cxxfilt",
            LLVM_CXXFILT,
        ],
        inputs = [ctx.file.elf],
        outputs = [out],
        mnemonic = "KernelSymbols",
        progress_message = "Writing the symbol table of %s" % out.short_path,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

symbolized_kernel = rule(
    implementation = _symbolized_kernel_impl,
    doc = "The kernel ELF `elf` with its .keel_symbols section filled in.",
    attrs = {
        "elf": attr.label(mandatory = True, allow_single_file = True, doc = "The linked kernel."),
        "_generator": attr.label(
            default = "//kernel/debug:make_symbol_table",
            executable = True,
            cfg = "exec",
        ),
    },
)
