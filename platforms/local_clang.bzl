"""Finds the installed LLVM toolchain (clang, ld.lld and the clang tools) for keel's builds.

The LLVM major version is named in one place: `build --repo_env=CC=clang-N` in `.bazelrc`.
The host toolchain (Bazel's autodetected one) takes that compiler from `CC`; this rule
reads the same variable, so the bare-metal toolchain, the gates and the tests all use the
same version. The repository it makes holds:

- `paths.bzl`: `LLVM_MAJOR`, the absolute tool paths and clang's resource include
  directory (the only system headers a kernel build may see);
- `llvm.env`: the same facts as shell assignments, for test scripts (data dependency);
- `link.sh`: the bare-metal link step, ld.lld called directly (no host compiler driver and
  no host library paths in a kernel link); it unwraps the `-Wl,` flags Bazel writes;
- `:llvm_version`: a cc_library with `llvm_version.h` (`#define KEEL_LLVM_MAJOR N`), so code
  can check at compile time that it is built by the version the build names;
- `libcxx/include/`: the kernel's view of the installed libc++ headers, as symlinks: the
  public headers named by `libcxx_headers` (//libk/std:kernel_headers.bzl) and libc++'s
  internal `__*` headers, minus `__config_site` and `__assertion_handler`, which keel
  supplies itself (//libk/std:libcxx_config). `:libcxx_headers` lists the files.

A missing tool stops the build with one message naming the Debian package to install.
"""

def _find(ctx, name, package):
    path = ctx.which(name)
    if path:
        return path
    fail(("\n\nkeel: %s was not found on PATH; it comes from the Debian package '%s'.\n" +
          "Install it with: tools/setup.sh   (or: apt-get install %s)\n") %
         (name, package, package))

def _llvm_major(ctx):
    cc = ctx.os.environ.get("CC", "")
    prefix = "clang-"
    major = cc[len(prefix):] if cc.startswith(prefix) else ""
    if not major.isdigit():
        fail(("\n\nkeel: CC is '%s'; keel's .bazelrc names the LLVM version as " +
              "'build --repo_env=CC=clang-N'.\n") % cc)
    return major

# The configuration headers of libc++ that keel writes itself (//libk/std/libcxx_config);
# the installed ones (threads, hosted) must never be found by a kernel compile.
_LIBCXX_OWN_HEADERS = ["__config_site", "__assertion_handler"]

def _link_libcxx(ctx, major):
    """Makes libcxx/include: the allowlisted public headers and the internal ones."""
    package = "libc++-%s-dev" % major
    v1 = ctx.path("/usr/lib/llvm-%s/include/c++/v1" % major)
    if not v1.get_child("__config").exists:
        _missing_package(str(v1), package)
    for entry in v1.readdir():
        name = entry.basename
        if not name.startswith("__") or name in _LIBCXX_OWN_HEADERS:
            continue
        ctx.symlink(entry, "libcxx/include/" + name)  # A file or a whole directory.
    for name in ctx.attr.libcxx_headers:
        header = v1.get_child(name)
        if not header.exists:
            fail("keel: <%s> (listed in //libk/std:kernel_headers.bzl) is not a libc++ header in %s" %
                 (name, v1))
        ctx.symlink(header, "libcxx/include/" + name)

def _missing_package(path, package):
    fail(("\n\nkeel: %s is missing; it comes from the Debian package '%s'.\n" +
          "Install it with: tools/setup.sh   (or: apt-get install %s)\n") %
         (path, package, package))

def _local_clang_impl(ctx):
    major = _llvm_major(ctx)
    clang_package = "clang-" + major
    tools = {
        "CLANG": _find(ctx, "clang-" + major, clang_package),
        "CLANGXX": _find(ctx, "clang++-" + major, clang_package),
        "LLD": _find(ctx, "ld.lld-" + major, "lld-" + major),
        "CLANG_TIDY": _find(ctx, "clang-tidy-" + major, "clang-tidy-" + major),
        "CLANG_FORMAT": _find(ctx, "clang-format-" + major, "clang-format-" + major),
        "LLVM_AR": _find(ctx, "llvm-ar-" + major, "llvm-" + major),
        "LLVM_CXXFILT": _find(ctx, "llvm-cxxfilt-" + major, "llvm-" + major),
        "LLVM_NM": _find(ctx, "llvm-nm-" + major, "llvm-" + major),
        "LLVM_OBJCOPY": _find(ctx, "llvm-objcopy-" + major, "llvm-" + major),
        "LLVM_OBJDUMP": _find(ctx, "llvm-objdump-" + major, "llvm-" + major),
        "LLVM_STRIP": _find(ctx, "llvm-strip-" + major, "llvm-" + major),
    }
    result = ctx.execute([tools["CLANGXX"], "-print-resource-dir"])
    if result.return_code != 0:
        fail("keel: '%s -print-resource-dir' failed: %s" % (tools["CLANGXX"], result.stderr))
    resource_include = result.stdout.strip() + "/include"
    if not ctx.path(resource_include + "/stdint.h").exists:
        fail("keel: clang's resource headers are missing at %s (Debian package libclang-common-%s-dev)" %
             (resource_include, major))
    facts = [("LLVM_MAJOR", major)] + sorted([(k, str(v)) for k, v in tools.items()]) + [
        ("RESOURCE_INCLUDE", resource_include),
        ("LLVM_PREFIX", "/usr/lib/llvm-" + major),
        # The execroot-relative path of the kernel's libc++ headers (libcxx/include).
        ("LIBCXX_INCLUDE", "external/%s/libcxx/include" % ctx.name),
    ]
    _link_libcxx(ctx, major)
    ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)
    ctx.file("BUILD.bazel", "\n".join([
        'load("@rules_cc//cc:defs.bzl", "cc_library")',
        "",
        'package(default_visibility = ["//visibility:public"])',
        "",
        'exports_files(["paths.bzl", "llvm.env", "link.sh"])',
        "",
        "# The kernel's libc++ headers (see libcxx/include in platforms/local_clang.bzl): as",
        "# files for the bare-metal toolchain, and as a library for host tests that compile",
        "# against them (//libk/std:libcxx_checks_test). Its include path is set by the user.",
        "filegroup(",
        '    name = "libcxx_headers",',
        '    srcs = glob(["libcxx/include/**"]),',
        ")",
        "",
        "cc_library(",
        '    name = "libcxx_headers_library",',
        '    hdrs = [":libcxx_headers"],',
        ")",
        "",
        "cc_library(",
        '    name = "llvm_version",',
        '    hdrs = ["llvm_version.h"],',
        '    include_prefix = "keel",',
        ")",
        "",
    ]))
    ctx.file("link.sh", "\n".join([
        "#!/bin/bash",
        "# Generated by //platforms:local_clang.bzl; do not edit. Runs ld.lld with Bazel's link",
        "# arguments, each -Wl,a,b turned into the linker arguments a b.",
        "args=()",
        "for arg in \"$@\"; do",
        "  case $arg in",
        "    -Wl,*) IFS=, read -ra parts <<<\"${arg#-Wl,}\"; args+=(\"${parts[@]}\") ;;",
        "    *) args+=(\"$arg\") ;;",
        "  esac",
        "done",
        "exec %s \"${args[@]}\"" % tools["LLD"],
        "",
    ]), executable = True)
    facts.append(("LINK", str(ctx.path("link.sh"))))
    ctx.file("llvm_version.h", "\n".join([
        "// Generated by //platforms:local_clang.bzl from .bazelrc's CC=clang-N; do not edit.",
        "#pragma once",
        "#define KEEL_LLVM_MAJOR %s" % major,
        "",
    ]))
    ctx.file("paths.bzl", "\n".join(
        ['"""Generated by //platforms:local_clang.bzl; do not edit."""'] +
        ["%s = %r" % (k, v) for k, v in facts] + [""],
    ))
    ctx.file("llvm.env", "\n".join(
        ["# Generated by //platforms:local_clang.bzl; do not edit."] +
        ["KEEL_%s=%s" % (k, v) for k, v in facts] + [""],
    ))

local_clang = repository_rule(
    implementation = _local_clang_impl,
    attrs = {
        "libcxx_headers": attr.string_list(
            doc = "The public libc++ headers kernel code may include (//libk/std:kernel_headers.bzl).",
        ),
    },
    environ = ["PATH", "CC"],
    local = True,
)
