#!/usr/bin/python3
"""Fails if kernel code holds floating-point or vector instructions.

    check_no_fp.py OBJDUMP FILE...

The kernel never saves the x87, MMX or SSE state (an interrupt would corrupt a user's), so
none of its code may use those units. The bare-metal toolchain turns SSE and MMX off, but
leaves x87 on so that libc++'s headers may declare `long double`: computing with a float
would still compile, to x87 code. kernel_binary runs this check on every kernel ELF, and
//platforms:check_no_fp_test shows that it catches planted x87 and SSE code.

FILE may be an ELF executable, an object or an archive. Every executable section is
disassembled (llvm-objdump) except `.boot`, the 32-bit hand-written entry that a 64-bit
disassembly would misread. An instruction counts as floating point or vector if its
mnemonic is an x87 one (they all start with "f", and `wait`), manages the MMX or SSE state
(emms, ldmxcsr, stmxcsr, vzeroupper, vzeroall), or if it names an MMX, SSE, AVX or AVX-512
register (%mm, %xmm, %ymm, %zmm, %k) or the x87 stack (%st).
"""

import re
import subprocess
import sys

_SKIPPED_SECTIONS = {".boot"}
_PREFIXES = {
    "lock", "rep", "repe", "repne", "repz", "repnz", "data16", "addr32", "rex", "rex64",
    "notrack", "cs", "ds", "es", "fs", "gs", "ss",
}
_FP_MNEMONIC = re.compile(r"^(f[a-z0-9]+|wait|emms|v?ldmxcsr|v?stmxcsr|vzeroupper|vzeroall)$")
_FP_REGISTER = re.compile(r"%(x|y|z)?mm[0-9]+\b|%st\b|%k[0-7]\b")
_INSTRUCTION = re.compile(r"^\s*[0-9a-f]+:\s+(.*)$")
_SYMBOL = re.compile(r"^[0-9a-f]+ <(.+)>:$")


def executable_sections(objdump, path):
    """Returns the names of the executable sections of `path` (all archive members)."""
    headers = subprocess.run([objdump, "-h", path], check=True, capture_output=True,
                             text=True).stdout
    sections = set()
    for line in headers.splitlines():
        fields = line.split()
        if len(fields) >= 3 and fields[0].isdigit() and fields[-1] == "TEXT":
            sections.add(fields[1])
    return sorted(sections - _SKIPPED_SECTIONS)


def fp_instructions(objdump, path):
    """Returns (symbol, instruction) for each floating-point or vector instruction."""
    sections = executable_sections(objdump, path)
    if not sections:
        return []
    command = [objdump, "-d", "--no-show-raw-insn"]
    for section in sections:
        command += ["-j", section]
    listing = subprocess.run(command + [path], check=True, capture_output=True,
                             text=True).stdout
    found = []
    symbol = "?"
    for line in listing.splitlines():
        match = _SYMBOL.match(line)
        if match:
            symbol = match.group(1)
            continue
        match = _INSTRUCTION.match(line)
        if not match:
            continue
        # Drop objdump's comments and symbolic targets: they may name anything.
        text = re.sub(r"<[^>]*>", "", match.group(1).split("#", 1)[0])
        words = text.split()
        while words and words[0] in _PREFIXES:
            words = words[1:]
        if not words:
            continue
        if _FP_MNEMONIC.match(words[0]) or _FP_REGISTER.search(" ".join(words[1:])):
            found.append((symbol, " ".join(words)))
    return found


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    objdump = argv[1]
    failed = False
    for path in argv[2:]:
        found = fp_instructions(objdump, path)
        if not found:
            continue
        failed = True
        print("%s: %d floating-point or vector instruction(s); kernel code must not use "
              "the x87, MMX or SSE units (docs/std.md):" % (path, len(found)), file=sys.stderr)
        for symbol, instruction in found[:20]:
            print("  in %s: %s" % (symbol, instruction), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
