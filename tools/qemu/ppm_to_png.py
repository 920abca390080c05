#!/usr/bin/env python3
"""Converts a binary PPM (P6, what QEMU's screendump writes) into a PNG, with only the
standard library (zlib for the compression and the checksums, struct for the chunks).

Usage: ppm_to_png.py IN.ppm OUT.png
"""

import struct
import sys
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def read_ppm(data):
    """Returns (width, height, pixels) of a P6 image with maxval 255: pixels is the RGB
    bytes, row by row. Comments (# to the end of a line) may sit between header fields."""
    fields = []
    i = 0
    while len(fields) < 4:
        while i < len(data) and data[i:i + 1].isspace():
            i += 1
        if data[i:i + 1] == b"#":
            i = data.index(b"\n", i) + 1
            continue
        start = i
        while i < len(data) and not data[i:i + 1].isspace():
            i += 1
        if start == i:
            raise ValueError("truncated PPM header")
        fields.append(data[start:i])
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    if magic != b"P6" or maxval != 255:
        raise ValueError("not a P6 PPM with maxval 255 (got %r, maxval %d)" % (magic, maxval))
    pixels = data[i + 1:i + 1 + width * height * 3]  # One whitespace byte ends the header.
    if len(pixels) != width * height * 3:
        raise ValueError("PPM pixel data is %d bytes; %dx%d needs %d" %
                         (len(pixels), width, height, width * height * 3))
    return width, height, pixels


def chunk(kind, payload):
    """Returns one PNG chunk: length, type, payload, CRC-32 of type and payload."""
    return (struct.pack(">I", len(payload)) + kind + payload +
            struct.pack(">I", zlib.crc32(kind + payload) & 0xffffffff))


def png_bytes(width, height, pixels):
    """Returns a PNG (8-bit RGB, no interlace) of the RGB rows in `pixels`."""
    stride = width * 3
    # Each row starts with its filter type: 0, none.
    raw = b"".join(b"\0" + pixels[y * stride:(y + 1) * stride] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) +
            chunk(b"IEND", b""))


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    with open(argv[1], "rb") as f:
        width, height, pixels = read_ppm(f.read())
    with open(argv[2], "wb") as f:
        f.write(png_bytes(width, height, pixels))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
