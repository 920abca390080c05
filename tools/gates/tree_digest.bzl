"""`tree_digest`: the digests of source-tree file classes, as a file Bazel tracks.

    tree_digest(name = "cxx_digest", classes = ["CXX"])

writes `<name>.txt` with one `CLASS=DIGEST` line per class, taken from the workspace status
(`STABLE_KEEL_TREE_<CLASS>` keys, printed by tools/gates/tree_digest.py, which .bazelrc names
as --workspace_status_command). A test with this file in its data reruns exactly when one
of the digests changes, i.e. when a file of those classes is added, removed or edited.
"""

_EXTRACT = """
v=$(sed -n 's/^STABLE_KEEL_TREE_{name} //p' {status})
if [ -z "$v" ]; then
  echo "tree_digest: the workspace status has no STABLE_KEEL_TREE_{name}; run Bazel from the workspace, whose .bazelrc sets --workspace_status_command=tools/gates/tree_digest.py" >&2
  exit 1
fi
echo "{name}=$v" >> {out}
"""

def _tree_digest_impl(ctx):
    out = ctx.actions.declare_file(ctx.label.name + ".txt")
    command = "set -eu\n: > %s\n" % out.path
    for name in ctx.attr.classes:
        command += _EXTRACT.format(name = name, status = ctx.info_file.path, out = out.path)
    ctx.actions.run_shell(
        inputs = [ctx.info_file],
        outputs = [out],
        command = command,
        mnemonic = "TreeDigest",
        progress_message = "Reading the source-tree digests for %s" % ctx.label,
    )
    return [DefaultInfo(files = depset([out]), runfiles = ctx.runfiles(files = [out]))]

tree_digest = rule(
    implementation = _tree_digest_impl,
    doc = "The workspace-status digests of the given file classes (see tree_digest.py).",
    attrs = {
        "classes": attr.string_list(mandatory = True, doc = "Class names: CXX, BAZEL."),
    },
)
