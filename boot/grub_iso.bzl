"""`grub_iso`: a bootable BIOS ISO holding a kernel ELF and a trimmed GRUB.

Only the GRUB modules keel needs are installed, with no locales, fonts or themes, which
keeps the image well under 2 MiB. The kernel on the ISO is a copy without debug
information (GRUB loads only its segments); debug it with the unstripped ELF.
"""

load("@local_clang//:paths.bzl", "LLVM_STRIP")

_GRUB_MODULES = "multiboot2 multiboot normal iso9660 biosdisk part_msdos configfile"

def _grub_iso_impl(ctx):
    iso = ctx.actions.declare_file(ctx.label.name + ".iso")
    log = ctx.actions.declare_file(ctx.label.name + ".grub-mkrescue.log")
    ctx.actions.run_shell(
        inputs = [ctx.file.kernel, ctx.file.grub_cfg],
        outputs = [iso, log],
        command = """
set -eu
command -v grub-mkrescue >/dev/null || {{ echo "keel: grub-mkrescue is missing (Debian packages grub-common, grub-pc-bin, xorriso, mtools; run tools/setup.sh)" >&2; exit 1; }}
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/boot/grub"
{strip} --strip-debug -o "$tree/boot/kernel.elf" {kernel}
cp {cfg} "$tree/boot/grub/grub.cfg"
if ! grub-mkrescue --install-modules="{modules}" --locales= --fonts= --themes= \
    -o {iso} "$tree" >{log} 2>&1; then
  cat {log} >&2
  exit 1
fi
""".format(
            kernel = ctx.file.kernel.path,
            strip = LLVM_STRIP,
            cfg = ctx.file.grub_cfg.path,
            modules = _GRUB_MODULES,
            iso = iso.path,
            log = log.path,
        ),
        mnemonic = "GrubIso",
        progress_message = "Building GRUB ISO %s" % iso.short_path,
        use_default_shell_env = True,
    )
    return [DefaultInfo(files = depset([iso]), runfiles = ctx.runfiles(files = [iso]))]

grub_iso = rule(
    implementation = _grub_iso_impl,
    attrs = {
        "kernel": attr.label(mandatory = True, allow_single_file = True, doc = "The kernel ELF."),
        "grub_cfg": attr.label(default = "//boot:grub.cfg", allow_single_file = True),
    },
)
