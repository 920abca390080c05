#!/usr/bin/python3
"""The unsafe-boundary lint: keeps keel's unsafe code where it is declared and documented.

Usage: unsafe_lint.py [--root DIR] [FILE...]

Without FILE arguments it scans every C++ file under DIR (the repository root by default)
as listed by source_tree.py. Prints each violation as `file:line: message` and exits 1 if there is any.

The rules (see docs/testing-gates.md):
  1. Inline assembly (`asm`, `__asm__`, `asm volatile`), x86 intrinsics headers and
     `__builtin_ia32_*` appear only under ASM_ALLOWED (libk/arch/x86_64/raw/, boot/).
  2. `reinterpret_cast` outside raw/ appears only in files under REINTERPRET_ALLOWED, and
     only with a `// SAFETY:` comment in the comment block directly above its statement.
  3. Every function declared in a raw/ header has a comment block directly above it that
     contains `Safety:` (the caller's obligations) or `Safe:` (why there are none).
  4. Every call into `raw::` outside raw/ has a `SAFETY:` comment on its line or within
     the 3 lines above, unless every raw function of that name is documented `Safe:`. The raw namespace may only be reached as `raw::` (a namespace alias
     named `raw`); `using` declarations or other aliases that hide raw calls are errors.
"""

import os
import re
import sys

import source_tree

RAW_DIR = "libk/arch/x86_64/raw/"

# Where inline assembly and raw hardware access may appear, with the reason.
ASM_ALLOWED = {
    RAW_DIR: "the unsafe package: the only home of inline assembly",
    "boot/": "the boot path runs before any wrapper can",
}

# Where reinterpret_cast may appear outside raw/ (each use still needs `// SAFETY:`).
# Add a directory or file here, with its reason, when it really needs raw pointer casts.
REINTERPRET_ALLOWED = {
    "boot/": "turns the loader's physical addresses into references",
}

ASM_RE = re.compile(r"\b(asm|__asm__|__asm)\b\s*(volatile|__volatile__|inline|goto)?\s*\(")
BUILTIN_RE = re.compile(r"\b__builtin_ia32_\w+")
INTRIN_INCLUDE_RE = re.compile(
    r"#\s*include\s*<(cpuid|x86intrin|immintrin|ia32intrin|x86gprintrin|emmintrin|xmmintrin)\.h>")
REINTERPRET_RE = re.compile(r"\breinterpret_cast\s*<")
RAW_CALL_RE = re.compile(r"\braw::\s*([A-Za-z_]\w*)\s*(<[^;()]*>)?\s*\(")
RAW_USING_RE = re.compile(r"\busing\s+(namespace\s+)?[\w:]*\braw\b(\s*::|\s*;)")
RAW_ALIAS_RE = re.compile(r"\bnamespace\s+(\w+)\s*=\s*[\w:]*\braw\s*;")
SAFETY_CALL_WINDOW = 3


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


def lint_file(root, path, report, safe_raw_functions):
    raw_lines, code, comments = read_lines(root, path)
    in_raw = path.startswith(RAW_DIR)
    asm_ok = in_dir(path, ASM_ALLOWED)
    cast_ok = in_dir(path, REINTERPRET_ALLOWED)

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
        if REINTERPRET_RE.search(line):
            if not cast_ok:
                report(path, i + 1, "reinterpret_cast outside raw/ in a file not allowlisted in "
                       "tools/gates/unsafe_lint.py (REINTERPRET_ALLOWED)")
            elif "SAFETY:" not in comment_block_above(code, comments, statement_start(code, i)):
                report(path, i + 1, "reinterpret_cast needs a '// SAFETY:' comment directly above")
        if RAW_USING_RE.search(line):
            report(path, i + 1, "'using' the raw namespace hides raw calls; call them as raw::F()")
        alias = RAW_ALIAS_RE.search(line)
        if alias and alias.group(1) != "raw":
            report(path, i + 1, "alias the raw namespace as 'raw', not '%s'" % alias.group(1))
        calls = [m.group(1) for m in RAW_CALL_RE.finditer(line)]
        if any(name not in safe_raw_functions for name in calls):
            window = comments[max(0, i - SAFETY_CALL_WINDOW):i + 1]
            if not any("SAFETY:" in c for c in window):
                report(path, i + 1, "call into raw:: needs a '// SAFETY:' comment within the %d "
                       "lines above" % SAFETY_CALL_WINDOW)


def main(argv):
    root = None
    files = []
    args = iter(argv[1:])
    for arg in args:
        if arg == "--root":
            root = next(args)
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
    for path in files:
        lint_file(root, path, report, safe_raw_functions)
    for _, _, finding in sorted(findings):
        print(finding)
    print("unsafe_lint: %d file(s) scanned, %d violation(s)" % (len(files), len(findings)),
          file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
