"""Finds the pointer casts that the unsafe-boundary lint keeps inside raw/ (rule 2 of
unsafe_lint.py), in C++ code whose comments and string literals are already blanked out.

What counts as a pointer cast, judged from the source text alone:
  - every `reinterpret_cast<...>`;
  - `static_cast<T*>` to a pointer type other than (cv) void*: the safe pointer
    conversions (to a base, adding const) are implicit, so the explicit ones are the
    unchecked ones, from void* or down a class hierarchy;
  - `std::bit_cast<T>` and `__builtin_bit_cast(T, ...)` unless T is spelled as an integer,
    byte or floating-point type: a destination written as an alias or a template
    parameter might be a pointer, so it counts;
  - C-style casts to a type that ends in `*`: a parenthesised type after something that is
    not a name (so not a call or a declaration) and before an operand.
Casts are found across line breaks; each is reported on the line where it starts.
"""

import bisect
import re

REINTERPRET_RE = re.compile(r"\breinterpret_cast\s*<")
STATIC_CAST_RE = re.compile(r"\bstatic_cast\s*<")
BIT_CAST_RE = re.compile(r"\b(?:std\s*::\s*)?bit_cast\s*<")
BUILTIN_BIT_CAST_RE = re.compile(r"\b__builtin_bit_cast\s*\(")
VOID_POINTER_RE = re.compile(r"^((const|volatile)\s+)*void(\s+(const|volatile))*\s*\*(\s*const)?$")
INTEGER_TYPE_RE = re.compile(
    r"^(const\s+)?(std::)?(u?int(8|16|32|64|ptr|max)_t|size_t|ptrdiff_t|byte|bool|char|"
    r"char8_t|char16_t|char32_t|((unsigned|signed)\s+)?(char|short|int|long|long\s+long|"
    r"__int128)|unsigned|signed|float|double)$")
C_POINTER_CAST_RE = re.compile(
    r"\(\s*((const|volatile|struct|class|unsigned|signed)\s+)*[A-Za-z_][\w:]*"
    r"(\s*<[^()]*>)?(\s+(const|volatile|long|int|short|char))*\s*\*[\s*]*"
    r"((const|volatile)\s*)*\)\s*(?=[\w(&*~!\-+:\"])")
# Keywords after which a parenthesised type is a cast rather than a call's arguments.
CAST_KEYWORDS = ("return", "case", "co_return", "co_yield", "throw", "else", "do")


def _closing(text, start, closers):
    """Returns the index of the first character of `closers` (">", ")" or ",") at bracket
    depth 0 from `start`, counting (), <> and [] as brackets: the end of a type argument."""
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c in "(<[":
            depth += 1
        elif c in ")>]":
            if depth == 0 and c in closers:
                return i
            depth -= 1
        elif c == "," and depth == 0 and c in closers:
            return i
    return len(text)


def _squeeze(text):
    return " ".join(text.split()).replace(" *", "*").replace("* ", "*")


def _is_pointer(type_text):
    return re.sub(r"(\s*(const|volatile))*$", "", _squeeze(type_text)).endswith("*")


def find(code_lines):
    """Returns (0-based line, description) for each pointer cast in `code_lines`."""
    text = "\n".join(code_lines)
    starts = [0]
    for line in code_lines:
        starts.append(starts[-1] + len(line) + 1)

    def line_of(offset):
        return bisect.bisect_right(starts, offset) - 1

    found = []
    for m in REINTERPRET_RE.finditer(text):
        found.append((line_of(m.start()), "reinterpret_cast"))
    for m in STATIC_CAST_RE.finditer(text):
        target = text[m.end():_closing(text, m.end(), ">")]
        if _is_pointer(target) and not VOID_POINTER_RE.match(_squeeze(target)):
            found.append((line_of(m.start()), "static_cast to '%s'" % _squeeze(target)))
    for regex, closers in ((BIT_CAST_RE, ">"), (BUILTIN_BIT_CAST_RE, "),")):
        for m in regex.finditer(text):
            target = _squeeze(text[m.end():_closing(text, m.end(), closers)])
            if not INTEGER_TYPE_RE.match(target):
                found.append((line_of(m.start()), "bit_cast to '%s'" % target))
    for m in C_POINTER_CAST_RE.finditer(text):
        before = text[:m.start()].rstrip()
        word = re.search(r"[A-Za-z_]\w*$", before)
        if word and word.group(0) not in CAST_KEYWORDS:
            continue  # A call's arguments or a declaration's parameters.
        if before.endswith((")", "]", ">")) or (before and before[-1].isdigit()):
            continue  # A function type, a lambda's parameters, a template's arguments.
        cast = m.group(0)
        found.append((line_of(m.start()),
                      "C-style cast to '%s'" % _squeeze(cast[1:cast.rindex(")")])))
    return sorted(found)
