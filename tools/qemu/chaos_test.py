#!/usr/bin/env python3
"""The chaos generators (chaos.py): the same seed gives the same chaos; the key flood has
the events asked for, every kind of key in it, each key released after its press and
every modifier released at the end; the COM1 garbage has NUL, 0xFF, escapes and
multi-KiB lines without a newline; neither can type a letter of a shell command."""

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import chaos  # noqa: E402

failures = []


def expect(name, ok, detail=""):
    if not ok:
        failures.append("%s %s" % (name, detail))


# Keys.
events = chaos.key_events(4000, random.Random(7))
expect("same seed, same flood", events == chaos.key_events(4000, random.Random(7)))
expect("another seed, another flood", events != chaos.key_events(4000, random.Random(8)))
expect("at least the events asked for", len(events) >= 4000, len(events))
expect("few more than asked for", len(events) <= 4000 + 2 + len(chaos.MODIFIER_KEYS))
keys = {key for key, _ in events}
for kind, group in (("plain", chaos.PLAIN_KEYS), ("extended", chaos.EXTENDED_KEYS),
                    ("keypad", chaos.KEYPAD_KEYS), ("unknown", chaos.UNKNOWN_KEYS),
                    ("modifier", chaos.MODIFIER_KEYS)):
    expect("the flood has %s keys" % kind, keys & set(group))
held = set()
for key, down in events:
    if down:
        expect("no key pressed twice without a release", key not in held, key)
        held.add(key)
    else:
        expect("no release without a press", key in held, key)
        held.discard(key)
expect("every key released at the end", not held, held)
letters = {key for key in keys if len(key) == 1 and key.isalpha()}
expect("no command letter among the keys", not letters & chaos.COMMAND_LETTERS, letters)
batch = chaos.key_command([("shift", True), ("b", False)])["events"]
expect("input-send-event arguments", batch[0] == {
    "type": "key", "data": {"down": True, "key": {"type": "qcode", "data": "shift"}}}, batch)

# COM1 garbage.
data = chaos.serial_garbage(20000, random.Random(3))
expect("same seed, same garbage", data == chaos.serial_garbage(20000, random.Random(3)))
expect("at least the bytes asked for", len(data) >= 20000, len(data))
expect("NUL runs", b"\x00" * 32 in data)
expect("0xFF runs", b"\xff" * 32 in data)
expect("escape sequences", b"\x1b" in data)
longest = max(len(line) for line in data.replace(b"\r", b"\n").split(b"\n"))
expect("a line of 4 KiB or more without a newline", longest >= 4096, longest)
expect("no command letter in the garbage",
       not {chr(b) for b in data} & chaos.COMMAND_LETTERS)

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("chaos_test: %d key events, %d garbage bytes, longest line %d bytes"
      % (len(events), len(data), longest))
