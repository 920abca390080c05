#!/usr/bin/env python3
"""ppm_to_png against an independent PNG reader: random images survive the round trip
pixel for pixel, every chunk's CRC is right, and malformed PPMs are refused."""

import os
import random
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ppm_to_png  # noqa: E402


def decode_png(data):
    """Returns (width, height, RGB bytes) of an 8-bit RGB PNG with filter-0 rows, checking
    the signature and every chunk's CRC."""
    assert data[:8] == ppm_to_png.PNG_SIGNATURE, "bad signature"
    i, idat, header = 8, b"", None
    kinds = []
    while i < len(data):
        length, = struct.unpack(">I", data[i:i + 4])
        kind, payload = data[i + 4:i + 8], data[i + 8:i + 8 + length]
        crc, = struct.unpack(">I", data[i + 8 + length:i + 12 + length])
        assert crc == zlib.crc32(kind + payload) & 0xffffffff, "bad CRC in %r" % kind
        kinds.append(kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", payload)
        elif kind == b"IDAT":
            idat += payload
        i += 12 + length
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND", kinds
    width, height, depth, color, _, _, interlace = header
    assert (depth, color, interlace) == (8, 2, 0), header
    raw = zlib.decompress(idat)
    stride = width * 3
    rows = []
    for y in range(height):
        row = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        assert row[0] == 0, "row %d uses filter %d" % (y, row[0])
        rows.append(row[1:])
    return width, height, b"".join(rows)


def ppm(width, height, pixels, comment=b""):
    return b"P6\n" + comment + b"%d %d\n255\n" % (width, height) + pixels


def main():
    rng = random.Random(1234)
    for trial in range(200):
        width, height = rng.randint(1, 40), rng.randint(1, 30)
        pixels = bytes(rng.randrange(256) for _ in range(width * height * 3))
        comment = b"# made by the test\n" if trial % 2 else b""
        w, h, p = ppm_to_png.read_ppm(ppm(width, height, pixels, comment))
        assert (w, h, p) == (width, height, pixels), "PPM read back differently"
        assert decode_png(ppm_to_png.png_bytes(w, h, p)) == (width, height, pixels), trial
    for bad in (b"P5\n1 1\n255\n\0", b"P6\n2 2\n255\n" + b"\0" * 11, b"P6\n1 1\n65535\n",
                b"P6\n1"):
        try:
            ppm_to_png.read_ppm(bad)
        except ValueError:
            continue
        raise AssertionError("accepted a malformed PPM: %r" % bad)
    print("ok: 200 random images round-trip; malformed PPMs are refused")
    return 0


if __name__ == "__main__":
    sys.exit(main())
