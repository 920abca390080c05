#!/usr/bin/env python3
"""Boots a kernel ISO in QEMU, types a few keys, and saves the VGA screen as a PNG.

Usage (from the workspace): bazel run //tools/qemu:screenshot -- docs/screenshot.png
        screenshot.py --iso ISO [--wait-for TEXT] [--keys K1,K2,...] OUT.png

Waits for a serial line containing TEXT, types the keys (QMP send-key qcodes), then takes
QMP `screendump`s until one shows the blinking hardware cursor (found from the CRT
controller's registers) and converts it to PNG (ppm_to_png.py). A relative OUT is taken
from the directory `bazel run` was started in.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ppm_to_png  # noqa: E402
import run_qemu_test  # noqa: E402

# The VGA text mode QEMU renders: 80x25 cells of 9x16 pixels.
CELL_WIDTH, CELL_HEIGHT = 9, 16


def cursor_visible(ppm, row, column, top, bottom):
    """Returns whether the cursor's scan lines at (row, column) are drawn in `ppm`."""
    width, _height, pixels = ppm_to_png.read_ppm(ppm)
    lit = 0
    for y in range(row * CELL_HEIGHT + top, row * CELL_HEIGHT + bottom + 1):
        for x in range(column * CELL_WIDTH, column * CELL_WIDTH + CELL_WIDTH - 1):
            at = (y * width + x) * 3
            lit += sum(pixels[at:at + 3]) > 3 * 96
    return lit > CELL_WIDTH


def main(argv):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--iso", required=True)
    p.add_argument("--wait-for", default="type away")
    p.add_argument("--keys", default="h,e,l,l,o,spc,k,e,e,l")
    p.add_argument("--timeout", type=float, default=30.0)
    p.add_argument("out")
    args = p.parse_args(argv)
    out = args.out
    if not os.path.isabs(out):
        out = os.path.join(os.environ.get("BUILD_WORKING_DIRECTORY", os.getcwd()), out)
    tmp = tempfile.mkdtemp(prefix="keelshot.", dir="/tmp")
    qmp_path = os.path.join(tmp, "qmp")
    proc = subprocess.Popen(
        ["qemu-system-x86_64", "-accel", "tcg", "-m", "128M", "-cdrom", args.iso, "-boot", "d",
         "-serial", "stdio", "-display", "none", "-monitor", "none", "-no-reboot",
         "-qmp", "unix:%s,server=on,wait=off" % qmp_path],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    log = open(os.path.join(tmp, "serial.log"), "wb")
    serial = run_qemu_test.SerialReader(proc.stdout, log)
    serial.start()
    qmp = None
    try:
        deadline = time.monotonic() + args.timeout
        qmp = run_qemu_test.Qmp(qmp_path, deadline)
        if serial.wait_for(args.wait_for, deadline) is None:
            sys.exit("screenshot: never saw %r on serial" % args.wait_for)
        for key in filter(None, args.keys.split(",")):
            qmp.command("send-key", keys=[{"type": "qcode", "data": k} for k in key.split("+")])
            time.sleep(0.05)
        time.sleep(0.3)
        row, column, _hidden, top, bottom = qmp.vga_cursor()
        dump = os.path.join(tmp, "screen.ppm")
        # The cursor blinks: take screens until one shows it (or settle for the last).
        for _ in range(20):
            qmp.command("screendump", filename=dump)
            with open(dump, "rb") as f:
                ppm = f.read()
            if cursor_visible(ppm, row, column, top, bottom):
                break
            time.sleep(0.1)
        width, height, pixels = ppm_to_png.read_ppm(ppm)
        with open(out, "wb") as f:
            f.write(ppm_to_png.png_bytes(width, height, pixels))
        print("screenshot: wrote %s (%dx%d)" % (out, width, height))
    finally:
        if qmp:
            qmp.close()
        proc.kill()
        proc.wait()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
