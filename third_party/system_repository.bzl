"""Repository rules over files that Debian packages install.

Bazel cannot download anything in keel's build, so every external repository is local.
`system_repository` links installed files into a repository and, when one is missing,
stops with a single message naming the Debian package that provides it.
"""

def _missing(ctx, path):
    fail(("\n\nkeel: '%s' is missing; it comes from the Debian package '%s'.\n" +
          "Install it with: tools/setup.sh   (or: apt-get install %s)\n") %
         (path, ctx.attr.package, ctx.attr.package))

def _system_repository_impl(ctx):
    for dest, src in ctx.attr.files.items():
        path = ctx.path(src)
        if not path.exists:
            _missing(ctx, src)
        ctx.symlink(path, dest)
    if ctx.attr.build_file:
        ctx.symlink(ctx.attr.build_file, "BUILD.bazel")
    elif not ctx.path("BUILD").exists and not ctx.path("BUILD.bazel").exists:
        fail("keel: system_repository '%s' has no BUILD file" % ctx.name)
    if not ctx.path("WORKSPACE").exists:
        ctx.file("WORKSPACE", "workspace(name = \"%s\")\n" % ctx.name)

system_repository = repository_rule(
    implementation = _system_repository_impl,
    attrs = {
        "package": attr.string(mandatory = True, doc = "Debian package that installs the files."),
        "files": attr.string_dict(mandatory = True, doc = "Repository path -> absolute system path."),
        "build_file": attr.label(doc = "BUILD file for the repository (else one must be linked in)."),
    },
    local = True,
)
