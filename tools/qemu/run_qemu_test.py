#!/usr/bin/env python3
"""Boots a keel kernel ISO in QEMU and judges the run: keel's integration-test runner.

The kernel reports over COM1 and ends the run through the isa-debug-exit device (port
0xf4): writing 0x10 means success (QEMU exit status 33), 0x11 failure (status 35).
The runner enforces its own timeout, keeps the whole serial log (in the test's
undeclared outputs under Bazel), checks expected and forbidden serial lines, can read the
VGA text screen through QMP, type keys (QMP send-key) and write bytes to COM1 after a
marker line, and can check the page tables from outside: at a marker line it pauses the
guest, lists every mapped page with QMP `info tlb` and fails the run if any page is both
writable and executable (W^X), or if a physical frame that some page maps executable is
writable through another page (a writable alias of code). On failure it prints the last
serial lines and what the status means.
"""

import argparse
import bisect
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

STATUS_SUCCESS = 33  # (0x10 << 1) | 1
STATUS_FAILURE = 35  # (0x11 << 1) | 1


def describe_status(status):
    if status == STATUS_SUCCESS:
        return "33: the kernel reported success (isa-debug-exit 0x10)"
    if status == STATUS_FAILURE:
        return "35: the kernel reported failure (isa-debug-exit 0x11)"
    if status == 0:
        return ("0: QEMU stopped without isa-debug-exit: the guest reset or triple-faulted "
                "(with -no-reboot a reset ends QEMU)")
    if status is None:
        return "none: the runner stopped QEMU"
    if status < 0:
        return "%d: QEMU was killed by signal %d" % (status, -status)
    return "%d: unexpected status (isa-debug-exit value %#x, or a QEMU error)" % (
        status, status >> 1)


class Qmp:
    """A minimal QMP client over a unix socket."""

    def __init__(self, path, deadline):
        self.sock = None
        while time.monotonic() < deadline:
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(path)
                self.sock = s
                break
            except OSError:
                time.sleep(0.02)
        if self.sock is None:
            raise RuntimeError("could not connect to QMP at " + path)
        self.sock.settimeout(5)
        self.buf = b""
        self._read()  # greeting
        self.command("qmp_capabilities")

    def _read(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise RuntimeError("QMP connection closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def command(self, name, **arguments):
        msg = {"execute": name}
        if arguments:
            msg["arguments"] = arguments
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        while True:
            reply = self._read()
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise RuntimeError("QMP %s failed: %s" % (name, reply["error"]))
            # Asynchronous events are skipped.

    def vga_rows(self):
        """Returns the 25 rows of the VGA text screen as strings."""
        out = self.command("human-monitor-command", **{"command-line": "xp /2000hx 0xb8000"})
        cells = []
        for line in out.splitlines():
            if ":" not in line:
                continue
            for word in line.split(":", 1)[1].split():
                cells.append(int(word, 16))
        chars = "".join(chr(c & 0xFF) if 0x20 <= (c & 0xFF) < 0x7F else " " for c in cells)
        return [chars[r * 80:(r + 1) * 80] for r in range(25)]

    def page_table_dump(self):
        """Returns `info tlb` (every mapped page) taken while the guest is paused, so the
        kernel cannot change its tables half-way through the dump."""
        self.command("stop")
        try:
            return self.command("human-monitor-command", **{"command-line": "info tlb"})
        finally:
            self.command("cont")

    def crtc_register(self, index):
        """Returns CRT controller register `index`, read through ports 0x3d4/0x3d5 (which
        leaves the controller's index register changed: only for a kernel that is done)."""
        self.command("human-monitor-command", **{"command-line": "o /b 0x3d4 %#x" % index})
        out = self.command("human-monitor-command", **{"command-line": "i /b 0x3d5"})
        return int(out.split("=", 1)[1], 16)

    def vga_cursor(self):
        """Returns the hardware cursor as (row, column, hidden, top scan line, bottom)."""
        location = (self.crtc_register(0x0e) << 8) | self.crtc_register(0x0f)
        start, end = self.crtc_register(0x0a), self.crtc_register(0x0b)
        return location // 80, location % 80, bool(start & 0x20), start & 0x1f, end & 0x1f

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


# One line of QEMU's `info tlb` on x86_64: the page's virtual address, the physical
# address in the entry, and the leaf entry's bits as X (no-execute), G (global), P (page
# size: a 2 MiB or 1 GiB page), D, A, C (cache disable), T (write-through), U (user), W
# (writable), each '-' when clear. Only the leaf entry is shown, so a page counts as
# executable unless its own entry has NX; keel's tables never take permissions away at an
# upper level, so for them this is exact (and it can only over-report in general).
TLB_LINE = re.compile(r"^([0-9a-f]+): ([0-9a-f]+) ([-X][-G][-P][-D][-A][-C][-T][-U][-W])$")


def parse_tlb(text):
    """Returns [(virtual, physical, flags)] for every page line of `info tlb` output."""
    pages = []
    for line in text.splitlines():
        match = TLB_LINE.match(line.strip())
        if match:
            pages.append((int(match.group(1), 16), int(match.group(2), 16), match.group(3)))
    return pages


def wx_violations(pages):
    """Returns the pages that are writable and not no-execute."""
    return [page for page in pages if page[2][8] == "W" and page[2][0] != "X"]


PAGE_4KIB = 0x1000
PAGE_2MIB = 0x200000
PAGE_1GIB = 0x40000000


def page_sizes(pages):
    """Returns [(virtual, physical, size, flags)] for `parse_tlb`'s pages. `info tlb` marks
    2 MiB and 1 GiB pages alike (P), so the size is inferred: a P page not aligned to 1 GiB
    (virtually and physically) is 2 MiB; an aligned one is 1 GiB unless the next line, in
    the dump's address order, starts inside that GiB. A lone 2 MiB page at a 1 GiB boundary
    is taken for 1 GiB: the alias check may then over-report, never miss an alias."""
    sized = []
    for index, (virtual, physical, flags) in enumerate(pages):
        size = PAGE_4KIB
        if flags[2] == "P":
            size = PAGE_2MIB
            if virtual % PAGE_1GIB == 0 and physical % PAGE_1GIB == 0:
                following = pages[index + 1][0] if index + 1 < len(pages) else None
                if following is None or following >= virtual + PAGE_1GIB:
                    size = PAGE_1GIB
        sized.append((virtual, physical, size, flags))
    return sized


def alias_violations(pages):
    """Returns (frame, executable virtual, writable virtual) for every physical frame that
    one page maps executable and another page maps writable, at the first shared frame of
    each such pair of pages. (A page that is both is W^X's to report.)"""
    sized = page_sizes(pages)
    writable = sorted((physical, physical + size, virtual)
                      for virtual, physical, size, flags in sized if flags[8] == "W")
    starts = [start for start, _, _ in writable]
    found = []
    for virtual, physical, size, flags in sized:
        if flags[0] == "X":
            continue
        end = physical + size
        index = bisect.bisect_left(starts, end) - 1
        # Pages are at most 1 GiB, so no writable page starting earlier can reach this one.
        while index >= 0 and starts[index] > physical - PAGE_1GIB:
            w_start, w_end, w_virtual = writable[index]
            if w_end > physical and w_virtual != virtual:
                frame = max(physical, w_start)
                found.append((frame, virtual + frame - physical, w_virtual + frame - w_start))
            index -= 1
    return sorted(found)


def describe_aliases(violations, limit=8):
    """Describes writable aliases of executable frames, a few by frame: 'frame 0x101000
    executable at ffffffff80101000 and writable at ffff800000101000'."""
    shown = ["frame %#x executable at %x and writable at %x" % violation
             for violation in violations[:limit]]
    more = "" if len(violations) <= limit else ", and %d more" % (len(violations) - limit)
    return ", ".join(shown) + more


def describe_wx(violations, limit=8):
    """Describes W+X pages, a few by address: 'ffffffff80101000 -> 101000 (4 KiB)'."""
    shown = []
    for virtual, physical, flags in violations[:limit]:
        size = "2 MiB or 1 GiB" if flags[2] == "P" else "4 KiB"
        shown.append("%x -> %x (%s)" % (virtual, physical, size))
    more = "" if len(violations) <= limit else ", and %d more" % (len(violations) - limit)
    return ", ".join(shown) + more


def check_wx(qmp, marker, problems):
    """Dumps the page tables and records a problem for every writable, executable page and
    every executable frame with a writable alias."""
    try:
        text = qmp.page_table_dump()
    except (RuntimeError, OSError) as error:
        problems.append("W^X check at %r: could not dump the page tables (%s); the kernel "
                        "must keep running, with its mappings, after printing the marker"
                        % (marker, error))
        return
    pages = parse_tlb(text)
    if not pages:
        problems.append("W^X check at %r: info tlb listed no mapped page (%r)"
                        % (marker, text.strip()[:200]))
        return
    violations = wx_violations(pages)
    aliases = alias_violations(pages)
    if violations:
        problems.append("W^X violated at %r: %d of %d mapped pages are writable and "
                        "executable: %s" % (marker, len(violations), len(pages),
                                            describe_wx(violations)))
    if aliases:
        problems.append("W^X violated through an alias at %r: %d executable pages share "
                        "a frame with a writable page: %s"
                        % (marker, len(aliases), describe_aliases(aliases)))
    if not violations and not aliases:
        print("keel-qemu: W^X holds at %r: %d mapped pages, none writable and executable, "
              "and no executable frame writable through another page" % (marker, len(pages)))


class SerialReader(threading.Thread):
    """Collects QEMU's COM1 output (its stdout) into lines."""

    def __init__(self, stream, log):
        super().__init__(daemon=True)
        self.stream = stream
        self.log = log
        self.lines = []
        self.partial = b""
        self.cond = threading.Condition()

    def run(self):
        while True:
            chunk = os.read(self.stream.fileno(), 4096)
            if not chunk:
                break
            self.log.write(chunk)
            self.log.flush()
            with self.cond:
                self.partial += chunk
                *done, self.partial = self.partial.split(b"\n")
                for raw in done:
                    self.lines.append(raw.decode("utf-8", "replace").rstrip("\r"))
                self.cond.notify_all()
        with self.cond:
            if self.partial:
                self.lines.append(self.partial.decode("utf-8", "replace").rstrip("\r"))
                self.partial = b""
            self.cond.notify_all()

    def wait_line(self, index, deadline):
        """Waits until line `index` exists; returns it, or None at the deadline or EOF."""
        with self.cond:
            while len(self.lines) <= index:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self.is_alive():
                    return None
                self.cond.wait(min(remaining, 0.1))
            return self.lines[index]

    def wait_for(self, pattern, deadline, start=0):
        """Waits for a line containing `pattern`; returns its index or None."""
        with self.cond:
            while True:
                for i in range(start, len(self.lines)):
                    if pattern in self.lines[i]:
                        return i
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self.is_alive():
                    return None
                self.cond.wait(min(remaining, 0.1))


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--iso", required=True, help="the kernel ISO to boot")
    p.add_argument("--timeout", type=float, default=30.0,
                   help="seconds before the runner stops a hung kernel (default 30)")
    p.add_argument("--expect-status", type=int, default=STATUS_SUCCESS,
                   help="expected QEMU exit status (default 33: kernel reported success)")
    p.add_argument("--expect-line", action="append", default=[],
                   help="a serial line must contain this text (in the given order)")
    p.add_argument("--forbid-line", action="append", default=[],
                   help="no serial line may contain this text")
    p.add_argument("--vga-row", action="append", default=[], metavar="ROW:TEXT",
                   help="VGA text row ROW must start with TEXT (read via QMP)")
    p.add_argument("--vga-cursor", default=None, metavar="ROW:COL",
                   help="the VGA hardware cursor must be shown at ROW:COL (read from the CRT "
                        "controller through QMP at --check-at)")
    p.add_argument("--vga-cursor-shape", default=None, metavar="TOP:BOTTOM",
                   help="the cursor must span scan lines TOP to BOTTOM")
    p.add_argument("--check-at", default=None, metavar="LINE",
                   help="when a serial line contains LINE, run the VGA checks, then stop QEMU "
                        "and judge the run by the checks (for kernels that idle forever)")
    p.add_argument("--send-keys-after", action="append", default=[], metavar="MARKER=KEYS",
                   help="after a serial line contains MARKER, type KEYS (comma-separated QMP "
                        "qcodes, '+' joins a chord: shift+a,b,ret)")
    p.add_argument("--serial-input-after", action="append", default=[], metavar="MARKER=TEXT",
                   help="after a serial line contains MARKER, write TEXT to COM1 "
                        "(\\n escapes allowed)")
    p.add_argument("--check-wx-at", action="append", default=[], metavar="MARKER",
                   help="after a serial line contains MARKER, pause the guest, dump its page "
                        "tables (QMP info tlb) and fail if a page is writable and executable, "
                        "or if a frame mapped executable is writable through another page; "
                        "the kernel must keep its mappings until the runner has looked "
                        "(idle, or wait for serial input sent after the same marker)")
    p.add_argument("--log", default=None, help="where to save the serial log")
    p.add_argument("--qemu", default="qemu-system-x86_64")
    p.add_argument("--memory", default="128M", help="guest RAM, as QEMU's -m takes it")
    p.add_argument("--cpu", default=None, help="QEMU CPU model (-cpu), e.g. max or qemu64")
    p.add_argument("--qemu-arg", action="append", default=[], help="extra QEMU argument")
    return p.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    out_dir = os.environ.get("TEST_UNDECLARED_OUTPUTS_DIR")
    log_path = args.log or (os.path.join(out_dir, "serial.log") if out_dir else None)
    if shutil.which(args.qemu) is None:
        print("keel-qemu: %s not found (Debian package qemu-system-x86; run tools/setup.sh)"
              % args.qemu, file=sys.stderr)
        return 2
    # Unix socket paths are limited to 108 bytes: keep them in a short directory.
    tmp = tempfile.mkdtemp(prefix="keelq.", dir="/tmp")
    qmp_path = os.path.join(tmp, "qmp")
    log = open(log_path, "wb") if log_path else open(os.path.join(tmp, "serial.log"), "wb")
    cmd = [args.qemu, "-accel", "tcg", "-m", args.memory, "-cdrom", args.iso, "-boot", "d",
           "-serial", "stdio", "-display", "none", "-monitor", "none", "-no-reboot",
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
           "-qmp", "unix:%s,server=on,wait=off" % qmp_path]
    if args.cpu:
        cmd += ["-cpu", args.cpu]
    cmd += args.qemu_arg
    problems = []
    start = time.monotonic()
    deadline = start + args.timeout
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    serial = SerialReader(proc.stdout, log)
    serial.start()
    stopped_by_runner = False
    qmp = None
    try:
        needs_qmp = (args.vga_row or args.send_keys_after or args.vga_cursor or
                     args.check_wx_at)
        if needs_qmp:
            qmp = Qmp(qmp_path, deadline)
        run_marker_actions(args, serial, qmp, proc, deadline, problems)
        if args.check_at is not None:
            if serial.wait_for(args.check_at, deadline) is None:
                problems.append("never saw %r on serial" % args.check_at)
            else:
                check_vga(qmp, args.vga_row, deadline, problems)
                check_cursor(qmp, args.vga_cursor, args.vga_cursor_shape, deadline, problems)
            stopped_by_runner = True
            proc.kill()
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            problems.append("timed out after %.1f s: the kernel hung (no isa-debug-exit)"
                            % args.timeout)
            stopped_by_runner = True
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        serial.join(timeout=5)
        if qmp:
            qmp.close()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)
    elapsed = time.monotonic() - start
    status = None if stopped_by_runner else proc.returncode
    if not stopped_by_runner and status != args.expect_status:
        problems.append("exit status %s; expected %s" % (
            describe_status(status), describe_status(args.expect_status)))
    pos = 0
    for want in args.expect_line:
        found = next((i for i in range(pos, len(serial.lines)) if want in serial.lines[i]), None)
        if found is None:
            problems.append("missing serial line containing %r%s" % (
                want, " (after the previous expected line)" if pos else ""))
        else:
            pos = found + 1
    for bad in args.forbid_line:
        for line in serial.lines:
            if bad in line:
                problems.append("forbidden serial line: %r" % line)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if problems:
        print("keel-qemu: FAILED after %.2f s (%s)" % (elapsed, args.iso), file=sys.stderr)
        for p in problems:
            print("  - " + p, file=sys.stderr)
        print("  status meaning: %s" % describe_status(status), file=sys.stderr)
        if stderr.strip():
            print("--- QEMU stderr ---\n" + stderr.strip(), file=sys.stderr)
        print("--- last serial lines ---", file=sys.stderr)
        for line in serial.lines[-30:]:
            print("  | " + line, file=sys.stderr)
        if log_path:
            print("full serial log: " + log_path, file=sys.stderr)
        return 1
    print("keel-qemu: passed in %.2f s, status %s" % (elapsed, describe_status(status)))
    return 0


def run_marker_actions(args, serial, qmp, proc, deadline, problems):
    """Runs each marker-triggered action once, at the first serial line containing its
    marker, in the order the lines arrive; on one line, W^X checks come first (they look
    at the state the marker announces), then keys, then COM1 input."""
    actions = [(marker, "check W^X", lambda marker=marker: check_wx(qmp, marker, problems))
               for marker in args.check_wx_at]
    for item in args.send_keys_after:
        marker, keys = item.split("=", 1)
        actions.append((marker, "send keys", lambda keys=keys: send_keys(qmp, keys)))
    for item in args.serial_input_after:
        marker, text = item.split("=", 1)
        actions.append((marker, "write to COM1",
                        lambda text=text: write_serial(proc, text)))
    index = 0
    while actions:
        line = serial.wait_line(index, deadline)
        if line is None:
            for marker, what, _ in actions:
                problems.append("never saw %r on serial, so could not %s" % (marker, what))
            return
        for action in [a for a in actions if a[0] in line]:
            actions.remove(action)
            action[2]()
        index += 1


def send_keys(qmp, keys):
    for key in keys.split(","):
        qmp.command("send-key", keys=[{"type": "qcode", "data": k} for k in key.split("+")])
        time.sleep(0.05)


def write_serial(proc, text):
    proc.stdin.write(text.encode().decode("unicode_escape").encode("latin-1"))
    proc.stdin.flush()


def check_vga(qmp, rows, deadline, problems):
    """Polls the screen until every expected row matches (the kernel may still be drawing)."""
    if not rows:
        return
    wanted = []
    for item in rows:
        row, text = item.split(":", 1)
        wanted.append((int(row), text))
    give_up = min(deadline, time.monotonic() + 3.0)
    while True:
        screen = qmp.vga_rows()
        if all(screen[r].startswith(t) for r, t in wanted) or time.monotonic() > give_up:
            break
        time.sleep(0.05)
    for r, t in wanted:
        if not screen[r].startswith(t):
            problems.append("VGA row %d is %r; expected it to start with %r"
                            % (r, screen[r].rstrip(), t))


def check_cursor(qmp, position, shape, deadline, problems):
    """Polls the hardware cursor until it is where and how it is expected."""
    if not position:
        return
    want = tuple(int(x) for x in position.split(":"))
    want_shape = tuple(int(x) for x in shape.split(":")) if shape else None
    give_up = min(deadline, time.monotonic() + 3.0)
    while True:
        row, column, hidden, top, bottom = qmp.vga_cursor()
        ok = ((row, column) == want and not hidden and
              (want_shape is None or (top, bottom) == want_shape))
        if ok or time.monotonic() > give_up:
            break
        time.sleep(0.05)
    if (row, column) != want:
        problems.append("VGA cursor at row %d, column %d; expected %d:%d" %
                        (row, column, want[0], want[1]))
    if hidden:
        problems.append("VGA cursor hidden (CRTC cursor start register bit 5 set)")
    if want_shape is not None and (top, bottom) != want_shape:
        problems.append("VGA cursor spans scan lines %d-%d; expected %d-%d" %
                        (top, bottom, want_shape[0], want_shape[1]))


if __name__ == "__main__":
    # SIGPIPE stays ignored (Python's default): a write to QEMU's socket or COM1 after
    # QEMU exited raises BrokenPipeError, which the runner reports, instead of killing it
    # silently with status 141.
    sys.exit(main(sys.argv[1:]))
