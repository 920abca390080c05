#include "kernel/console/console.h"

#include "libk/sync/mutex.h"

#include "kernel/console/print.h"
#include "kernel/drivers/serial/uart16550.h"
#include "kernel/drivers/vga_text/vga_screen.h"

namespace kernel::console {
namespace {

constexpr std::uint16_t kCom1 = 0x3f8;

struct Devices {
  drivers::Uart16550 serial;
  drivers::VgaScreen screen;
};

// The console's devices behind an interrupt-safe lock: a handler printing while normal
// code prints waits for the lock with interrupts disabled on the holder's side, so it
// can never spin on a lock its own CPU holds.
libk::IrqMutex<Devices>& Console() {
  // SAFETY: COM1 and the VGA text buffer are driven by the console alone.
  static libk::IrqMutex<Devices> console(
      Devices{drivers::Uart16550(kCom1), drivers::VgaScreen(drivers::VgaCells())});
  return console;
}

// Writes to the locked devices.
class DeviceSink final : public libk::Sink {
 public:
  DeviceSink(Devices& devices, Target target) : devices_(&devices), target_(target) {}

  void Write(libk::StringView text) override {
    devices_->serial.Write(text.data(), text.size());
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

void LockedPrint(Target target, void (*body)(libk::Sink& sink, void* context), void* context) {
  auto devices = Console().Lock();
  DeviceSink sink(*devices, target);
  body(sink, context);
}

}  // namespace internal

void Init() {
  auto devices = Console().Lock();
  devices->serial.Init();
  devices->screen.Clear();
}

void Write(const char* text, std::size_t size) {
  auto devices = Console().Lock();
  devices->serial.Write(text, size);
  devices->screen.Write(text, size);
}

void Write(const char* text) {
  std::size_t size = 0;
  while (text[size] != '\0') {
    ++size;
  }
  Write(text, size);
}

void SetColors(drivers::Color foreground, drivers::Color background) {
  Console().Lock()->screen.SetColors(foreground, background);
}

bool TryReadSerial(char* byte) {
  std::uint8_t value = 0;
  if (!Console().Lock()->serial.TryReadByte(&value)) {
    return false;
  }
  *byte = static_cast<char>(value);
  return true;
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
