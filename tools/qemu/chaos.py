"""Chaos for keel's QEMU runner: a key flood, garbage on COM1 and NMIs, all at once.

run_qemu_test.py starts a Chaos when a serial line contains its marker. Each kind of
input runs in its own thread, paced so that the three interleave in time while the kernel
runs: key events through QMP `input-send-event` (a few per command, thousands in all),
raw bytes written to COM1, and QMP `inject-nmi`. Every wait is bounded by the run's
deadline; what goes wrong is added to the runner's problems. The key events and the bytes
come from a seeded generator, so a run can be repeated.

The generators leave out the letters of the shell's command names (help, uptime, mem,
heap, tasks, ticks, stats): whatever of the flood reaches a shell, and whatever QEMU or the
kernel drops from it, can never form a command, so the output a test compares before and
after the chaos comes only from the commands the test sends itself.
"""

import random
import re
import threading
import time

# Letters no flood may type (see above).
COMMAND_LETTERS = set("acehiklmpstu")

# Keys that type something, by QMP qcode, with the command letters left out.
PLAIN_KEYS = ([k for k in "bdfgjnoqrvwxyz"] + [str(d) for d in range(10)] +
              ["minus", "equal", "bracket_left", "bracket_right", "semicolon", "apostrophe",
               "grave_accent", "backslash", "comma", "dot", "slash", "spc", "tab", "backspace",
               "ret", "esc"])
# Keys that arrive with an E0 prefix (or longer sequences: print, pause).
EXTENDED_KEYS = ["up", "down", "left", "right", "home", "end", "pgup", "pgdn", "insert", "delete",
                 "kp_enter", "kp_divide", "meta_l", "meta_r", "menu", "print", "pause"]
KEYPAD_KEYS = ["kp_%d" % d for d in range(10)] + ["kp_multiply", "kp_subtract", "kp_add",
                                                  "kp_decimal"]
# Keys whose scancodes keel's decoder does not know (Japanese keys; multimedia keys).
UNKNOWN_KEYS = ["ro", "henkan", "muhenkan", "katakanahiragana", "yen", "audionext", "audioprev",
                "audiomute", "volumeup", "volumedown", "calculator"]
# Held across other keys and released later. Lock keys are left out: a lock toggled by
# the flood would change what the keys typed after it mean.
MODIFIER_KEYS = ["shift", "shift_r", "ctrl", "ctrl_r", "alt", "alt_r"]


def key_events(count, rng):
    """Returns at least `count` key events [(qcode, down)], ending with every modifier
    released: modifiers pressed and released around other keys, which are pressed and
    released in turn (plain, extended, keypad and unknown keys)."""
    events, held = [], []
    kinds = [(PLAIN_KEYS, 50), (EXTENDED_KEYS, 20), (KEYPAD_KEYS, 10), (UNKNOWN_KEYS, 20)]
    while len(events) < count:
        if rng.random() < 0.12:
            key = rng.choice(MODIFIER_KEYS)
            if key in held:
                held.remove(key)
                events.append((key, False))
            else:
                held.append(key)
                events.append((key, True))
            continue
        keys = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        key = rng.choice(keys)
        events += [(key, True), (key, False)]
    events += [(key, False) for key in held]
    return events


def _printable(rng, length):
    return bytes(rng.choice(_PRINTABLE) for _ in range(length))


_PRINTABLE = [b for b in range(0x20, 0x7f) if chr(b) not in COMMAND_LETTERS]
_ANY_BYTE = [b for b in range(256) if chr(b) not in COMMAND_LETTERS]


def serial_garbage(count, rng):
    """Returns about `count` bytes (at least) for COM1: random bytes, runs of NUL and of
    0xFF, escape sequences, line ends, and lines of 4 to 8 KiB without a newline (two at
    least, if `count` leaves room), none with a letter of a command name."""
    chunks = [b"\x00" * 32, b"\xff" * 32]
    if count >= 16 * 1024:
        chunks += [_printable(rng, 4096), _printable(rng, 8192)]
    size = sum(len(c) for c in chunks)
    while size < count:
        kind = rng.randrange(10)
        if kind < 4:
            chunk = bytes(rng.choice(_ANY_BYTE) for _ in range(rng.randrange(16, 256)))
        elif kind == 4:
            chunk = b"\x00" * rng.randrange(8, 64)
        elif kind == 5:
            chunk = b"\xff" * rng.randrange(8, 64)
        elif kind == 6:
            chunk = rng.choice([b"\x1b[A", b"\x1b[2J", b"\x1bOP", b"\x1b[6n", b"\x1b]0;x\x07"])
        elif kind == 7:
            chunk = rng.choice([b"\r", b"\n", b"\r\n", b"\n\r", b"\b\b\b", b"\x7f"])
        elif kind == 8:
            chunk = _printable(rng, rng.randrange(20, 120)) + b"\n"
        else:
            chunk = _printable(rng, rng.randrange(4096, 8193))
        chunks.append(chunk)
        size += len(chunk)
    rng.shuffle(chunks)
    return b"".join(chunks)


def key_command(events):
    """Returns the QMP input-send-event arguments for `events`."""
    return {"events": [{"type": "key",
                        "data": {"down": down, "key": {"type": "qcode", "data": key}}}
                       for key, down in events]}


ADDRESS = re.compile(r"0x([0-9a-fA-F]+)")

# Seconds an injected NMI may take to show in the kernel's count: an NMI is taken at the
# next instruction boundary, so only a starved QEMU takes long; a kernel that does not
# count fails here instead of at the run's deadline.
NMI_COUNT_WAIT = 10.0


class Chaos:
    """Runs the key flood, the COM1 garbage and the NMIs together, each in a thread.

    `qmp` must be safe to share between threads (run_qemu_test.Qmp is); `write_serial`
    writes bytes to COM1 and returns False once the deadline passed. `nmi_counter` is the
    guest-virtual address of a 64-bit count of NMIs the kernel handled, or None: with it,
    each NMI is injected only after the kernel has counted the one before (the CPU holds at
    most one NMI pending, so NMIs injected back to back can merge), which makes the
    kernel's count exact; without it, NMIs are only paced and may merge."""

    def __init__(self, qmp, write_serial, deadline, problems, keys=0, serial_bytes=0, nmis=0,
                 nmi_counter=None, seed=1):
        self.qmp, self.write_serial, self.deadline = qmp, write_serial, deadline
        self.problems = problems
        self.keys, self.serial_bytes, self.nmis = keys, serial_bytes, nmis
        self.nmi_counter = nmi_counter
        self.seed = seed
        self.sent = {"key events": 0, "serial bytes": 0, "NMIs": 0}
        self.threads = []
        self.failed = False  # Set (with a problem) when a thread could not finish.

    def start(self):
        for count, body in ((self.keys, self._flood_keys), (self.serial_bytes, self._garbage),
                            (self.nmis, self._nmis)):
            if count:
                thread = threading.Thread(target=self._guard, args=(body,), daemon=True)
                thread.start()
                self.threads.append(thread)

    def join(self):
        """Waits for every thread (each stops at the deadline by itself, so this waits a
        moment past it); returns whether all ended."""
        for thread in self.threads:
            thread.join(timeout=max(0.1, self.deadline + 1.0 - time.monotonic()))
        return not any(thread.is_alive() for thread in self.threads)

    def summary(self):
        return ", ".join("%d %s" % (n, what) for what, n in self.sent.items())

    def _fail(self, what):
        self.failed = True
        self.problems.append("chaos: " + what)

    def _guard(self, body):
        try:
            body()
        except (RuntimeError, OSError, ValueError) as error:
            self._fail("%s stopped: %s" % (body.__name__.strip("_"), error))

    def _late(self, what):
        if time.monotonic() < self.deadline:
            return False
        self._fail("the run's deadline passed while sending %s" % what)
        return True

    def _flood_keys(self):
        rng = random.Random(self.seed)
        events = key_events(self.keys, rng)
        at = 0
        while at < len(events):
            if self._late("key events"):
                return
            batch = events[at:at + rng.randrange(4, 13)]
            self.qmp.command("input-send-event", **key_command(batch))
            at += len(batch)
            self.sent["key events"] = at
            time.sleep(rng.uniform(0.001, 0.008))

    def _garbage(self):
        rng = random.Random(self.seed + 1)
        data = serial_garbage(self.serial_bytes, rng)
        at = 0
        while at < len(data):
            if self._late("COM1 bytes"):
                return
            chunk = data[at:at + rng.randrange(64, 1025)]
            if not self.write_serial(chunk):
                self._fail("COM1 took no input until the deadline")
                return
            at += len(chunk)
            self.sent["serial bytes"] = at
            time.sleep(rng.uniform(0.005, 0.03))

    def _nmis(self):
        rng = random.Random(self.seed + 2)
        for n in range(self.nmis):
            if self._late("NMIs"):
                return
            before = self._read_counter() if self.nmi_counter is not None else None
            started = time.monotonic()
            self.qmp.command("inject-nmi")
            self.sent["NMIs"] = n + 1
            if before is not None:
                give_up = min(self.deadline, time.monotonic() + NMI_COUNT_WAIT)
                while self._read_counter() <= before:
                    if time.monotonic() > give_up:
                        self._fail("NMI %d was not counted within %.0f s (the kernel's count "
                                   "stayed at %d)" % (n + 1, give_up - started, before))
                        return
                    time.sleep(0.001)
            time.sleep(rng.uniform(0.002, 0.03))

    def _read_counter(self):
        out = self.qmp.command("human-monitor-command",
                               **{"command-line": "x /1gx %#x" % self.nmi_counter})
        match = ADDRESS.search(out.split(":", 1)[1]) if ":" in out else None
        if match is None:
            raise RuntimeError("could not read the NMI counter at %#x: %r"
                               % (self.nmi_counter, out.strip()))
        return int(match.group(1), 16)
