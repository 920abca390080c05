#include "kernel/console/console.h"

#include "libk/arch/x86_64/raw/claim.h"
#include "libk/sync/mutex.h"

#include "boot/boot_constants.h"
#include "kernel/console/print.h"
#include "kernel/drivers/serial/uart16550.h"
#include "kernel/drivers/vga_text/vga_screen.h"

namespace kernel::console {
namespace {

namespace raw = libk::x86_64::raw;
using drivers::serial::Uart16550;
using drivers::vga_text::VgaCells;
using drivers::vga_text::VgaCursor;

struct Devices {
  drivers::serial::Uart16550 serial;
  drivers::vga_text::VgaScreen screen;
  // Whether the last byte sent to COM1 ended a line (the screen knows its own column).
  bool serial_at_line_start = true;

  void WriteSerial(const char* text, std::size_t size) {
    serial.Write(text, size);
    if (size > 0) {
      serial_at_line_start = text[size - 1] == '\n';
    }
  }
};

// The console's devices behind an interrupt-safe lock: a handler printing while normal
// code prints waits for the lock with interrupts disabled on the holder's side, so it
// can never spin on a lock its own CPU holds.
libk::IrqMutex<Devices>& Console() {
  static libk::IrqMutex<Devices> console(Devices{
      // SAFETY: COM1 is claimed here and nowhere else (the boot path's error reports run
      // before the console exists); the console drives it, under its lock.
      Uart16550(raw::ClaimPorts(Uart16550::kCom1, Uart16550::kPortCount)),
      // SAFETY: the boot page tables map the first GiB at kKernelVma, so the VGA text
      // buffer is mapped there until kernel/mm switches to the kernel's own tables, which
      // moves it to the direct map first thing (MoveVgaBuffer); it is claimed here and
      // nowhere else.
      drivers::vga_text::VgaScreen(
          VgaCells(raw::ClaimMmio(boot::kKernelVma + VgaCells::kPhysicalAddress, VgaCells::kBytes),
                   // SAFETY: the CRT controller's index and data ports are claimed here
                   // and nowhere else; its cursor registers steer only what the screen
                   // shows, never memory.
                   VgaCursor(raw::ClaimPorts(VgaCursor::kCrtcIndexPort, VgaCursor::kPortCount)))),
  });
  return console;
}

// Writes to the locked devices.
class DeviceSink final : public libk::Sink {
 public:
  DeviceSink(Devices& devices, Target target) : devices_(&devices), target_(target) {}

  void Write(libk::StringView text) override {
    devices_->WriteSerial(text.data(), text.size());
    if (target_ == Target::kConsole) {
      devices_->screen.Write(text.data(), text.size());
    }
  }

 private:
  Devices* devices_;  // Not null: the locked devices outlive this sink.
  Target target_;
};

}  // namespace

namespace internal {

void LockedPrint(Target target, const PrintBody& body) {
  auto devices = Console().Lock();
  DeviceSink sink(*devices, target);
  body.Run(sink);
}

}  // namespace internal

void Init() {
  auto devices = Console().Lock();
  devices->serial.Init();
  devices->screen.Clear();
}

void Write(const char* text, std::size_t size) {
  auto devices = Console().Lock();
  devices->WriteSerial(text, size);
  devices->screen.Write(text, size);
}

void Write(const char* text) {
  std::size_t size = 0;
  while (text[size] != '\0') {
    ++size;
  }
  Write(text, size);
}

void StartLine() {
  auto devices = Console().Lock();
  if (!devices->serial_at_line_start) {
    devices->WriteSerial("\n", 1);
  }
  if (devices->screen.column() != 0) {
    devices->screen.Put('\n');
  }
}

void SetColors(drivers::vga_text::Color foreground, drivers::vga_text::Color background) {
  Console().Lock()->screen.SetColors(foreground, background);
}

void MoveVgaBuffer(std::uint64_t address) {
  // SAFETY: the caller maps the buffer at `address` for good (MoveVgaBuffer's contract);
  // the console still owns the one VGA claim, only seen at another address.
  Console().Lock()->screen.cells().MoveBuffer(raw::ClaimMmio(address, VgaCells::kBytes));
}

bool TryReadSerial(char* byte) {
  std::uint8_t value = 0;
  if (!Console().Lock()->serial.TryReadByte(&value)) {
    return false;
  }
  *byte = static_cast<char>(value);
  return true;
}

void EnableSerialReceiveInterrupt() { Console().Lock()->serial.EnableReceiveInterrupt(); }

void ReserveStatusRow() { Console().Lock()->screen.ReserveStatusRow(); }

void WriteStatusRow(const char* text, std::size_t size) {
  Console().Lock()->screen.WriteStatusRow(text, size);
}

void BreakLockForPanic() {
  auto& console = Console();
  if (auto devices = console.TryLock()) {
    return;  // Free: nothing to break.
  }
  // SAFETY: keel runs on one CPU and the panic handler runs with interrupts disabled, so
  // the holder is code this panic interrupted or abandoned; it will never touch the
  // devices again.
  console.ForceUnlockForPanic();
}

}  // namespace kernel::console
