"""Reads keel's BUILD files well enough to answer two questions about a source file: which
targets list it, and what those targets depend on; and about a target: who may see it.

BUILD files are Starlark, whose syntax Python's parser accepts. Only top-level calls
(`cc_library(...)`, macros such as `kernel_test(...)`) and top-level assignments are read;
their string and list arguments are evaluated, with `+`, module-level names and
`select({...})` (the union of all branches). Anything else (a glob, a function call) is
Unknown, and a question whose answer depends on it is reported, never guessed.
"""

import ast
import os


class Unknown(Exception):
    """Raised for an expression the reader does not evaluate."""


class Target:
    """One rule or macro call: its name, the files it lists and its dependencies."""

    def __init__(self, package, name, kind, files, headers, deps, visibility):
        self.package = package
        self.name = name
        self.kind = kind
        self.files = files            # Paths relative to the package: srcs, hdrs, textual_hdrs.
        self.headers = headers        # The exported ones: hdrs, textual_hdrs.
        self.deps = deps              # Normalized labels, or Unknown if not evaluable.
        self.visibility = visibility  # Labels, or None for the package default.

    @property
    def label(self):
        return "//%s:%s" % (self.package, self.name)


def normalize(label, package):
    """Returns `label` (as written in `package`'s BUILD) as //pkg:name."""
    if label.startswith("@"):
        return label
    if label.startswith(":"):
        return "//%s%s" % (package, label)
    if label.startswith("//"):
        if ":" in label:
            return label
        return "%s:%s" % (label, label.rsplit("/", 1)[-1])
    return "//%s:%s" % (package, label)


def _evaluate(node, names):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_evaluate(e, names) for e in node.elts]
    if isinstance(node, ast.Name):
        if node.id in names:
            return names[node.id]
        raise Unknown(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _evaluate(node.left, names), _evaluate(node.right, names)
        if type(left) is not type(right):
            raise Unknown("+ of mixed types")
        return left + right
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            node.func.id == "select" and len(node.args) == 1 and \
            isinstance(node.args[0], ast.Dict):
        union = []
        for value in node.args[0].values:
            union.extend(v for v in _evaluate(value, names) if v not in union)
        return union
    raise Unknown(ast.dump(node)[:60])


class BuildFile:
    """The targets of one package's BUILD file."""

    def __init__(self, root, package, build_name):
        self.package = package
        self.path = os.path.join(package, build_name)
        with open(os.path.join(root, self.path), encoding="utf-8") as f:
            module = ast.parse(f.read(), self.path)
        names = {}
        self.default_visibility = ["//visibility:private"]
        self.targets = []
        for statement in module.body:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and \
                    isinstance(statement.targets[0], ast.Name):
                try:
                    names[statement.targets[0].id] = _evaluate(statement.value, names)
                except Unknown:
                    pass
            elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and \
                    isinstance(statement.value.func, ast.Name):
                self._read_call(statement.value, names)

    def _read_call(self, call, names):
        kwargs = {k.arg: k.value for k in call.keywords if k.arg}
        if call.func.id == "package" and "default_visibility" in kwargs:
            self.default_visibility = _evaluate(kwargs["default_visibility"], names)
            return
        if "name" not in kwargs:
            return
        name = _evaluate(kwargs["name"], names)
        files, headers = [], []
        for attr in ("srcs", "hdrs", "textual_hdrs", "src"):
            if attr in kwargs:
                try:
                    value = _evaluate(kwargs[attr], names)
                except Unknown:
                    continue
                value = [value] if isinstance(value, str) else value
                files.extend(value)
                if attr in ("hdrs", "textual_hdrs"):
                    headers.extend(value)
        try:
            deps = [normalize(d, self.package) for d in _evaluate(kwargs["deps"], names)] \
                if "deps" in kwargs else []
        except Unknown as e:
            deps = e
        visibility = _evaluate(kwargs["visibility"], names) if "visibility" in kwargs else None
        self.targets.append(
            Target(self.package, name, call.func.id, files, headers, deps, visibility))

    def visibility_of(self, target):
        return target.visibility if target.visibility is not None else self.default_visibility

    def owners_of(self, path):
        """Returns the targets that list `path` (relative to the root)."""
        relative = os.path.relpath(path, self.package) if self.package else path
        return [t for t in self.targets if relative in t.files]


def visible_to(visibility, package):
    """Returns whether a target with `visibility` may be used from `package`."""
    for label in visibility:
        if label == "//visibility:public":
            return True
        if label.endswith(":__pkg__") and label[2:-len(":__pkg__")] == package:
            return True
        if label.endswith(":__subpackages__"):
            parent = label[2:-len(":__subpackages__")]
            if package == parent or package.startswith(parent + "/"):
                return True
    return False


def package_of(root, path, build_name):
    """Returns the package (directory relative to `root`) that `path` belongs to: its
    nearest ancestor directory with a `build_name` file, or None."""
    directory = os.path.dirname(path)
    while True:
        if os.path.isfile(os.path.join(root, directory, build_name)):
            return directory
        if not directory:
            return None
        directory = os.path.dirname(directory)
