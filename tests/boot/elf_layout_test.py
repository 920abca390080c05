#!/usr/bin/env python3
"""Checks the kernel ELF's layout: W^X-ready segments and the boot stack guard page.

- Four PT_LOAD segments: boot code (R X), text (R X), rodata (R), data+bss (R W).
- No segment is both writable and executable; each starts on a page boundary in memory
  and in the file, and no two share a page.
- Higher-half segments are linked at KEEL_KERNEL_VMA + their physical address, with the
  constant read from boot/boot_constants.h, so the linker script and C++ agree.
- The .stacks section holds KEEL_STACK_COUNT slots of KEEL_STACK_SLOT_BYTES (numbers read
  from boot_constants.h, so the linker script agrees with C++), each a guard page and a
  stack; the boot stack is slot 0.
"""

import re
import struct
import sys

PT_LOAD = 1
PF_X, PF_W, PF_R = 1, 2, 4
PAGE = 4096


def read_elf(path):
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        raise SystemExit("%s is not a 64-bit ELF" % path)
    (e_phoff, e_shoff) = struct.unpack_from("<QQ", data, 0x20)
    (e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx) = struct.unpack_from("<HHHHH", data, 0x36)
    segments = []
    for i in range(e_phnum):
        p_type, p_flags, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align = \
            struct.unpack_from("<IIQQQQQQ", data, e_phoff + i * e_phentsize)
        if p_type == PT_LOAD:
            segments.append(dict(flags=p_flags, offset=p_offset, vaddr=p_vaddr, paddr=p_paddr,
                                 filesz=p_filesz, memsz=p_memsz))
    sections = []
    for i in range(e_shnum):
        sections.append(struct.unpack_from("<IIQQQQIIQQ", data, e_shoff + i * e_shentsize))
    symbols = {}
    for sh in sections:
        if sh[1] == 2:  # SHT_SYMTAB
            strtab = sections[sh[6]]
            for off in range(sh[4], sh[4] + sh[5], 24):
                st_name, _info, _other, _shndx, st_value, _size = struct.unpack_from("<IBBHQQ", data, off)
                end = data.index(b"\0", strtab[4] + st_name)
                symbols[data[strtab[4] + st_name:end].decode()] = st_value
    return segments, symbols


def flags_text(f):
    return ("R" if f & PF_R else "-") + ("W" if f & PF_W else "-") + ("X" if f & PF_X else "-")


def main():
    elf, constants = sys.argv[1:3]
    header = open(constants).read()

    def constant(name):
        return int(re.search(r"#define %s (0x[0-9a-fA-F]+|\d+)" % name, header).group(1), 0)

    vma = constant("KEEL_KERNEL_VMA")
    slot_bytes = constant("KEEL_STACK_SLOT_PAGES") * PAGE
    stack_count = constant("KEEL_STACK_COUNT")
    segments, symbols = read_elf(elf)
    problems = []
    layout = [flags_text(s["flags"]) for s in segments]
    if layout != ["R-X", "R-X", "R--", "RW-"]:
        problems.append("segments are %s; expected boot R-X, text R-X, rodata R--, data RW-" % layout)
    for i, s in enumerate(segments):
        name = "segment %d (%s at %#x)" % (i, flags_text(s["flags"]), s["vaddr"])
        if s["flags"] & PF_W and s["flags"] & PF_X:
            problems.append(name + " is writable and executable")
        if s["vaddr"] % PAGE or s["paddr"] % PAGE or s["offset"] % PAGE:
            problems.append(name + " is not page-aligned")
        if i > 0 and s["vaddr"] != vma + s["paddr"]:
            problems.append(name + " is not linked at KEEL_KERNEL_VMA + physical address")
    for a, b in zip(segments, segments[1:]):
        a_end = (a["paddr"] + a["memsz"] + PAGE - 1) // PAGE * PAGE
        if b["paddr"] < a_end:
            problems.append("segments at %#x and %#x share a page" % (a["paddr"], b["paddr"]))
    guard = symbols.get("__boot_stack_guard")
    bottom = symbols.get("__boot_stack_bottom")
    top = symbols.get("__boot_stack_top")
    start = symbols.get("__stacks_start")
    end = symbols.get("__stacks_end")
    if None in (guard, bottom, top, start, end):
        problems.append("missing __stacks_start/__stacks_end/__boot_stack_* symbols")
    else:
        if start % PAGE or end - start != slot_bytes * stack_count:
            problems.append(".stacks is %#x bytes at %#x; expected %d aligned slots of %#x"
                            % (end - start, start, stack_count, slot_bytes))
        if guard != start or bottom != guard + PAGE or top != start + slot_bytes:
            problems.append("the boot stack is not slot 0 (guard page, then the stack)")
    if problems:
        print("FAIL: " + elf)
        for p in problems:
            print("  - " + p)
        return 1
    for s in segments:
        print("ok: %s vaddr %#x paddr %#x memsz %#x" % (flags_text(s["flags"]), s["vaddr"], s["paddr"], s["memsz"]))
    print("ok: %d stack slots of %#x bytes at %#x, boot stack guard page at %#x"
          % (stack_count, slot_bytes, start, guard))
    return 0


if __name__ == "__main__":
    sys.exit(main())
