#!/usr/bin/python3
"""The unsafe-boundary lint: keeps keel's unsafe code where it is declared and documented.

Usage: unsafe_lint.py [--root DIR] [--build-file NAME] [FILE...]

Without FILE arguments it scans every C++ file under DIR (the repository root by default)
as listed by source_tree.py. BUILD files are read as NAME ("BUILD" by default; the planted
tree of tools/gates/testdata/unsafe names its "BUILD.fixture", so that Bazel does not load
them). Prints each violation as `file:line: message` and exits 1 if there is any.

The rules (see docs/testing-gates.md):
  1. Inline assembly (`asm`, `__asm__`, `asm volatile`), x86 intrinsics headers and
     `__builtin_ia32_*` appear only under ASM_ALLOWED (libk/arch/x86_64/raw/, boot/).
  2. Pointer casts outside raw/ -- `reinterpret_cast`, `static_cast` to a pointer type other
     than (cv) void* (from void*, or a downcast: nothing checks the pointee), and
     `std::bit_cast`/`__builtin_bit_cast` to anything but an integer type (bits made into a
     pointer) -- appear only in files under POINTER_CAST_ALLOWED, and only with a
     `// SAFETY:` comment in the comment block directly above their statement. C-style
     casts to a pointer type appear nowhere outside raw/.
  3. Every function declared in a raw/ header has a comment block directly above it that
     contains `Safety:` (the caller's obligations) or `Safe:` (why there are none).
  4. Every call into `raw::` outside raw/ has a `SAFETY:` comment on its line or in the
     comment block directly above its statement (so one comment does not cover the next
     call), unless every raw function of that name is documented `Safe:`. This
     covers raw::ClaimPorts and raw::ClaimMmio, the only way to give a Port or an Mmio
     register its address. The raw namespace may only be reached as `raw::` (a namespace
     alias named `raw`); `using` declarations or other aliases that hide raw calls are
     errors.
  5. A file outside raw/ includes a raw/ header only if its package is on the visibility
     list of the raw/ target that exports the header, and every target of its BUILD file
     that lists the file depends on that raw/ target directly (so Bazel checks the
     visibility too): depending on a library that depends on raw/ is not enough. The
     snippets of compile-fail tests are exempt: they exist to fail, and their tests say why.
"""

import os
import re
import sys

import build_files
import pointer_casts
import source_tree

RAW_DIR = "libk/arch/x86_64/raw/"

# Where inline assembly and raw hardware access may appear, with the reason.
ASM_ALLOWED = {
    RAW_DIR: "the unsafe package: the only home of inline assembly",
    "boot/": "the boot path runs before any wrapper can",
}

# Where the pointer casts of rule 2 may appear outside raw/ (each use still needs
# `// SAFETY:`). Add a directory or file here, with its reason, when it really needs them.
POINTER_CAST_ALLOWED = {
    "boot/": "turns the loader's physical addresses into references",
    "kernel/ubsan/abi.h": "reads a type's name where the compiler stores it, right after "
                          "the type's descriptor",
    "kernel/ubsan/report.cc": "reads a value wider than a pointer through the address the "
                              "compiler passes for it",
    "kernel/ubsan/report_test.cc": "makes value handles from integers, as the compiler "
                                   "passes values up to 64 bits",
    "libk/alloc/region.h": "BytesOf views a heap block or a free-list node as std::byte, "
                           "which may alias any object: the allocators' address arithmetic",
    "libk/async/testing/counting_new.cc": "host-only test support: the replacement operator "
                                          "new keeps a header in front of each "
                                          "posix_memalign block",
    "libk/async/testing/fake_clock.h": "host-only test support: the Clock and IdleStep it "
                                       "makes carry the FakeClock as their void* context",
    "libk/async/testing/ticking_clock.h": "host-only test support: the Clock and IdleStep "
                                          "it makes carry the TickingClock as their void* "
                                          "context",
    "libk/fmt/format.h": "type-erased format arguments: FormatErased<T> casts the pointer "
                         "back to the T its FormatArg was made from",
    "libk/fmt/format_fuzzer.cc": "makes pointers from integers to format them, never to "
                                 "dereference them",
    "libk/fmt/format_test.cc": "makes pointers from integers to format them, never to "
                               "dereference them",
    "libk/memory/allocation.h": "AllocateArray gives operator new's void* the element "
                                "type of the array it is storage for",
    "libk/multiboot2/internal/layout.h": "views boot-information bytes as chars, which may "
                                         "alias any object",
    "libk/multiboot2/testing/guarded_buffer.cc": "host-only test support: mmap returns the "
                                                 "guarded pages as void*",
    "tests/integration/ubsan.cc": "plants undefined behaviour for the kernel's UBSan "
                                  "runtime to report",
}

# Not checked by rule 2 at all: the freestanding standard library implements bit_cast,
# launder and the mem* functions (void* parameters), and tests them; their contracts are
# the standard's.
POINTER_CAST_EXEMPT = {
    "libk/std/": "the freestanding standard library's own casts",
}

RAW_INCLUDE_RE = re.compile(r'#\s*include\s*"(libk/arch/x86_64/raw/[^"]+)"')

ASM_RE = re.compile(r"\b(asm|__asm__|__asm)\b\s*(volatile|__volatile__|inline|goto)?\s*\(")
BUILTIN_RE = re.compile(r"\b__builtin_ia32_\w+")
INTRIN_INCLUDE_RE = re.compile(
    r"#\s*include\s*<(cpuid|x86intrin|immintrin|ia32intrin|x86gprintrin|emmintrin|xmmintrin)\.h>")
RAW_CALL_RE = re.compile(r"\braw::\s*([A-Za-z_]\w*)\s*(<[^;()]*>)?\s*\(")
RAW_USING_RE = re.compile(r"\busing\s+(namespace\s+)?[\w:]*\braw\b(\s*::|\s*;)")
RAW_ALIAS_RE = re.compile(r"\bnamespace\s+(\w+)\s*=\s*[\w:]*\braw\s*;")


def split_code_and_comments(text):
    """Returns per-line (code, comment) pairs: string and character literals blanked out
    of the code, comment text collected separately."""
    code_lines, comment_lines = [], []
    code, comment = [], []
    i, n = 0, len(text)
    state = None  # None, "line", "block", '"', "'", or ("raw", delimiter)
    while i < n:
        c = text[i]
        if c == "\n":
            code_lines.append("".join(code))
            comment_lines.append("".join(comment))
            code, comment = [], []
            if state == "line":
                state = None
            i += 1
            continue
        if state is None:
            if text.startswith("//", i):
                state = "line"
                i += 2
            elif text.startswith("/*", i):
                state = "block"
                i += 2
            elif c == "R" and text.startswith('R"', i) and (i == 0 or not text[i - 1].isalnum()):
                end = text.find("(", i + 2)
                state = ("raw", ")" + text[i + 2:end] + '"')
                code.append('""')
                i = end + 1
            elif c in "\"'":
                # A ' between digits is a digit separator (0xffff'ffff), not a literal.
                if c == "'" and i > 0 and text[i - 1].isalnum() and i + 1 < n and text[i + 1].isalnum():
                    code.append(c)
                    i += 1
                    continue
                state = c
                code.append(c)
                i += 1
            else:
                code.append(c)
                i += 1
        elif state in ("line", "block"):
            if state == "block" and text.startswith("*/", i):
                state = None
                i += 2
            else:
                comment.append(c)
                i += 1
        elif isinstance(state, tuple):
            if text.startswith(state[1], i):
                i += len(state[1])
                state = None
            else:
                i += 1
        else:  # inside "..." or '...'
            if c == "\\":
                i += 2
            elif c == state:
                code.append(c)
                state = None
                i += 1
            else:
                i += 1
    code_lines.append("".join(code))
    comment_lines.append("".join(comment))
    return code_lines, comment_lines


def comment_block_above(code, comments, line):
    """Returns the text of the comment-only lines directly above 0-based `line`."""
    block = []
    j = line - 1
    while j >= 0 and not code[j].strip() and comments[j].strip():
        block.append(comments[j])
        j -= 1
    return "\n".join(reversed(block))


def statement_start(code, line):
    """Returns the first line of the statement that 0-based `line` belongs to, walking up
    over continuation lines (ones that do not end a statement or open/close a block)."""
    j = line
    for _ in range(8):
        prev = j - 1
        if prev < 0:
            break
        text = code[prev].strip()
        if not text or text.endswith((";", "{", "}", ":")) or text.startswith("#"):
            break
        j = prev
    return j


def in_dir(path, prefixes):
    return any(path == p or path.startswith(p) for p in prefixes)


def check_raw_header_docs(path, code, comments, report, docs):
    """Rule 3: each function declared in a raw/ header documents its safety. Records in
    `docs` (name -> set of "safe"/"unsafe") what each declaration says."""
    depth_kinds = []  # "scope" for namespace/extern "C"/class bodies, "body" otherwise
    pending = ""      # code of the statement being read
    pending_line = None
    for i, line in enumerate(code):
        stripped = line.strip()
        if stripped.startswith("#") or (i > 0 and code[i - 1].rstrip().endswith("\\")):
            continue
        for ch in line:
            if ch == "{":
                head = pending.strip()
                in_scope = all(k == "scope" for k in depth_kinds)
                if in_scope and re.search(r"\b(namespace|class|struct|union)\b|extern\s*\"C\"", head) \
                        and "(" not in head:
                    depth_kinds.append("scope")
                else:
                    if in_scope and head:
                        check_declaration(path, head, pending_line, code, comments, report, docs)
                    depth_kinds.append("body")
                pending, pending_line = "", None
            elif ch == "}":
                if depth_kinds:
                    depth_kinds.pop()
                pending, pending_line = "", None
            elif ch == ";":
                if all(k == "scope" for k in depth_kinds) and pending.strip():
                    check_declaration(path, pending.strip(), pending_line, code, comments, report,
                                      docs)
                pending, pending_line = "", None
            else:
                if pending_line is None and not ch.isspace():
                    pending_line = i
                pending += ch
        pending += " "


DECL_SKIP_RE = re.compile(r"^(using|typedef|static_assert|namespace|return|friend|template\s*<[^>]*>\s*(class|struct))\b")
FUNCTION_DECL_RE = re.compile(r"(?:^|[\s*&>:])(~?[A-Za-z_]\w*|operator\s*\S+)\s*\([^=]*\)")


def check_declaration(path, head, line, code, comments, report, docs):
    if DECL_SKIP_RE.search(head) or not FUNCTION_DECL_RE.search(head) or "=" in head.split("(")[0]:
        return
    name = FUNCTION_DECL_RE.search(head).group(1)
    block = comment_block_above(code, comments, line)
    docs.setdefault(name, set()).add(
        "unsafe" if "Safety:" in block or "Safe:" not in block else "safe")
    if "Safety:" not in block and "Safe:" not in block:
        report(path, line + 1,
               "raw function '%s' needs a comment with 'Safety:' (the caller's obligations) "
               "or 'Safe:' (why there are none)" % name)


def read_lines(root, path):
    with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
        text = f.read()
    code, comments = split_code_and_comments(text)
    return text.split("\n"), code, comments


def raw_function_docs(root, paths, report):
    """Checks the raw/ headers among `paths` (rule 3) and returns name -> {"safe",
    "unsafe"} for the functions they declare."""
    docs = {}
    for path in paths:
        if path.startswith(RAW_DIR) and not path.endswith((".cc", ".cpp", ".cxx")):
            _, code, comments = read_lines(root, path)
            check_raw_header_docs(path, code, comments, report, docs)
    return docs


class RawIncludes:
    """Rule 5: checks the raw/ includes of a file against the BUILD files."""

    def __init__(self, root, build_name, report):
        self.root, self.build_name, self.report = root, build_name, report
        self.packages = {}
        raw = self.build_file(RAW_DIR.rstrip("/"))
        self.exported = {}  # raw/ header path -> (raw target, its visibility)
        if raw is not None:
            for target in raw.targets:
                for header in target.headers:
                    self.exported[RAW_DIR + header] = (target, raw.visibility_of(target))

    def build_file(self, package):
        if package not in self.packages:
            path = os.path.join(self.root, package, self.build_name)
            self.packages[package] = build_files.BuildFile(self.root, package, self.build_name) \
                if os.path.isfile(path) else None
        return self.packages[package]

    def check(self, path, line, header):
        if header not in self.exported:
            self.report(path, line, "'%s' is not a header that a raw/ target exports" % header)
            return
        target, visibility = self.exported[header]
        package = build_files.package_of(self.root, path, self.build_name)
        if package is None:
            self.report(path, line, "includes %s but belongs to no package (no %s above it)"
                        % (header, self.build_name))
            return
        owners = self.build_file(package).owners_of(path)
        if owners and all(o.kind.endswith("compile_fail_test") for o in owners):
            return  # Compiled only to show that it fails, by a test that checks why.
        if not build_files.visible_to(visibility, package):
            self.report(path, line, "includes %s, but package //%s is not on the visibility "
                        "list of %s" % (header, package, target.label))
            return
        if not owners:
            self.report(path, line, "includes %s, but no target of //%s lists this file"
                        % (header, package))
        for owner in owners:
            if isinstance(owner.deps, build_files.Unknown):
                self.report(path, line, "includes %s, but the deps of %s cannot be read "
                            "(%s)" % (header, owner.label, owner.deps))
            elif target.label not in owner.deps:
                self.report(path, line, "includes %s, but %s does not depend on %s directly"
                            % (header, owner.label, target.label))


def lint_file(root, path, report, safe_raw_functions, raw_includes):
    raw_lines, code, comments = read_lines(root, path)
    in_raw = path.startswith(RAW_DIR)
    asm_ok = in_dir(path, ASM_ALLOWED)

    for i, line in enumerate(code):
        if not asm_ok:
            if ASM_RE.search(line):
                report(path, i + 1, "inline assembly outside %s" % " and ".join(ASM_ALLOWED))
            if BUILTIN_RE.search(line):
                report(path, i + 1, "x86 builtin outside %s" % " and ".join(ASM_ALLOWED))
            if INTRIN_INCLUDE_RE.search(raw_lines[i]):
                report(path, i + 1, "x86 intrinsics header outside %s" % " and ".join(ASM_ALLOWED))
        if in_raw:
            continue
        include = RAW_INCLUDE_RE.search(raw_lines[i]) if line.lstrip().startswith("#") else None
        if include:
            raw_includes.check(path, i + 1, include.group(1))
        if RAW_USING_RE.search(line):
            report(path, i + 1, "'using' the raw namespace hides raw calls; call them as raw::F()")
        alias = RAW_ALIAS_RE.search(line)
        if alias and alias.group(1) != "raw":
            report(path, i + 1, "alias the raw namespace as 'raw', not '%s'" % alias.group(1))
        # A friend declaration names a raw function without calling it.
        calls = [] if line.lstrip().startswith("friend ") else \
            [m.group(1) for m in RAW_CALL_RE.finditer(line)]
        if any(name not in safe_raw_functions for name in calls):
            if "SAFETY:" not in comments[i] and \
                    "SAFETY:" not in comment_block_above(code, comments, statement_start(code, i)):
                report(path, i + 1, "call into raw:: needs a '// SAFETY:' comment directly above "
                       "its statement (or on its line)")
    if in_raw or in_dir(path, POINTER_CAST_EXEMPT):
        return
    for i, cast in pointer_casts.find(code):
        if cast.startswith("C-style"):
            report(path, i + 1, "%s outside raw/: use a named cast, which this lint checks" % cast)
        elif not in_dir(path, POINTER_CAST_ALLOWED):
            report(path, i + 1, "%s outside raw/ in a file not allowlisted in "
                   "tools/gates/unsafe_lint.py (POINTER_CAST_ALLOWED)" % cast)
        elif "SAFETY:" not in comment_block_above(code, comments, statement_start(code, i)):
            report(path, i + 1, "%s needs a '// SAFETY:' comment directly above" % cast)


def main(argv):
    root, build_name = None, "BUILD"
    files = []
    args = iter(argv[1:])
    for arg in args:
        if arg == "--root":
            root = next(args)
        elif arg == "--build-file":
            build_name = next(args)
        else:
            files.append(arg)
    if root is None:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
    root = os.path.realpath(root)
    files_given = bool(files)
    if not files:
        files = source_tree.list_files(root, source_tree.is_cxx)
    findings = []

    def report(path, line, message):
        findings.append((path, line, "%s:%d: %s" % (path, line, message)))

    docs = raw_function_docs(root, files, report)
    if files_given:
        # Calls are judged by the real raw/ headers even when only some files are linted.
        raw_headers = [p for p in source_tree.list_files(root, source_tree.is_cxx)
                       if p.startswith(RAW_DIR)]
        docs = raw_function_docs(root, raw_headers, lambda *_: None)
    safe_raw_functions = {name for name, kinds in docs.items() if kinds == {"safe"}}
    raw_includes = RawIncludes(root, build_name, report)
    for path in files:
        lint_file(root, path, report, safe_raw_functions, raw_includes)
    for _, _, finding in sorted(findings):
        print(finding)
    print("unsafe_lint: %d file(s) scanned, %d violation(s)" % (len(files), len(findings)),
          file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
