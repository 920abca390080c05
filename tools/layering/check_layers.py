#!/usr/bin/python3
"""Checks that layered packages depend only downwards (see layering.bzl).

Usage: check_layers.py GRAPH.json LAYERS.json [EXPECTED]

GRAPH lists the targets the roots reach ({label, deps, files, headers}); LAYERS holds
`layers` ("name: //pkg //pkg/...", lowest first), `base` (label prefixes every layer may
use) and `allowed` (per layer, more prefixes). Prints each violation and exits 1 if there
is any. With EXPECTED, exits 0 only if the violations are exactly EXPECTED's lines.
"""

import json
import os
import re
import sys

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')


def package_of(label):
    return label[2:].split(":", 1)[0] if label.startswith("//") else None


class Layers:
    """The layer table: which layer each package is in."""

    def __init__(self, config):
        self.names, self.patterns = [], []  # patterns: (layer index, package, recursive)
        for index, line in enumerate(config["layers"]):
            name, _, patterns = line.partition(":")
            self.names.append(name.strip())
            for pattern in patterns.split():
                recursive = pattern.endswith("/...")
                package = pattern[2:-4] if recursive else pattern[2:]
                self.patterns.append((index, package, recursive))
        self.base = config["base"]
        self.allowed = config.get("allowed", {})

    def layer_of(self, package):
        """Returns the index of the layer `package` is in, or None."""
        for index, prefix, recursive in self.patterns:
            if package == prefix or (recursive and package.startswith(prefix + "/")):
                return index
        return None

    def may_use(self, layer, label):
        """Returns whether a package of `layer` may use `label`, which is in no layer."""
        prefixes = self.base + self.allowed.get(self.names[layer], [])
        return any(label.startswith(p) for p in prefixes)


def read_graph(path):
    """Returns label -> {deps, files, headers}, merging the records of one label from
    several configurations."""
    targets = {}
    with open(path, encoding="utf-8") as f:
        for record in json.load(f):
            merged = targets.setdefault(record["label"], {"deps": [], "files": [], "headers": []})
            for key in merged:
                merged[key].extend(v for v in record[key] if v not in merged[key])
    return targets


def check(targets, layers):
    """Returns the violations, sorted."""
    violations = set()
    owner = {}  # workspace-relative file -> label of a target that lists it
    for label, target in sorted(targets.items()):
        for f in target["files"]:
            owner.setdefault(f, label)

    def judge(source, dependency_label, what):
        layer = layers.layer_of(package_of(source))
        package = package_of(dependency_label)
        dependency_layer = layers.layer_of(package) if package is not None else None
        if dependency_layer is None:
            if not layers.may_use(layer, dependency_label):
                violations.add("%s: in no layer, and not in what %s may use (base, allowed)" %
                               (what, layers.names[layer]))
        elif dependency_layer > layer:
            violations.add("%s: %s may not depend on %s, a higher layer" %
                           (what, layers.names[layer], layers.names[dependency_layer]))
        return package, dependency_layer

    package_edges = {}
    reached = set()
    for label, target in sorted(targets.items()):
        package = package_of(label)
        if package is None or layers.layer_of(package) is None:
            continue
        reached.add(package)
        for dep in target["deps"]:
            dep_package, dep_layer = judge(label, dep, "%s -> %s" % (label, dep))
            if dep_layer is not None and dep_package != package:
                package_edges.setdefault(package, set()).add(dep_package)
        for f in target["files"]:
            if not os.path.isfile(f):
                violations.add("%s: cannot read %s" % (label, f))
                continue
            with open(f, encoding="utf-8", errors="replace") as source:
                for number, line in enumerate(source, 1):
                    include = INCLUDE_RE.match(line)
                    if not include:
                        continue
                    header = include.group(1)
                    where = "%s:%d: includes %s" % (f, number, header)
                    if header not in owner:
                        violations.add("%s, which no target reached from the roots lists" % where)
                    else:
                        judge(label, owner[header], where + " (%s)" % owner[header])
    for index, package, recursive in layers.patterns:
        if not recursive and package not in reached:
            violations.add("//%s is in layer %s but no root reaches it" %
                           (package, layers.names[index]))
    for cycle in find_cycles(package_edges):
        violations.add("package cycle: %s" % " -> ".join("//" + p for p in cycle))
    return sorted(violations)


def find_cycles(edges):
    """Returns one cycle (a list of packages, first repeated last) per strongly connected
    group of packages that depend on each other."""
    cycles, state, stack = [], {}, []

    def visit(node):
        state[node] = "active"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "active":
                cycle = stack[stack.index(nxt):] + [nxt]
                start = cycle.index(min(cycle[:-1]))
                cycles.append(cycle[start:-1] + cycle[:start] + [cycle[start]])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return sorted(set(tuple(c) for c in cycles))


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    with open(argv[2], encoding="utf-8") as f:
        layers = Layers(json.load(f))
    violations = check(read_graph(argv[1]), layers)
    for violation in violations:
        print(violation)
    if len(argv) == 4:
        with open(argv[3], encoding="utf-8") as f:
            expected = [line.rstrip("\n") for line in f if line.strip()]
        if violations != expected:
            print("check_layers: the violations above differ from %s:" % argv[3], file=sys.stderr)
            for line in expected:
                print("  expected: " + line, file=sys.stderr)
            return 1
        print("check_layers: exactly the %d expected violations" % len(expected), file=sys.stderr)
        return 0
    print("check_layers: %d target(s), %d violation(s)" % (
        len(read_graph(argv[1])), len(violations)), file=sys.stderr)
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
