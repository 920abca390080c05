#!/usr/bin/env python3
"""Boots a keel kernel ISO in QEMU and judges the run: keel's integration-test runner.

The kernel reports over COM1 and ends the run through the isa-debug-exit device (port
0xf4): writing 0x10 means success (QEMU exit status 33), 0x11 failure (status 35).
The runner enforces its own timeout, keeps the whole serial log (in the test's
undeclared outputs under Bazel), checks expected and forbidden serial lines and lines that
must not change between occurrences, can read the VGA text screen through QMP, type keys
(QMP send-key) and write bytes to COM1 after a marker line, unleash chaos after a marker
(a key flood, garbage on COM1 and NMIs at once, chaos.py), and can check the page tables
from outside: at a marker line it pauses the guest, lists every mapped page with QMP
`info tlb` and fails the run if any page is both writable and executable (W^X), or if a physical frame that some page maps executable is
writable through another page (a writable alias of code). On failure it prints the last
serial lines and what the status means.
"""

import argparse
import bisect
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chaos  # noqa: E402

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
    """A minimal QMP client over a unix socket; threads may share it (one command at a
    time)."""

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
        self.lock = threading.Lock()
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
        with self.lock:
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


class SerialWriter:
    """Writes bytes to COM1 (QEMU's stdin) for several threads, a whole write at a time.
    QEMU reads its stdin only as fast as the guest's UART takes bytes, so a write waits
    for room, but never past the deadline."""

    def __init__(self, stream, deadline):
        self.fd = stream.fileno()
        self.deadline = deadline
        self.lock = threading.Lock()

    def write(self, data):
        """Writes `data`; returns False if the deadline passed first (or QEMU is gone)."""
        with self.lock:
            while data:
                remaining = self.deadline - time.monotonic()
                if remaining <= 0:
                    return False
                _, ready, _ = select.select([], [self.fd], [], min(remaining, 0.5))
                if not ready:
                    continue
                try:
                    # A pipe that select calls writable takes up to PIPE_BUF bytes at once.
                    written = os.write(self.fd, data[:select.PIPE_BUF])
                except (BrokenPipeError, OSError):
                    return False
                data = data[written:]
            return True


def serial_bytes(text):
    """Returns the bytes that TEXT stands for: backslash escapes as in Python strings
    (\\n, \\r, \\t, \\b, \\xNN for any byte, \\\\), other characters as
    themselves (up to U+00FF)."""
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--iso", required=True, help="the kernel ISO to boot")
    p.add_argument("--timeout", type=float, default=30.0,
                   help="seconds before the runner stops a hung kernel (default 30)")
    p.add_argument("--expect-status", type=int, default=STATUS_SUCCESS,
                   help="expected QEMU exit status (default 33: kernel reported success)")
    p.add_argument("--expect-line", action="append", default=[],
                   help="a serial line must contain this text (in the given order); with "
                        "the prefix re:, the rest is a regular expression a line must match "
                        "(re.search)")
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
                   help="after a serial line contains MARKER, write TEXT to COM1, byte for "
                        "byte (escapes: \\n, \\r, \\t, \\b, \\xNN for any byte)")
    p.add_argument("--chaos-after", default=None, metavar="MARKER",
                   help="after a serial line contains MARKER, send the chaos (the --chaos-* "
                        "counts) all at once, interleaved in time")
    p.add_argument("--chaos-keys", type=int, default=0,
                   help="key events (presses and releases, modifiers and extended keys "
                        "among them) to send through QMP input-send-event")
    p.add_argument("--chaos-serial-bytes", type=int, default=0,
                   help="bytes of garbage to write to COM1 (NUL, 0xFF, escapes, KiB-long "
                        "lines without a newline, ...)")
    p.add_argument("--chaos-nmis", type=int, default=0, help="NMIs to inject (QMP inject-nmi)")
    p.add_argument("--chaos-nmi-counter", default=None, metavar="TEXT",
                   help="the serial line containing TEXT gives, after it, the guest-virtual "
                        "address (0x...) of the kernel's 64-bit NMI count: each NMI is then "
                        "injected only once the previous one was counted, so none merge")
    p.add_argument("--chaos-seed", type=int, default=1, help="seed of the chaos generators")
    p.add_argument("--chaos-end-marker", default=None, metavar="MARKER",
                   help="after the chaos, wait for a serial line containing MARKER (the "
                        "kernel's own part of the chaos is over) before the after-chaos input")
    p.add_argument("--after-chaos-keys", default=None, metavar="KEYS",
                   help="keys to type (as --send-keys-after) once the chaos is over")
    p.add_argument("--after-chaos-serial", default=None, metavar="TEXT",
                   help="text to write to COM1 (as --serial-input-after) once the chaos is over")
    p.add_argument("--same-lines", action="append", default=[], metavar="REGEX",
                   help="the serial lines matching REGEX (their groups, if it has any) must "
                        "repeat unchanged: each line equal to the first match starts an "
                        "occurrence, and there must be two or more, all the same")
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
    writer = SerialWriter(proc.stdin, deadline)
    background = []  # Threads started by marker actions (the chaos).
    try:
        needs_qmp = (args.vga_row or args.send_keys_after or args.vga_cursor or
                     args.check_wx_at or args.chaos_after or args.after_chaos_keys)
        if needs_qmp:
            qmp = Qmp(qmp_path, deadline)
        run_marker_actions(args, serial, qmp, writer, deadline, problems, background,
                           lambda: not exits_within(proc, 2.0), proc.kill)
        if args.check_at is not None:
            if serial.wait_for(args.check_at, deadline) is None:
                problems.append("never saw %r on serial" % args.check_at)
            else:
                check_vga(qmp, args.vga_row, deadline, problems)
                check_cursor(qmp, args.vga_cursor, args.vga_cursor_shape, deadline, problems)
            settle(background)
            stopped_by_runner = True
            proc.kill()
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            settle(background)
            proc.kill()
            proc.wait()
            problems.append("timed out after %.1f s: the kernel hung (no isa-debug-exit)"
                            % args.timeout)
            stopped_by_runner = True
        for thread in background:
            thread.join(timeout=max(0.1, deadline - time.monotonic()))
            if thread.is_alive():
                problems.append("the chaos was still running when the run ended")
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
        matches = line_matcher(want)
        found = next((i for i in range(pos, len(serial.lines)) if matches(serial.lines[i])), None)
        if found is None:
            problems.append("missing serial line %s %r%s" % (
                "matching" if want.startswith("re:") else "containing",
                want[3:] if want.startswith("re:") else want,
                " (after the previous expected line)" if pos else ""))
        else:
            pos = found + 1
    for bad in args.forbid_line:
        for line in serial.lines:
            if bad in line:
                problems.append("forbidden serial line: %r" % line)
    for pattern in args.same_lines:
        check_same_lines(pattern, serial.lines, problems)
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


def settle(background):
    """Gives background threads (the chaos) a moment to end before QEMU is stopped: at
    the deadline they stop by themselves and say what they were waiting for."""
    for thread in background:
        thread.join(timeout=2.0)


def exits_within(proc, seconds):
    """Returns whether QEMU has ended, or ends within `seconds` (its socket may close just
    before the process is gone)."""
    try:
        proc.wait(timeout=seconds)
        return True
    except subprocess.TimeoutExpired:
        return False


def run_marker_actions(args, serial, qmp, writer, deadline, problems, background, running,
                       stop_qemu):
    """Runs each marker-triggered action once, at the first serial line containing its
    marker, in the order the lines arrive; on one line, W^X checks come first (they look
    at the state the marker announces), then keys, then COM1 input, then the chaos (which
    runs on in `background` threads while later markers are watched). An action that
    fails because QEMU has ended (the kernel exited on the keys typed so far) stops the
    actions quietly: the exit status and the serial lines judge that run."""
    actions = [(marker, "check W^X", lambda _, marker=marker: check_wx(qmp, marker, problems))
               for marker in args.check_wx_at]
    for item in args.send_keys_after:
        marker, keys = item.split("=", 1)
        actions.append((marker, "send keys", lambda _, keys=keys: send_keys(qmp, keys)))
    for item in args.serial_input_after:
        marker, text = item.split("=", 1)
        actions.append((marker, "write to COM1",
                        lambda _, text=text: write_serial(writer, text)))
    if args.chaos_after:
        def start_chaos(index):
            thread = threading.Thread(
                target=run_chaos,
                args=(args, serial, qmp, writer, deadline, problems, index, stop_qemu),
                daemon=True)
            thread.start()
            background.append(thread)
        actions.append((args.chaos_after, "start the chaos", start_chaos))
    index = 0
    while actions:
        line = serial.wait_line(index, deadline)
        if line is None:
            for marker, what, _ in actions:
                problems.append("never saw %r on serial, so could not %s" % (marker, what))
            return
        for action in [a for a in actions if a[0] in line]:
            actions.remove(action)
            try:
                action[2](index)
            except (RuntimeError, OSError) as error:
                if not running():
                    return
                problems.append("could not %s after %r: %s" % (action[1], action[0], error))
        index += 1


def nmi_counter_address(serial, text, deadline, problems):
    """Returns the address (0x...) after `text` on the first serial line containing it."""
    index = serial.wait_for(text, deadline)
    match = chaos.ADDRESS.search(serial.lines[index].split(text, 1)[1]) if index is not None \
        else None
    if match is None:
        problems.append("chaos: found no NMI counter address after %r on serial" % text)
        return None
    return int(match.group(1), 16)


def run_chaos(args, serial, qmp, writer, deadline, problems, start_index, stop_qemu):
    """Sends the chaos, waits for its end (and for the kernel's end marker), then types
    and writes the after-chaos input. If the chaos cannot be sent (a kernel that does not
    count NMIs, a COM1 that takes nothing), it stops QEMU: the run fails now, with the
    reason, instead of waiting for lines that cannot come until the deadline."""
    counter = None
    if args.chaos_nmi_counter and args.chaos_nmis:
        counter = nmi_counter_address(serial, args.chaos_nmi_counter, deadline, problems)
        if counter is None:
            stop_qemu()
            return
    started = time.monotonic()
    storm = chaos.Chaos(qmp, writer.write, deadline, problems, keys=args.chaos_keys,
                        serial_bytes=args.chaos_serial_bytes, nmis=args.chaos_nmis,
                        nmi_counter=counter, seed=args.chaos_seed)
    storm.start()
    if not storm.join():
        problems.append("chaos: still sending at the deadline (%s so far)" % storm.summary())
        return
    if storm.failed:
        problems.append("chaos: the runner stopped QEMU after sending %s" % storm.summary())
        stop_qemu()
        return
    print("keel-qemu: chaos sent %s in %.2f s%s" % (
        storm.summary(), time.monotonic() - started,
        " (each NMI counted before the next)" if counter is not None else ""))
    if args.chaos_end_marker:
        if serial.wait_for(args.chaos_end_marker, deadline, start=start_index) is None:
            problems.append("chaos: never saw %r on serial after the chaos began"
                            % args.chaos_end_marker)
            return
    try:
        if args.after_chaos_keys:
            send_keys(qmp, args.after_chaos_keys)
        if args.after_chaos_serial:
            write_serial(writer, args.after_chaos_serial)
    except (RuntimeError, OSError) as error:
        problems.append("could not send the after-chaos input: %s" % error)


def send_keys(qmp, keys):
    for key in keys.split(","):
        qmp.command("send-key", keys=[{"type": "qcode", "data": k} for k in key.split("+")])
        time.sleep(0.05)


def write_serial(writer, text):
    if not writer.write(serial_bytes(text)):
        raise RuntimeError("COM1 took no input before the deadline, or QEMU is gone")


def line_matcher(want):
    """Returns a test for one expected line: a regular expression after re:, else text."""
    if want.startswith("re:"):
        pattern = re.compile(want[3:])
        return lambda line: pattern.search(line) is not None
    return lambda line: want in line


def same_lines_occurrences(pattern, lines):
    """Splits the lines matching `pattern` (as their groups, if it has any) into
    occurrences: each one equal to the first match starts a new occurrence."""
    regex = re.compile(pattern)
    occurrences = []
    for line in lines:
        match = regex.search(line)
        if match is None:
            continue
        key = match.groups() if regex.groups else (line,)
        if not occurrences or key == occurrences[0][0]:
            occurrences.append([key])
        else:
            occurrences[-1].append(key)
    return occurrences


def describe_matches(matched, limit=6):
    shown = ", ".join(repr(m[0] if len(m) == 1 else m) for m in matched[:limit])
    return shown + ("" if len(matched) <= limit else ", and %d more" % (len(matched) - limit))


def check_same_lines(pattern, lines, problems):
    """Records a problem unless the lines matching `pattern` repeat, unchanged, twice or
    more (same_lines_occurrences)."""
    occurrences = same_lines_occurrences(pattern, lines)
    if len(occurrences) < 2:
        matched = [key for occurrence in occurrences for key in occurrence]
        problems.append("lines matching %r: expected two or more occurrences to compare, "
                        "found %d (an occurrence starts at a line equal to the first; the "
                        "lines matched: %s)" % (pattern, len(occurrences),
                                                 describe_matches(matched)))
        return
    first = occurrences[0]
    for number, occurrence in enumerate(occurrences[1:], start=2):
        if occurrence != first:
            problems.append("lines matching %r changed: occurrence 1 is %r, occurrence %d is %r"
                            % (pattern, first, number, occurrence))
            return
    print("keel-qemu: %d occurrences of the lines matching %r are the same (%d lines each)"
          % (len(occurrences), pattern, len(first)))


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
