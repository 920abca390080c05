#!/usr/bin/env python3
"""Writes a kernel's symbol table into the image: keel's build-time symbolizer.

Usage: make_symbol_table.py --elf IN --out OUT --objcopy LLVM_OBJCOPY --cxxfilt LLVM_CXXFILT

Reads the function symbols of the linked kernel IN (its .symtab), demangles them without
parameter lists (`kernel::Main`), encodes them in the format kernel/debug/symbol_table.h
describes, and writes OUT: IN with that table in its .keel_symbols section. The section has
a fixed size reserved at link time (kernel/panic/backtrace.cc), so filling it moves no
address: the table describes OUT exactly. Fails if the table does not fit.
"""

import argparse
import os
import struct
import subprocess
import sys

MAGIC = b"KEELSYM1"
HEADER_BYTES = 24
ENTRY_BYTES = 16
SECTION = ".keel_symbols"
MAX_NAME_BYTES = 160

SHT_SYMTAB = 2
SHF_ALLOC = 0x2
SHF_EXECINSTR = 0x4
STT_NOTYPE, STT_FUNC = 0, 2
STB_LOCAL = 0


def c_string(data, offset):
    return data[offset:data.index(b"\0", offset)].decode("utf-8", "replace")


def read_elf(path):
    """Returns (sections, symbols): sections as dicts, symbols as
    (name, value, size, type, bind, section index) tuples."""
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        sys.exit("make_symbol_table: %s is not a little-endian 64-bit ELF" % path)
    e_shoff, = struct.unpack_from("<Q", data, 0x28)
    e_shentsize, e_shnum, e_shstrndx = struct.unpack_from("<HHH", data, 0x3a)
    sections = []
    for i in range(e_shnum):
        (name, kind, flags, addr, offset, size, link, _info, _align,
         entsize) = struct.unpack_from("<IIQQQQIIQQ", data, e_shoff + i * e_shentsize)
        sections.append({"name_offset": name, "type": kind, "flags": flags, "addr": addr,
                         "offset": offset, "size": size, "link": link, "entsize": entsize})
    names = sections[e_shstrndx]
    for s in sections:
        s["name"] = c_string(data, names["offset"] + s["name_offset"])
    symbols = []
    for symtab in (s for s in sections if s["type"] == SHT_SYMTAB):
        strtab = sections[symtab["link"]]
        for at in range(symtab["offset"], symtab["offset"] + symtab["size"], symtab["entsize"]):
            st_name, st_info, _other, st_shndx, st_value, st_size = struct.unpack_from(
                "<IBBHQQ", data, at)
            symbols.append((c_string(data, strtab["offset"] + st_name), st_value, st_size,
                            st_info & 0xf, st_info >> 4, st_shndx))
    return sections, symbols


def functions(sections, symbols):
    """Returns [(start, size, mangled name)] for the code symbols, one per start address,
    sorted; a symbol without a size reaches to the next one or its section's end."""
    code = {i for i, s in enumerate(sections)
            if s["flags"] & SHF_ALLOC and s["flags"] & SHF_EXECINSTR}
    chosen = {}
    for name, value, size, kind, bind, shndx in symbols:
        if shndx not in code or not name:
            continue
        if kind != STT_FUNC and not (kind == STT_NOTYPE and bind != STB_LOCAL):
            continue
        # Linker-script symbols such as __text_end may sit at or past their section's end.
        section = sections[shndx]
        if not section["addr"] <= value < section["addr"] + section["size"]:
            continue
        # Several names at one address (aliases): prefer a global function, then any
        # function, then the shorter name.
        rank = (kind != STT_FUNC, bind == STB_LOCAL, len(name), name)
        if value not in chosen or rank < chosen[value][0]:
            chosen[value] = (rank, size, name, shndx)
    starts = sorted(chosen)
    result = []
    for i, start in enumerate(starts):
        _rank, size, name, shndx = chosen[start]
        if size == 0:
            section = sections[shndx]
            end = section["addr"] + section["size"]
            if i + 1 < len(starts) and starts[i + 1] < end:
                end = starts[i + 1]
            size = end - start
        result.append((start, min(size, 0xffffffff), name))
    return result


def demangle(cxxfilt, names):
    """Returns `names` demangled without parameter lists (only _Z names change)."""
    mangled = [n for n in names if n.startswith("_Z")]
    if not mangled:
        return list(names)
    out = subprocess.run([cxxfilt, "--no-params"], input="\n".join(mangled) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    if len(out) != len(mangled):
        sys.exit("make_symbol_table: %s returned %d names for %d" % (cxxfilt, len(out),
                                                                      len(mangled)))
    table = dict(zip(mangled, out))
    return [table.get(n, n) for n in names]


def encode(entries):
    """Returns the table bytes for [(start, size, name)] sorted by start."""
    pool = bytearray()
    body = bytearray()
    for start, size, name in entries:
        raw = name.encode("utf-8")
        if len(raw) > MAX_NAME_BYTES:
            raw = raw[:MAX_NAME_BYTES - 3] + b"..."
        body += struct.pack("<QII", start, size, len(pool))
        pool += raw + b"\0"
    pool_offset = HEADER_BYTES + len(body)
    return MAGIC + struct.pack("<IIII", len(entries), pool_offset, len(pool), 0) + body + pool


def main(argv):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--elf", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--objcopy", required=True)
    p.add_argument("--cxxfilt", required=True)
    args = p.parse_args(argv)
    sections, symbols = read_elf(args.elf)
    reserved = next((s for s in sections if s["name"] == SECTION), None)
    if reserved is None or reserved["size"] == 0:
        sys.exit("make_symbol_table: %s has no %s section; link //kernel/panic, which "
                 "reserves it" % (args.elf, SECTION))
    entries = functions(sections, symbols)
    names = demangle(args.cxxfilt, [name for _start, _size, name in entries])
    table = encode([(start, size, name) for (start, size, _), name in zip(entries, names)])
    if len(table) > reserved["size"]:
        sys.exit("make_symbol_table: the symbol table of %s needs %d bytes but %s holds %d; "
                 "raise kSymbolTableReservedBytes in kernel/debug/symbol_table.h" %
                 (args.elf, len(table), SECTION, reserved["size"]))
    table += b"\0" * (reserved["size"] - len(table))
    # Next to the output: the one directory an action may surely write.
    table_path = args.out + ".table"
    with open(table_path, "wb") as f:
        f.write(table)
    try:
        subprocess.run([args.objcopy, "--update-section", "%s=%s" % (SECTION, table_path),
                        args.elf, args.out], check=True)
    finally:
        os.unlink(table_path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
