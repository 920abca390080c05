// The kernel console: everything printed goes to COM1 and to the VGA text screen, under
// an interrupt-safe lock so that interrupt handlers may print too.
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernel/drivers/vga_text/text_screen.h"

namespace kernel::console {

// Initialises COM1 and clears the screen. Called once, early in kernel::Main.
void Init();

// Writes `size` bytes of `text` to serial and screen.
void Write(const char* text, std::size_t size);

// Writes the NUL-terminated `text` to serial and screen.
void Write(const char* text);

// Ends the current line on serial and on the screen, each only if something was written
// on it since its last newline, so that what comes next starts a line of its own.
void StartLine();

// Sets the screen colours for what is written next (serial is unaffected).
void SetColors(drivers::vga_text::Color foreground, drivers::vga_text::Color background);

// Returns true and stores a byte received on COM1 in *byte if one is waiting (polled;
// kernel/input's serial hook calls it from the receive interrupt).
bool TryReadSerial(char* byte);

// Writes to the VGA text buffer at virtual `address` from now on; kernel/mm calls it when
// the kernel leaves the boot map (where the buffer was) for its own page tables.
// Safety: `address` must map physical VgaCells::kPhysicalAddress (VgaCells::kBytes of
// it) read-write for the rest of the kernel's life.
void MoveVgaBuffer(std::uint64_t address);

// Makes COM1 interrupt (IRQ 4) when it receives data; the interrupt's handler (installed
// by its consumer, kernel/input) drains it with TryReadSerial.
void EnableSerialReceiveInterrupt();

// Reserves the bottom screen row for a status line: text scrolls above it from now on.
void ReserveStatusRow();

// Draws `size` bytes of `text` on the reserved bottom row (cut or padded to its width)
// without moving the cursor; does nothing unless ReserveStatusRow was called.
void WriteStatusRow(const char* text, std::size_t size);

// Frees the console lock if a panic interrupted its holder, so the panic can print.
// Called only by the panic handler, with interrupts disabled.
void BreakLockForPanic();

}  // namespace kernel::console
