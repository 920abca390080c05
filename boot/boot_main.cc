// The C++ side of the boot path: validates the multiboot2 information the loader left at
// a physical address and calls kernel::Main with it. Called from entry64.S.
#include <cstdint>

#include "libk/arch/x86_64/cpu.h"
#include "libk/arch/x86_64/raw/io.h"
#include "libk/arch/x86_64/raw/mmio.h"
#include "libk/fmt/format.h"
#include "libk/fmt/sink.h"
#include "libk/fmt/string_view.h"
#include "libk/multiboot2/info.h"
#include "libk/result/result.h"

#include "boot/boot_constants.h"
#include "kernel/main.h"

namespace {

namespace raw = libk::x86_64::raw;

constexpr std::uint16_t kCom1 = 0x3f8;

// Writes to COM1 and to VGA row 0 (white on red, like entry32.S's boot errors): where the
// boot path reports an error, before the kernel's console exists.
class BootErrorSink final : public libk::Sink {
 public:
  void Write(libk::StringView text) override {
    constexpr std::uint64_t kVga = boot::kKernelVma + 0xb8000;
    for (const char c : text) {
      // SAFETY: COM1 is the boot console; nothing else drives it yet.
      while ((raw::InB(kCom1 + 5) & 0x20) == 0) {
      }
      // SAFETY: as above; the transmitter is empty, so the byte goes out.
      raw::OutB(kCom1, static_cast<std::uint8_t>(c));
      if (c != '\n' && column_ < 80) {
        // SAFETY: the boot page tables map the VGA text buffer (physical 0xb8000, in the
        // first GiB) at kKernelVma; nothing else uses the screen this early.
        raw::VolatileStore(kVga + (2 * column_),
                           static_cast<std::uint16_t>(0x4f00 | static_cast<unsigned char>(c)));
        ++column_;
      }
    }
  }

 private:
  std::uint64_t column_ = 0;
};

// Reports boot information the parser rejected ("keel boot error: invalid multiboot2
// information: duplicate tag at offset 0x48"), then halts for good.
[[noreturn]] void FailOnBootInformation(const libk::multiboot2::ParseFailure& failure) {
  BootErrorSink sink;
  libk::Format(sink, "keel boot error: invalid multiboot2 information: {}\n", failure);
  libk::x86_64::HaltForever();
}

}  // namespace

extern "C" [[noreturn]] void KeelBootMain(std::uint64_t info_phys) {
  // SAFETY: entry32.S checked that the loader is multiboot2 and that the information
  // starts in the first GiB less 64 KiB, which the boot page tables map at kKernelVma; a
  // loader's boot information is far smaller than 64 KiB, and GRUB keeps it intact until
  // the kernel reuses that memory, which it does not do during boot.
  const auto* info_bytes = reinterpret_cast<const std::byte*>(boot::kKernelVma + info_phys);
  // SAFETY: as above; FromBootloader reads only total_size bytes and validates the rest.
  const libk::Result<libk::multiboot2::Info, libk::multiboot2::ParseFailure> info =
      libk::multiboot2::Info::FromBootloader(info_bytes);
  if (info.is_error()) FailOnBootInformation(info.error());
  kernel::Main(info.value());
  libk::x86_64::HaltForever();
}
